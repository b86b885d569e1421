// The keypad's default keys and the check of configured key names.
#include "core/touch/keypad.h"

namespace core {

KeypadKeys KeypadKeys::Defaults() {
  KeypadKeys k;
  auto set = [&](NavKey key, std::vector<std::string> names) {
    for (auto& n : names) k.keys[static_cast<size_t>(key)].push_back({std::move(n), ""});
  };
  set(NavKey::kUp, {"Up"});
  set(NavKey::kDown, {"Down"});
  set(NavKey::kLeft, {"Left"});
  set(NavKey::kRight, {"Right"});
  set(NavKey::kSelect, {"Return", "Keypad Enter", "Space"});
  set(NavKey::kBack, {"Escape", "Backspace"});
  set(NavKey::kHelp, {"F1", "Keypad *"});
  set(NavKey::kVolumeUp, {"VolumeUp", "Keypad +"});
  set(NavKey::kVolumeDown, {"VolumeDown", "Keypad -"});
  set(NavKey::kSlower, {"F2", "Keypad /"});
  set(NavKey::kFaster, {"F3", "Keypad ."});
  return k;
}

Problems CheckKeyNames(const KeypadKeys& keypad, const std::function<bool(const std::string&)>& known,
                       const std::string& file) {
  Problems problems;
  for (NavKey key : kNavKeys) {
    for (const KeyName& k : keypad.For(key)) {
      if (known(k.name)) continue;
      problems.push_back({file, k.pointer.empty() ? std::string("/keypad/") + ToString(key) : k.pointer,
                          "\"" + k.name +
                              "\" is not a key name (names as SDL spells them, e.g. \"Up\", \"Return\", "
                              "\"Keypad 8\", \"F5\", \"A\")"});
    }
  }
  return problems;
}

}  // namespace core
