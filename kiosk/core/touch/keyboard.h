// The on-screen keyboard's layouts and what each key does to the text being typed (pure, so it is tested
// without a screen). Typing appends at the end and backspace removes the last character: a touch field
// needs no cursor.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/base/clock.h"

namespace core {

enum class KeyboardLayout { kText, kEmail, kPhone, kNumber };

struct Key {
  enum class Kind { kChar, kShift, kBackspace, kSpace, kSymbols, kDone };
  Kind kind = Kind::kChar;
  std::string text;  // kChar: what it types (lower case; shift makes it upper case)
  float width = 1;   // in key units
};

using KeyRow = std::vector<Key>;

struct KeyboardState {
  bool shift = false;    // next letter upper case (turns off after one letter)
  bool symbols = false;  // the accents, digits and punctuation page
  bool operator==(const KeyboardState&) const = default;
};

// The rows to draw for a layout and state.
std::vector<KeyRow> KeyboardRows(KeyboardLayout layout, const KeyboardState& state);

// Applies one key to `text` (and the state). Returns false for kDone (the keyboard closes). The text never
// grows past `max_chars` characters (code points: "ñ" or an emoji is one, however many bytes).
bool ApplyKey(const Key& key, std::string& text, KeyboardState& state, size_t max_chars = 400);

// `utf8` cut into code points, each its own string (a stray byte alone), in order.
std::vector<std::string> SplitCodePoints(std::string_view utf8);

// Removes the last UTF-8 character (a whole code point) from `text`.
void RemoveLastCharacter(std::string& text);

// Upper case of one letter as the keyboard shows and types it (ASCII and the Spanish letters).
std::string UpperCase(const std::string& letter);

// A tapped key shows pressed for this long, so the finger sees it was taken.
inline constexpr Millis kKeyFlash{150};

// A key held down (backspace): one press straight away, then after `delay` one every `interval`.
class KeyRepeat {
 public:
  KeyRepeat() = default;
  KeyRepeat(Millis delay, Millis interval) : delay_(delay), interval_(interval) {}
  // The key went down: counts as one press.
  void Press(TimePoint now);
  // Still held at `now`: the presses due since the last call (0 or more).
  int Held(TimePoint now);
  void Release() { held_ = false; }
  bool held() const { return held_; }
  // When the next repeat is due (meaningful while held).
  TimePoint NextRepeat() const { return next_; }
  bool operator==(const KeyRepeat&) const = default;

 private:
  Millis delay_{500}, interval_{80};
  bool held_ = false;
  TimePoint next_{};
};

}  // namespace core
