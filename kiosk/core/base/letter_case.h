// Capital and small forms of single letters for the on-screen keyboard's shift and accent keys: Latin
// (with Latin-1, Latin Extended-A and B's Vietnamese letters, Latin Extended Additional), Greek and Cyrillic.
// No locale tables: a letter the rules do not know stays as it is. Also the ASCII-only comparison that
// protocol words (URL schemes, host names, HTTP header names) are matched with.
#pragma once

#include <string>
#include <string_view>

namespace core {

// One code point as UTF-8, and the code point of a one-character UTF-8 string (0 when it is not exactly one).
std::string Utf8(char32_t code_point);
char32_t SingleCodePoint(std::string_view utf8);

// The capital of one letter ("é" -> "É", "ơ" -> "Ơ", "ж" -> "Ж"); anything else is returned unchanged.
std::string UpperLetter(std::string_view letter);
// The small form of one letter ("É" -> "é"); anything else is returned unchanged.
std::string LowerLetter(std::string_view letter);

// Whether two strings are equal once ASCII letters are folded to small ones ("HTTPS" and "https").
bool EqualsIgnoringAsciiCase(std::string_view a, std::string_view b);

}  // namespace core
