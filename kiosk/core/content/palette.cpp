// Palette rules: the high-contrast variant and the WCAG 2.2 contrast check of every pair the screens draw.
#include "core/content/palette.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace core {

namespace {

Rgba Darker(Rgba c, float f) {
  for (size_t i = 0; i < 3; ++i) c[i] *= 1 - f;
  return c;
}

double Linear(float channel) {
  // WCAG 2.2 uses 0.04045 (sRGB's own threshold); 0.03928 of WCAG 2.0 gives the same for 8-bit values
  double c = std::clamp(static_cast<double>(channel), 0.0, 1.0);
  return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

std::string Ratio(double r) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.2f:1", std::floor(r * 100) / 100);  // never rounded up past a limit
  return buf;
}

// The key a problem names: "white" is not configurable, so the other colour of the pair is to change.
std::string_view KeyToChange(const ColourPair& p) {
  return p.foreground == "white" ? p.background : p.foreground;
}

}  // namespace

Theme HighContrast(Theme c) {
  c.text = {0, 0, 0, 1};
  c.muted = {0.15f, 0.15f, 0.15f, 1};
  c.line = {0.25f, 0.25f, 0.25f, 1};
  c.background = {1, 1, 1, 1};
  c.brand_soft = {0.93f, 0.93f, 0.93f, 1};
  c.brand = Darker(c.brand, 0.35f);
  c.alert = Darker(c.alert, 0.3f);
  return c;
}

double RelativeLuminance(const Rgba& c) {
  return 0.2126 * Linear(c[0]) + 0.7152 * Linear(c[1]) + 0.0722 * Linear(c[2]);
}

double ContrastRatio(const Rgba& a, const Rgba& b) {
  double la = RelativeLuminance(a), lb = RelativeLuminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

std::string HexColour(const Rgba& c) {
  char buf[8];
  auto byte = [](float v) { return static_cast<unsigned>(std::lround(std::clamp(v, 0.0f, 1.0f) * 255)); };
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", byte(c[0]), byte(c[1]), byte(c[2]));
  return buf;
}

const std::vector<ColourPair>& ThemeColourPairs() {
  // Kept in step with kiosk/ui (theme.cpp, paint.cpp, screens/): what is drawn on what.
  static const std::vector<ColourPair> pairs = {
      {"text", "background", false, "headings and body text on the page"},
      {"text", "white", false, "answers in fields, card titles, review answers"},
      {"text", "brand_soft", false, "consent text, health notes, chosen cards"},
      {"muted", "background", false, "step intro, help lines, progress"},
      {"muted", "white", false, "card descriptions, review labels, \"Sign here\""},
      {"muted", "brand_soft", false, "descriptions on chosen cards"},
      {"brand", "background", false, "the clinic name, section titles"},
      {"brand", "white", false, "outline buttons' words"},
      {"brand", "brand_soft", false, "notes in staff mode"},
      {"white", "brand", false, "words on Next, Send and chosen buttons"},
      {"alert", "background", false, "validation messages"},
      {"alert", "white", false, "alerts on staff tiles"},
      {"line", "white", true, "borders of fields, cards and buttons"},
      {"line", "background", true, "borders of fields and cards on the page"},
      {"line", "brand_soft", true, "borders of soft buttons (a chosen date part)"},
      {"brand", "white", true, "tick boxes, radio dots, a chosen card's and a focused field's border"},
      {"brand", "brand_soft", true, "a chosen card's border and tick box on its fill"},
      {"brand", "background", true, "Next, Send and chosen buttons against the page"},
      {"alert", "white", true, "the border of a field with a problem"},
  };
  return pairs;
}

const Rgba& ThemeColour(const Theme& t, std::string_view key) {
  static const Rgba white{1, 1, 1, 1};
  if (key == "brand") return t.brand;
  if (key == "brand_soft") return t.brand_soft;
  if (key == "background") return t.background;
  if (key == "text") return t.text;
  if (key == "muted") return t.muted;
  if (key == "line") return t.line;
  if (key == "alert") return t.alert;
  return white;
}

Problems CheckContrast(const Theme& theme, const std::string& file) {
  Problems problems;
  auto check = [&](const Theme& t, const char* variant) {
    for (const ColourPair& p : ThemeColourPairs()) {
      const Rgba& fg = ThemeColour(t, p.foreground);
      const Rgba& bg = ThemeColour(t, p.background);
      double ratio = ContrastRatio(fg, bg);
      double minimum = p.boundary ? 3.0 : 4.5;
      if (ratio >= minimum) continue;
      std::string what = p.boundary ? "control boundary" : "text";
      problems.push_back({file, "/theme/" + std::string(KeyToChange(p)),
                          std::string(variant) + what + " " + std::string(p.foreground) + " (" +
                              HexColour(fg) + ") on " + std::string(p.background) + " (" + HexColour(bg) +
                              "), " + std::string(p.what) + ": contrast " + Ratio(ratio) + ", below the " +
                              (p.boundary ? "3:1" : "4.5:1") + " WCAG 2.2 asks (" +
                              (p.boundary ? "1.4.11" : "1.4.3") + ")"});
    }
  };
  check(theme, "");
  check(HighContrast(theme), "in high contrast: ");
  return problems;
}

}  // namespace core
