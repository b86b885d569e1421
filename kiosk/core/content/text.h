// Localised text: one string per language code, as content declares them.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace core {

struct Text {
  std::map<std::string, std::string, std::less<>> by_language;

  bool empty() const { return by_language.empty(); }
  // The text in `language`, or in the first language it has (content validation makes that rare).
  const std::string& In(std::string_view language) const;
};

// Replaces each "{key}" in `pattern` with its value.
std::string Format(std::string pattern, const std::map<std::string, std::string>& values);

}  // namespace core
