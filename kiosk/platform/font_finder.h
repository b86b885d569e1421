// Finds the kiosk's font files: Noto Sans regular and bold (a configured path, Debian's own copy, or
// fontconfig), Noto Sans CJK for content in Chinese, Japanese or Korean, and a fallback face for a character
// no font in use has (a name typed in a script the content never uses).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/base/result.h"

namespace platform {

struct FontFiles {
  std::string regular, bold;
};

// One face: a file and, for a collection (.ttc), which face in it.
struct FontFace {
  std::string file;
  int index = 0;
};

struct FontPair {
  FontFace regular, bold;
};

// `configured`: a font file from config (used for both weights). Empty: Noto Sans, opened by its path in
// Debian's fonts-noto-core when it is there (no font lookup at all), else asked of fontconfig.
core::Result<FontFiles> FindFonts(const std::string& configured);

// Noto Sans CJK in the variant of a CJK language ("zh", "zh-Hans", "zh-CN" Simplified; "zh-Hant", "zh-TW"
// Traditional; "zh-HK", "zh-MO" Hong Kong; "ja", "ko"), from Debian's fonts-noto-cjk; nullopt for other
// languages or when the package is missing.
std::optional<FontPair> FindCjkFonts(std::string_view language);

// A regular and a bold face that have a glyph for `code_point`, asked of fontconfig (its first lookup costs
// 10-20 ms, so only for characters the kiosk's fonts lack); nullopt when no font on the machine has one.
std::optional<FontPair> FindFontsFor(char32_t code_point);

}  // namespace platform
