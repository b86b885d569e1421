// The keypad's key map (kiosk.json "keypad"): which keys, by their SDL names ("Up", "Return", "Keypad 8"), do
// each navigation action, so a clinic's USB keypad can be mapped without code. Names are checked against the
// platform's own list by whoever knows it (the app, which links SDL): core stays pure.
#pragma once

#include <array>
#include <functional>
#include <string>
#include <vector>

#include "core/base/result.h"
#include "core/touch/focus.h"

namespace core {

struct KeyName {
  std::string name;     // as SDL_GetKeyName spells it; matched without regard to case
  std::string pointer;  // where the config wrote it ("/keypad/up/0"); empty for a default
};

struct KeypadKeys {
  std::array<std::vector<KeyName>, kNavKeyCount> keys;  // by NavKey

  // Arrows; Return, Keypad Enter and Space select; Escape and Backspace go back (Backspace and Space only
  // where no text field is being typed in: there they edit the text); F1 and Keypad * help; VolumeUp / Keypad
  // + and VolumeDown / Keypad - the volume; F2 / Keypad / slower and F3 / Keypad . faster speech.
  static KeypadKeys Defaults();
  const std::vector<KeyName>& For(NavKey key) const { return keys[static_cast<size_t>(key)]; }
};

// Every name the platform does not know, as FILE: /keypad/ACTION/N: "..." is not a key name.
Problems CheckKeyNames(const KeypadKeys& keypad, const std::function<bool(const std::string&)>& known,
                       const std::string& file);

}  // namespace core
