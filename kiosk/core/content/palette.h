// The theme's colours as rules: the high-contrast variant of a palette, WCAG 2.2 contrast ratios, and the
// check that every text/background pair and every control boundary the screens draw is readable (`kiosk
// check-content`, and a warning in the log at start).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.h"
#include "core/content/config.h"

namespace core {

// The client's "High contrast" option: black text, dark lines, a deeper brand colour on white.
Theme HighContrast(Theme theme);

// WCAG 2.2 relative luminance of an sRGB colour (alpha ignored), 0 (black) to 1 (white).
double RelativeLuminance(const Rgba& colour);
// WCAG 2.2 contrast ratio, 1 (same) to 21 (black on white); the order of the two does not matter.
double ContrastRatio(const Rgba& a, const Rgba& b);
// "#rrggbb" of a colour (alpha ignored).
std::string HexColour(const Rgba& colour);

// One pair of colours the screens draw next to each other. A colour is a theme key ("text", "line", ...) or
// "white", the fixed fill of fields, cards and dialogs.
struct ColourPair {
  std::string_view foreground, background;
  bool boundary;          // false: text, 4.5:1 (WCAG 1.4.3); true: a control's edge, 3:1 (WCAG 1.4.11)
  std::string_view what;  // where the screens draw it, in words
};
const std::vector<ColourPair>& ThemeColourPairs();
// The colour of a key of `ColourPair` in this theme.
const Rgba& ThemeColour(const Theme& theme, std::string_view key);

// Every pair under its minimum, in the theme as configured and in its high-contrast variant; each problem
// names `file` and the JSON pointer of the theme key to change (/theme/line).
Problems CheckContrast(const Theme& theme, const std::string& file);

}  // namespace core
