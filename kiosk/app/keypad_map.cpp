// KeypadMap: SDL key names resolved once, key presses looked up.
#include "app/keypad_map.h"

#include <SDL.h>

namespace app {

bool IsKeyName(const std::string& name) {
  return SDL_GetKeyFromName(name.c_str()) != SDLK_UNKNOWN;
}

KeypadMap::KeypadMap(const core::KeypadKeys& keys) {
  for (core::NavKey key : core::kNavKeys) {
    for (const core::KeyName& k : keys.For(key)) {
      SDL_Keycode code = SDL_GetKeyFromName(k.name.c_str());
      if (code != SDLK_UNKNOWN) actions_.emplace(code, key);  // the config was checked at start
    }
  }
}

std::optional<ui::NavPress> KeypadMap::Lookup(int keycode, unsigned mods) const {
  if (mods & (KMOD_CTRL | KMOD_ALT | KMOD_GUI)) return std::nullopt;
  auto it = actions_.find(keycode);
  if (it == actions_.end()) return std::nullopt;
  // Backspace and the printable keys (Space, letters, digits) edit a text field being typed in
  bool text_key = keycode == SDLK_BACKSPACE || (keycode >= 0x20 && keycode < 0x7f);
  return ui::NavPress{it->second, text_key};
}

}  // namespace app
