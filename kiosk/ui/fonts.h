// Builds the font atlas with FreeType at the theme's sizes: the glyphs of the text it is given, from the
// kiosk's font and, for characters that font lacks, from fallback faces merged in (Noto Sans CJK, or whatever
// the platform found for a character typed at run time). The atlas is rebuilt, not patched, when it grows.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ui/theme.h"

namespace ui {

// One face: a font file and, for a collection (.ttc), which face in it.
struct FontFace {
  std::string file;
  int index = 0;
};

struct FontStack {
  FontFace regular, bold;
  std::vector<FontFace> fallback_regular, fallback_bold;  // in order, for characters the faces before lack
};

// `text` is every string the fonts must draw (content and whatever was typed or shown since); its code points
// become the glyph ranges. The display font (2.6 em, the largest in the atlas) gets only ASCII and
// `display_text`'s characters: it draws the clinic name, the thank-you title and the countdown's digits.
Fonts BuildFonts(const FontStack& faces, float em, const std::string& text, const std::string& display_text);
Fonts BuildFonts(const std::string& regular_file, const std::string& bold_file, float em,
                 const std::string& text, const std::string& display_text);

// The code points of `utf8` that `font` has no glyph for (ImGui would draw "?" or a box in their place).
// Control characters are not counted: nothing draws them.
std::vector<char32_t> MissingGlyphs(const ImFont* font, std::string_view utf8);

}  // namespace ui
