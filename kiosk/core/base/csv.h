// The one CSV cell rule of the product (the kiosk's leads export and the inbox's intake export): a cell
// never starts a formula in any spreadsheet or locale, and is quoted when it holds a separator or a quote.
#pragma once

#include <string>
#include <string_view>

namespace core {

// One CSV cell, RFC 4180 quoting (quotes doubled), UTF-8 kept byte for byte otherwise.
// Defused with an apostrophe: wherever a spreadsheet could start a cell (the start, and after any of the
// separators ",", ";" (Excel's list separator in es, fr, de...), tab, CR and LF), if the first character
// after any whitespace (space, tab, CR, LF, no-break and ideographic spaces) is =, +, -, @ or its full-width
// form (＝ ＋ － ＠), an apostrophe goes right at that start. So "+34 600 123 456" becomes "'+34 600 123 456"
// and "Ann;=cmd" becomes "Ann;'=cmd".
// Quoted: when it holds a comma, semicolon, tab, quote, CR or LF, or starts or ends with a space.
std::string CsvField(std::string_view text);

}  // namespace core
