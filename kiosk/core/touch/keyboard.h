// The on-screen keyboard's rules: which keys a page has (the letters come from the language's layout in
// content, core/content/keyboard_layout.h; where shift, backspace, space and done go is decided here) and
// what each key does to the text being typed (pure, so it is tested without a screen). Typing appends at the
// end and backspace removes the last character: a touch field needs no cursor.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/clock.h"
#include "core/content/content.h"
#include "core/content/keyboard_layout.h"

namespace core {

enum class KeyboardKind { kText, kEmail, kPhone, kNumber };

// The keyboard a question is typed on.
KeyboardKind KeyboardKindFor(QuestionType type);

struct Key {
  enum class Kind { kChar, kShift, kBackspace, kSpace, kSymbols, kDone, kModifier };
  Key() = default;
  Key(Kind k, std::string t, float w = 1, std::string up = {}, std::map<std::string, std::string> ch = {})
      : kind(k), text(std::move(t)), width(w), upper(std::move(up)), changes(std::move(ch)) {}
  Kind kind = Kind::kChar;
  std::string text;   // kChar: what it types (small); kSymbols: its label; kModifier: its label
  float width = 1;    // in key units
  std::string upper;  // kChar: what it types with shift (empty: the same as text)
  std::map<std::string, std::string> changes;  // kModifier: last letter -> what it becomes
};

using KeyRow = std::vector<Key>;

struct KeyboardState {
  bool shift = false;    // next letter upper case (turns off after one letter)
  bool symbols = false;  // the accents, digits and punctuation page
  bool words = false;    // shift turns on again after a space or a hyphen (layout "capitalize": "words")
  bool operator==(const KeyboardState&) const = default;
};

// The state a keyboard opens in for a field holding `value`: a text field starts with a capital unless the
// layout says "none" (and holds nothing yet, or ends a word where every word takes one).
KeyboardState OpenKeyboard(const KeyboardLayout& layout, KeyboardKind kind, std::string_view value);

// The rows to draw for a kind of field, the language's layout and the state.
std::vector<KeyRow> KeyboardRows(KeyboardKind kind, const KeyboardLayout& layout, const KeyboardState& state);

// What a key shows now: its letter (capital while shift is on), its page label, a modifier's label; "" for
// keys drawn as icons (shift, backspace, done) and the space bar.
std::string KeyLabel(const Key& key, const KeyboardState& state);

// Applies one key to `text` (and the state). Returns false for kDone (the keyboard closes). The text never
// grows past `max_chars` characters (code points: "ñ" or an emoji is one, however many bytes).
bool ApplyKey(const Key& key, std::string& text, KeyboardState& state, size_t max_chars = 400);

// `utf8` cut into code points, each its own string (a stray byte alone), in order.
std::vector<std::string> SplitCodePoints(std::string_view utf8);

// Removes the last UTF-8 character (a whole code point) from `text`.
void RemoveLastCharacter(std::string& text);

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
