// What a language code may be, everywhere (content, the intake, the inbox): a BCP 47 tag of a language,
// an optional script and an optional region, as a clinic writes them: "en", "fil", "pt-BR", "zh-Hans",
// "sr-Latn-RS", "es-419".
#pragma once

#include <string_view>

namespace core {

// Lowercase language of 2-3 letters, then optionally "-" + a script (an uppercase and three lowercase
// letters), then optionally "-" + a region (two uppercase letters or three digits). Nothing else.
bool IsLanguageTag(std::string_view tag);

}  // namespace core
