// Every tap target and text drawn this frame, by visible label: how headless scripts find widgets,
// and how the layout checks catch clipped labels and overlapping targets.
#pragma once

#include <imgui.h>
#include <imgui_internal.h>

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

  bool Visible() const { return clip.Contains(rect); }
};

class TargetRegistry {
 public:
  void BeginFrame() {
    targets_.clear();
    texts_.clear();
  }
  void AddTarget(Target t) { targets_.push_back(std::move(t)); }
  void AddText(std::string text) { texts_.push_back(std::move(text)); }
  // Names the last target for scripts when it shows an icon rather than words.
  void RelabelLast(std::string label) {
    if (!targets_.empty()) targets_.back().label = std::move(label);
  }
  const std::vector<Target>& targets() const { return targets_; }
  const std::vector<std::string>& texts() const { return texts_; }
  int TopLayer() const;

 private:
  std::vector<Target> targets_;
  std::vector<std::string> texts_;
};

}  // namespace ui
