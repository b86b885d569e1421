// The drawing context of one frame and the touch widgets every screen is built from.
// Widgets draw with ImGui's draw list, take taps through ImGui items, and register their labels.
#pragma once

#include <imgui.h>
#include <imgui_internal.h>

#include <string>
#include <utility>

#include "ui/target_registry.h"
#include "ui/theme.h"

namespace ui {

struct Paint {
  const Theme& theme;
  TargetRegistry& registry;
  std::string scope;  // label of the question being drawn, for targets
  int layer = 0;      // 0 screen, 1 overlay
  bool in_scroll = false;
  float scroll_origin = 0;  // screen y of the scroll content's top (window y - scroll)
  ImRect clip;              // visible region for targets drawn now
  bool enabled = true;      // false: draw only, no taps (screen under an overlay)
  std::string group;        // the keypad's group for targets drawn now (Target::group); empty: each alone
  bool radio = false;       // and whether left/right there also chooses
  bool chrome = false;      // targets drawn now are header options
  std::string question;     // the id of the question being drawn (empty outside one), for speech
};

// While alive, targets drawn join the keypad's group `name` (radio: left/right there also chooses).
class NavGroup {
 public:
  NavGroup(Paint& p, std::string name, bool radio = false)
      : p_(p), group_(std::exchange(p.group, std::move(name))), radio_(std::exchange(p.radio, radio)) {}
  ~NavGroup() {
    p_.group = std::move(group_);
    p_.radio = radio_;
  }
  NavGroup(const NavGroup&) = delete;
  NavGroup& operator=(const NavGroup&) = delete;

 private:
  Paint& p_;
  std::string group_;
  bool radio_;
};

enum class ButtonStyle { kPrimary, kOutline, kSoft, kSelected, kDisabled };  // kDisabled: nothing to do now

ImVec2 Measure(ImFont* font, const std::string& text, float wrap_width = 0);
// Draws wrapped text at `pos`; returns its height. Registered as visible text.
float DrawText(Paint& p, ImFont* font, ImU32 colour, ImVec2 pos, const std::string& text, float wrap_width);
// Draws text wrapped at `wrap_width` with every line centred on `centre_x`; returns its height.
float DrawCentredLines(Paint& p, ImFont* font, ImU32 colour, float centre_x, float y, const std::string& text,
                       float wrap_width);

// A rounded button with a centred label. Returns true when tapped.
bool Button(Paint& p, const char* id, const std::string& label, ImVec2 pos, ImVec2 size, ButtonStyle style,
            ImFont* font = nullptr);
float ButtonWidth(const Paint& p, const std::string& label, ImFont* font = nullptr);

// A selectable card: tick box (multi) or radio dot (single), bold title, muted description.
bool ChoiceCard(Paint& p, const char* id, const std::string& title, const std::string& description,
                bool checked, bool multi, ImVec2 pos, ImVec2 size);
float ChoiceCardHeight(const Paint& p, const std::string& title, const std::string& description, float width);

// A tick box with a wrapped label, as a full-width row (consents).
bool CheckRow(Paint& p, const char* id, const std::string& label, bool checked, float width);

// Registers the last ImGui item as a target under `label` (checked: a chosen answer).
void RegisterRect(Paint& p, const std::string& label, const ImRect& rect, bool clipped, bool checked = false);
// True when the keypad's Select activates the last ImGui item this frame.
bool Activated(Paint& p);

// A filled rounded rectangle that looks like ImDrawList::AddRectFilled's but costs far less on SDL's software
// renderer: the body as plain rectangles (which SDL blits) and only the corners as small anti-aliased fans
// (SDL tests every pixel of each triangle's bounding box: one fan across a whole button is ~20x its area).
void FillRoundedRect(ImDrawList* dl, ImVec2 min, ImVec2 max, ImU32 colour, float rounding);

// Draws a tick mark inside `box`.
void DrawTick(ImDrawList* dl, const ImRect& box, ImU32 colour, float thickness);

}  // namespace ui
