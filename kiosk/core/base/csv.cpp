// CSV cells that never start a formula (csv.h).
#include "core/base/csv.h"

#include <array>

namespace core {
namespace {

bool IsSeparator(char c) {
  return c == ',' || c == ';' || c == '\t' || c == '\r' || c == '\n';
}

// Length of the whitespace at `at` (0 when none): ASCII space, tab, CR, LF, U+00A0 and U+3000.
size_t WhitespaceAt(std::string_view s, size_t at) {
  const std::string_view rest = s.substr(at);
  if (!rest.empty() && (rest[0] == ' ' || rest[0] == '\t' || rest[0] == '\r' || rest[0] == '\n')) return 1;
  if (rest.starts_with("\xC2\xA0")) return 2;      // U+00A0 no-break space
  if (rest.starts_with("\xE3\x80\x80")) return 3;  // U+3000 ideographic space
  return 0;
}

// Whether a formula could start at `at`: =, +, -, @ or a full-width form after any whitespace.
bool FormulaAt(std::string_view s, size_t at) {
  while (size_t n = WhitespaceAt(s, at)) at += n;
  if (at >= s.size()) return false;
  const char c = s[at];
  if (c == '=' || c == '+' || c == '-' || c == '@') return true;
  // U+FF1D FULLWIDTH EQUALS, U+FF0B PLUS, U+FF0D HYPHEN-MINUS, U+FF20 COMMERCIAL AT.
  static constexpr std::array<std::string_view, 4> kFullWidth = {"\xEF\xBC\x9D", "\xEF\xBC\x8B",
                                                                 "\xEF\xBC\x8D", "\xEF\xBC\xA0"};
  for (std::string_view f : kFullWidth) {
    if (s.substr(at).starts_with(f)) return true;
  }
  return false;
}

// An apostrophe at each place a cell could start with a formula. When a separator follows at once, the
// apostrophe goes after that one instead ("\r\n=x" gets one, after the "\n").
std::string Defused(std::string_view text) {
  auto needs = [text](size_t at) {
    return FormulaAt(text, at) && !(at < text.size() && IsSeparator(text[at]));
  };
  std::string out;
  out.reserve(text.size() + 2);
  if (needs(0)) out.push_back('\'');
  for (size_t i = 0; i < text.size(); ++i) {
    out.push_back(text[i]);
    if (IsSeparator(text[i]) && needs(i + 1)) out.push_back('\'');
  }
  return out;
}

}  // namespace

std::string CsvField(std::string_view text) {
  const std::string value = Defused(text);
  const bool quote = value.find_first_of(",;\t\"\r\n") != std::string::npos ||
                     (!value.empty() && (value.front() == ' ' || value.back() == ' '));
  if (!quote) return value;
  std::string out;
  out.reserve(value.size() + 2);
  out.push_back('"');
  for (char c : value) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

}  // namespace core
