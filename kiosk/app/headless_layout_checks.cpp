// The checks the headless driver runs on every frame: no label clipped by its button, no two tap targets
// overlapping, no text running into a target it is not the label of, and every character in the font atlas.
#include <cmath>
#include <cstdio>

#include "app/headless_driver.h"
#include "core/touch/keyboard.h"
#include "ui/fonts.h"

namespace app {

core::Status HeadlessDriver::CheckLayout() {
  const auto& reg = app_.ui().registry();
  int top = reg.TopLayer();
  std::vector<const ui::Target*> live;
  for (const auto& t : reg.targets()) {
    if (t.layer != top || !t.Visible()) continue;
    if (t.clipped) return core::Status::Fail("the label \"" + t.label + "\" does not fit its button");
    live.push_back(&t);
  }
  for (size_t i = 0; i < live.size(); ++i) {
    for (size_t j = i + 1; j < live.size(); ++j) {
      ImRect a = live[i]->rect, b = live[j]->rect;
      bool overlap =
          a.Min.x < b.Max.x - 1 && b.Min.x < a.Max.x - 1 && a.Min.y < b.Max.y - 1 && b.Min.y < a.Max.y - 1;
      if (overlap)
        return core::Status::Fail("targets \"" + live[i]->label + "\" and \"" + live[j]->label +
                                  "\" overlap");
    }
  }
  // A text is either a target's own label (inside it) or clear of every target. (The text itself is not
  // printed: it may be a client's name.)
  auto px = [](float v) { return std::to_string(static_cast<int>(std::lround(v))); };
  for (const auto& text : reg.placed()) {
    if (text.layer != top || !text.Visible()) continue;
    for (const ui::Target* t : live) {
      ImRect a = text.rect, b = t->rect;
      bool touch = a.Min.x < b.Max.x && b.Min.x < a.Max.x && a.Min.y < b.Max.y && b.Min.y < a.Max.y;
      bool inside = a.Min.x >= b.Min.x - 1 && a.Max.x <= b.Max.x + 1 && a.Min.y >= b.Min.y - 1 &&
                    a.Max.y <= b.Max.y + 1;
      if (touch && !inside)
        return core::Status::Fail("a text drawn at " + px(a.Min.x) + "," + px(a.Min.y) +
                                  " runs into the target \"" + t->label + "\"");
    }
  }
  return CheckGlyphs();
}

// Every character of every text drawn has its glyph in the font atlas: none is drawn as ImGui's "?" or a box.
// (The text itself is not printed: it may be a client's name.)
core::Status HeadlessDriver::CheckGlyphs() {
  const ImFont* font = app_.ui().theme().fonts.body;
  for (const auto& text : app_.ui().registry().texts()) {
    auto missing = ui::MissingGlyphs(font, text);
    if (missing.empty()) continue;
    std::string codes;
    for (char32_t c : missing) {
      char hex[16];
      std::snprintf(hex, sizeof hex, " U+%04X", static_cast<unsigned>(c));
      codes += hex;
    }
    return core::Status::Fail("a text of " + std::to_string(core::SplitCodePoints(text).size()) +
                              " characters is drawn without the glyphs of" + codes +
                              " (shown as \"?\" or a box)");
  }
  return core::Ok{};
}

}  // namespace app
