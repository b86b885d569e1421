// Case pairs by Unicode block: most blocks pair letters at a fixed distance or as even/odd neighbours.
#include "core/base/letter_case.h"

#include <algorithm>

namespace core {

namespace {

// Pairs where the capital is the even code point and the small letter the next one.
bool EvenOddPairs(char32_t c) {
  return (c >= 0x0100 && c <= 0x0137) || (c >= 0x014A && c <= 0x0177) || (c >= 0x1E00 && c <= 0x1E95) ||
         (c >= 0x1EA0 && c <= 0x1EFF) || (c >= 0x0460 && c <= 0x0481) || (c >= 0x048A && c <= 0x04BF) ||
         (c >= 0x04D0 && c <= 0x04FF) || (c >= 0x03D8 && c <= 0x03EF);
}

// Pairs where the capital is the odd code point and the small letter the next one.
bool OddEvenPairs(char32_t c) {
  return (c >= 0x0139 && c <= 0x0148) || (c >= 0x0179 && c <= 0x017E) || (c >= 0x04C1 && c <= 0x04CE);
}

char32_t Upper(char32_t c) {
  if (c >= 'a' && c <= 'z') return c - 0x20;
  if ((c >= 0xE0 && c <= 0xFE && c != 0xF7)) return c - 0x20;
  if (c == 0xFF) return 0x178;                 // ÿ
  if (c == 0xDF) return 0x1E9E;                // ß -> ẞ
  if (c == 0x1A1 || c == 0x1B0) return c - 1;  // ơ ư (Vietnamese)
  if (c == 0x131) return 'I';                  // dotless ı (Turkish)
  if (c == 0x130) return c;
  if (EvenOddPairs(c)) return (c % 2 == 1) ? c - 1 : c;
  if (OddEvenPairs(c)) return (c % 2 == 0) ? c - 1 : c;
  if (c == 0x3C2) return 0x3A3;  // final sigma
  if (c >= 0x3B1 && c <= 0x3CB) return c - 0x20;
  if (c == 0x3AC) return 0x386;
  if (c >= 0x3AD && c <= 0x3AF) return c - 0x25;
  if (c == 0x3CC) return 0x38C;
  if (c == 0x3CD || c == 0x3CE) return c - 0x3F;
  if (c >= 0x430 && c <= 0x44F) return c - 0x20;
  if (c >= 0x450 && c <= 0x45F) return c - 0x50;
  return c;
}

char32_t Lower(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 0x20;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 0x20;
  if (c == 0x178) return 0xFF;
  if (c == 0x1E9E) return 0xDF;
  if (c == 0x1A0 || c == 0x1AF) return c + 1;
  if (c == 0x130) return 'i';  // İ (Turkish)
  if (c == 0x131) return c;
  if (EvenOddPairs(c)) return (c % 2 == 0) ? c + 1 : c;
  if (OddEvenPairs(c)) return (c % 2 == 1) ? c + 1 : c;
  if (c >= 0x391 && c <= 0x3AB && c != 0x3A2) return c + 0x20;
  if (c == 0x386) return 0x3AC;
  if (c >= 0x388 && c <= 0x38A) return c + 0x25;
  if (c == 0x38C) return 0x3CC;
  if (c == 0x38E || c == 0x38F) return c + 0x3F;
  if (c >= 0x410 && c <= 0x42F) return c + 0x20;
  if (c >= 0x400 && c <= 0x40F) return c + 0x50;
  return c;
}

}  // namespace

std::string Utf8(char32_t c) {
  std::string out;
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
  return out;
}

char32_t SingleCodePoint(std::string_view s) {
  if (s.empty()) return 0;
  auto b = [&](size_t i) { return static_cast<unsigned char>(s[i]); };
  size_t len = b(0) < 0x80             ? 1
               : (b(0) & 0xE0) == 0xC0 ? 2
               : (b(0) & 0xF0) == 0xE0 ? 3
               : (b(0) & 0xF8) == 0xF0 ? 4
                                       : 0;
  if (len == 0 || s.size() != len) return 0;
  char32_t c = len == 1 ? b(0) : len == 2 ? (b(0) & 0x1F) : len == 3 ? (b(0) & 0x0F) : (b(0) & 0x07);
  for (size_t i = 1; i < len; ++i) {
    if ((b(i) & 0xC0) != 0x80) return 0;
    c = (c << 6) | (b(i) & 0x3F);
  }
  return c;
}

std::string UpperLetter(std::string_view letter) {
  char32_t c = SingleCodePoint(letter);
  return c ? Utf8(Upper(c)) : std::string(letter);
}

std::string LowerLetter(std::string_view letter) {
  char32_t c = SingleCodePoint(letter);
  return c ? Utf8(Lower(c)) : std::string(letter);
}

bool EqualsIgnoringAsciiCase(std::string_view a, std::string_view b) {
  const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [&](char x, char y) { return lower(x) == lower(y); });
}

}  // namespace core
