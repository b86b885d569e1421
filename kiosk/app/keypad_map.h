// The keypad's keys (kiosk.json "keypad", SDL key names) as SDL keycodes: which navigation action a key
// press is, and whether a configured name is a key SDL knows.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "core/touch/keypad.h"
#include "ui/kiosk_ui.h"

namespace app {

// True when SDL has a key of this name ("Up", "Return", "Keypad 8"; any case).
bool IsKeyName(const std::string& name);

class KeypadMap {
 public:
  explicit KeypadMap(const core::KeypadKeys& keys);
  // The action of a key pressed with `mods` held; none for an unmapped key or a combination with Ctrl, Alt or
  // Super (those are never navigation, and never leave the kiosk).
  std::optional<ui::NavPress> Lookup(int keycode, unsigned mods) const;

 private:
  std::map<int, core::NavKey> actions_;
};

}  // namespace app
