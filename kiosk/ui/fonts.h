// Builds the font atlas with FreeType: only the glyphs the content uses, at the theme's sizes.
#pragma once

#include <string>

#include "ui/theme.h"

namespace ui {

// `text` is every string the fonts must draw (all content); its code points become the glyph ranges.
// The display font (2.6 em, the largest in the atlas) gets only ASCII and `display_text`'s characters:
// it draws the clinic name, the thank-you title and the countdown's digits.
Fonts BuildFonts(const std::string& regular_file, const std::string& bold_file, float em,
                 const std::string& text, const std::string& display_text);

}  // namespace ui
