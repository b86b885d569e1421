// Runs a script against the real app with no screen: taps go through ImGui's input to the widget whose
// visible label matches, time is virtual, and each frame is checked for clipped labels and overlapping
// targets.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "app/kiosk_app.h"
#include "app/script.h"
#include "core/base/clock.h"

namespace app {

class HeadlessDriver {
 public:
  HeadlessDriver(KioskApp& app, core::ManualClock& clock, std::filesystem::path screenshots)
      : app_(app), clock_(clock), screenshots_(std::move(screenshots)) {}

  // Runs every command; stops at the first that does not hold. Empty result: all held.
  core::Status Run(const std::vector<Command>& commands, const std::string& script_name);

 private:
  core::Status Execute(const Command& c);
  core::Status Tap(const Command& c);
  core::Status Sign(const Command& c);
  core::Status Drag(const Command& c);
  core::Status Wait(std::chrono::milliseconds d);
  core::Status Hold(const Command& c);
  core::Status Key(const Command& c);
  core::Status Press(const Command& c);
  core::Status ExpectFocus(const Command& c);
  core::Status Close();
  core::Status Plug(const Command& c);
  core::Status CheckLayout();
  core::Status CheckGlyphs();
  core::Status CheckFocusedField(const Command& c);
  // Finds the one top-layer target with this label (and scope); scrolls it into view if it must.
  core::Result<ui::Target> FindTarget(const std::string& label, const std::string& scope);
  void Frames(int n, core::Image* capture = nullptr);
  void Settle();
  void MouseAt(float x, float y, bool down);

  KioskApp& app_;
  core::ManualClock& clock_;
  std::filesystem::path screenshots_;
  std::string said_;  // what speech said since the last action (the script's text, never logged)
  // The machine's audio as the window's watch would report it: built-in speakers and a headphone jack.
  core::AudioReport audio_{{"Built-in Audio Analog Stereo"}, false};
};

}  // namespace app
