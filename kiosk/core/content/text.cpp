// Localised text lookup and placeholder formatting.
#include "core/content/text.h"

namespace core {

const std::string& Text::In(std::string_view language) const {
  static const std::string kEmpty;
  if (auto it = by_language.find(language); it != by_language.end()) return it->second;
  return by_language.empty() ? kEmpty : by_language.begin()->second;
}

std::string Format(std::string pattern, const std::map<std::string, std::string>& values) {
  for (const auto& [key, value] : values) {
    const std::string token = "{" + key + "}";
    for (size_t at = pattern.find(token); at != std::string::npos;
         at = pattern.find(token, at + value.size())) {
      pattern.replace(at, token.size(), value);
    }
  }
  return pattern;
}

}  // namespace core
