// Every tap target and text drawn this frame, by visible label: how headless scripts find widgets,
// how the layout checks catch clipped labels and overlapping targets, and what the keypad's focus ring
// moves through (in the order drawn; a key's Select reaches the widget through its ImGui id).
#pragma once

#include <imgui.h>
#include <imgui_internal.h>

#include <optional>
#include <string>
#include <vector>

namespace ui {

struct Target {
  std::string label;    // the visible text
  std::string scope;    // the question it belongs to (its label), to tell apart the many "Yes" buttons
  ImRect rect;          // on screen, in pixels
  ImRect clip;          // the visible part of the screen it lives in (scroll areas clip)
  float content_y = 0;  // for targets in the scroll area: its y inside the scrolled content
  bool in_scroll = false;
  bool clipped = false;  // the label does not fit its target
  int layer = 0;         // 0: the screen, 1: an overlay on top of it (only the top layer takes taps)
  ImGuiID id = 0;        // the ImGui item that takes the tap
  std::string group;     // targets that belong together for the keypad (core::FocusItem::group)
  bool radio = false;    // left/right in the group also chooses
  bool chrome = false;   // a header option
  bool checked = false;  // a chosen answer
  std::string question;  // the id of the question it answers (speech reads the question with it)
  std::string action;    // what a button does, for speech: "next", "back", "send", "edit", "start", ...

  bool Visible() const { return clip.Contains(rect); }
};

// A text drawn where a script can check that the client sees it whole (`expect visible`).
struct PlacedText {
  std::string text;
  std::string scope;  // the question it belongs to (its label), or empty
  ImRect rect, clip;
  int layer = 0;

  bool Visible() const { return clip.Contains(rect); }
};

class TargetRegistry {
 public:
  void BeginFrame() {
    targets_.clear();
    texts_.clear();
    placed_.clear();
    focused_field_.reset();
  }
  void AddTarget(Target t) { targets_.push_back(std::move(t)); }
  void AddText(std::string text) { texts_.push_back(std::move(text)); }
  void AddText(PlacedText placed) {
    texts_.push_back(placed.text);
    placed_.push_back(std::move(placed));
  }
  // The text field the on-screen keyboard types into, as drawn this frame (none when the keyboard is shut).
  void SetFocusedField(Target field) { focused_field_ = std::move(field); }
  const std::optional<Target>& focused_field() const { return focused_field_; }
  const std::vector<PlacedText>& placed() const { return placed_; }
  // Names the last target for scripts when it shows an icon rather than words.
  void RelabelLast(std::string label) {
    if (!targets_.empty()) targets_.back().label = std::move(label);
  }
  // Says what the last target does (speech: "next", "read_aloud", ...), and whether it is on.
  void TagLast(std::string action, bool on = false) {
    if (targets_.empty()) return;
    targets_.back().action = std::move(action);
    targets_.back().checked = targets_.back().checked || on;
  }
  // The keypad's Select: the widget with this id acts as if tapped, in the frame it is next drawn.
  void Activate(ImGuiID id) { activate_ = id; }
  // True once for the widget being activated (called by the widget with its own id).
  bool TakeActivation(ImGuiID id) {
    if (id == 0 || id != activate_) return false;
    activate_ = 0;
    activated_ = id;
    return true;
  }
  bool ActivatedNow(ImGuiID id) const { return id != 0 && id == activated_; }
  void EndFrame() { activate_ = activated_ = 0; }  // an activation no widget took is dropped
  const std::vector<Target>& targets() const { return targets_; }
  const std::vector<std::string>& texts() const { return texts_; }
  int TopLayer() const;

 private:
  std::vector<Target> targets_;
  std::vector<std::string> texts_;
  std::vector<PlacedText> placed_;
  std::optional<Target> focused_field_;
  ImGuiID activate_ = 0, activated_ = 0;
};

}  // namespace ui
