// Builds the font atlas with FreeType: only the glyphs the content uses, at the theme's sizes.
#pragma once

#include <string>

#include "ui/theme.h"

namespace ui {

// `text` is every string the fonts must draw (all content); its code points become the glyph ranges.
Fonts BuildFonts(const std::string& regular_file, const std::string& bold_file, float em,
                 const std::string& text);

}  // namespace ui
