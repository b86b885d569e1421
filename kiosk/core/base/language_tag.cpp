// The one rule for language codes (language_tag.h).
#include "core/base/language_tag.h"

namespace core {
namespace {

bool All(std::string_view s, bool (*test)(char)) {
  for (char c : s)
    if (!test(c)) return false;
  return true;
}
bool Lower(char c) {
  return c >= 'a' && c <= 'z';
}
bool Upper(char c) {
  return c >= 'A' && c <= 'Z';
}
bool Digit(char c) {
  return c >= '0' && c <= '9';
}

}  // namespace

bool IsLanguageTag(std::string_view tag) {
  std::size_t dash = tag.find('-');
  std::string_view language = tag.substr(0, dash);
  if (language.size() < 2 || language.size() > 3 || !All(language, Lower)) return false;
  std::string_view rest = dash == std::string_view::npos ? std::string_view() : tag.substr(dash + 1);
  if (dash != std::string_view::npos && rest.empty()) return false;
  if (rest.size() >= 4 && Upper(rest[0]) && All(rest.substr(1, 3), Lower) &&
      (rest.size() == 4 || rest[4] == '-')) {  // a script
    rest = rest.size() == 4 ? std::string_view() : rest.substr(5);
    if (tag.back() == '-') return false;
  }
  if (rest.empty()) return true;
  return (rest.size() == 2 && All(rest, Upper)) || (rest.size() == 3 && All(rest, Digit));  // a region
}

}  // namespace core
