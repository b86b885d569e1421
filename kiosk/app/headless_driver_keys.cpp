// The headless driver's key commands: `key` (a combination), `press` (a keypad key, optionally until the
// focus ring reaches a target) and `plug`/`unplug` (headphones), each pushed through SDL as the real device
// would.
#include <SDL.h>

#include <algorithm>
#include <string>
#include <vector>

#include "app/headless_driver.h"

namespace app {

namespace {

// "Ctrl+Alt+F4" -> modifier keys and the key; false when a part has no SDL name.
bool ParseCombo(const std::string& combo, std::vector<SDL_Keycode>& mods, SDL_Keycode& key) {
  std::string part;
  std::vector<std::string> parts;
  for (char ch : combo + "+") {
    if (ch == '+' && !part.empty()) {
      parts.push_back(part);
      part.clear();
    } else if (ch != '+') {
      part += ch;
    }
  }
  if (parts.empty()) return false;
  for (size_t i = 0; i + 1 < parts.size(); ++i) {
    const std::string& m = parts[i];
    SDL_Keycode code = m == "Ctrl"    ? SDLK_LCTRL
                       : m == "Alt"   ? SDLK_LALT
                       : m == "Shift" ? SDLK_LSHIFT
                       : m == "Super" ? SDLK_LGUI
                                      : SDLK_UNKNOWN;
    if (code == SDLK_UNKNOWN) return false;
    mods.push_back(code);
  }
  key = SDL_GetKeyFromName(parts.back() == "Esc" ? "Escape" : parts.back().c_str());
  return key != SDLK_UNKNOWN;
}

void PushKey(Uint32 type, SDL_Keycode code, Uint16 mod) {
  SDL_Event e{};
  e.type = type;
  e.key.state = type == SDL_KEYDOWN ? SDL_PRESSED : SDL_RELEASED;
  e.key.keysym.sym = code;
  e.key.keysym.scancode = SDL_GetScancodeFromKey(code);
  e.key.keysym.mod = mod;
  SDL_PushEvent(&e);
}

Uint16 ModFlag(SDL_Keycode code) {
  switch (code) {
    case SDLK_LCTRL:
      return KMOD_LCTRL;
    case SDLK_LALT:
      return KMOD_LALT;
    case SDLK_LSHIFT:
      return KMOD_LSHIFT;
    default:
      return KMOD_LGUI;
  }
}

}  // namespace

core::Status HeadlessDriver::Key(const Command& c) {
  std::vector<SDL_Keycode> mods;
  SDL_Keycode key = SDLK_UNKNOWN;
  if (!ParseCombo(c.text, mods, key))
    return core::Status::Fail("key: \"" + c.text + "\" is not a key combination SDL knows");
  Uint16 held = 0;
  for (SDL_Keycode m : mods) {
    held |= ModFlag(m);
    PushKey(SDL_KEYDOWN, m, held);
  }
  PushKey(SDL_KEYDOWN, key, held);
  PushKey(SDL_KEYUP, key, held);
  for (auto it = mods.rbegin(); it != mods.rend(); ++it) {
    held &= static_cast<Uint16>(~ModFlag(*it));
    PushKey(SDL_KEYUP, *it, held);
  }
  app_.PumpEvents();  // the same handling as the window loop
  Frames(2);
  Settle();
  return core::Ok{};
}

// One key down for a frame, then up: the same events a keypad sends, through the window's own handling (so
// ImGui sees the key held, as it would a real one).
core::Status HeadlessDriver::Press(const Command& c) {
  SDL_Keycode key = SDL_GetKeyFromName(c.text.c_str());
  if (key == SDLK_UNKNOWN) return core::Status::Fail("press: \"" + c.text + "\" is not a key name SDL knows");
  auto there = [&] {
    auto f = app_.ui().FocusedTarget();
    return f && f->label == c.until && f->Visible() &&
           (c.until_scope.empty() || f->scope.find(c.until_scope) != std::string::npos);
  };
  for (int n = 0; n < 40; ++n) {
    PushKey(SDL_KEYDOWN, key, 0);
    app_.PumpEvents();
    Frames(1);
    PushKey(SDL_KEYUP, key, 0);
    app_.PumpEvents();
    Frames(1);
    Settle();
    if (c.until.empty() || there()) return core::Ok{};
  }
  return core::Status::Fail("pressed \"" + c.text + "\" 40 times and the focus ring never reached \"" +
                            c.until + "\"");
}

// Headphones in or out, reported as platform::AudioWatch reports them (SDL's audio outputs, the jack), then
// the frames the window loop would draw.
core::Status HeadlessDriver::Plug(const Command& c) {
  const std::string headset = "USB Headset Analog Stereo";
  bool in = c.kind == Command::Kind::kPlug;
  auto& outputs = audio_.outputs;
  if (c.text == "headphones") {
    audio_.jack = in;
  } else if (in) {
    outputs.push_back(headset);
  } else {
    outputs.erase(std::remove(outputs.begin(), outputs.end(), headset), outputs.end());
  }
  app_.Audio(audio_);
  Frames(1);
  Settle();
  return core::Ok{};
}

}  // namespace app
