// Keyboard layouts: letters with ñ for text, an email page with @ and .com, phone and number pads; an accents
// page.
#include "core/touch/keyboard.h"

#include <map>

namespace core {

namespace {

KeyRow Chars(const std::string& letters) {
  KeyRow row;
  for (size_t i = 0; i < letters.size();) {
    size_t len = (letters[i] & 0x80) == 0      ? 1
                 : (letters[i] & 0xE0) == 0xC0 ? 2
                 : (letters[i] & 0xF0) == 0xE0 ? 3
                                               : 4;
    row.push_back({Key::Kind::kChar, letters.substr(i, len), 1});
    i += len;
  }
  return row;
}

KeyRow With(KeyRow row, std::initializer_list<Key> more, bool front = false) {
  if (front) {
    row.insert(row.begin(), more);
  } else {
    row.insert(row.end(), more);
  }
  return row;
}

const Key kShift{Key::Kind::kShift, "", 1.5f};
const Key kBack{Key::Kind::kBackspace, "", 1.5f};
const Key kSpace{Key::Kind::kSpace, " ", 5};
const Key kSymbols{Key::Kind::kSymbols, "", 1.5f};
const Key kDone{Key::Kind::kDone, "", 2};

}  // namespace

std::vector<KeyRow> KeyboardRows(KeyboardLayout layout, const KeyboardState& state) {
  switch (layout) {
    case KeyboardLayout::kNumber:  // a 3x4 pad: whole numbers only, no sign, no space
      return {Chars("123"),
              Chars("456"),
              Chars("789"),
              {{kBack.kind, "", 1}, Chars("0")[0], {kDone.kind, "", 1}}};
    case KeyboardLayout::kPhone:
      return {Chars("123"),
              Chars("456"),
              Chars("789"),
              {{Key::Kind::kChar, "+", 1}, {Key::Kind::kChar, "0", 1}, kBack},
              {kSpace, kDone}};
    case KeyboardLayout::kEmail:
      if (state.symbols) {
        return {Chars("1234567890"),
                Chars("-_.+'"),
                With(Chars("áéíóúüñ"), {kBack}),
                {kSymbols, Chars("@")[0], kSpace, kDone}};
      }
      return {Chars("1234567890"),
              Chars("qwertyuiop"),
              Chars("asdfghjkl"),
              With(Chars("zxcvbnm.-_"), {kBack}),
              {kSymbols, {Key::Kind::kChar, "@", 1}, {Key::Kind::kChar, ".com", 2}, kSpace, kDone}};
    case KeyboardLayout::kText:
      if (state.symbols) {
        return {Chars("1234567890"),
                Chars("áéíóúüñç"),
                With(Chars("-'.,¿?¡!&/"), {kBack}),
                {kSymbols, kSpace, kDone}};
      }
      return {Chars("qwertyuiop"),
              Chars("asdfghjklñ"),
              With(With(Chars("zxcvbnm"), {kShift}, true), {kBack}),
              {kSymbols, {Key::Kind::kChar, "-", 1}, kSpace, {Key::Kind::kChar, "'", 1}, kDone}};
  }
  return {};
}

std::string UpperCase(const std::string& letter) {
  static const std::map<std::string, std::string> kSpanish = {{"ñ", "Ñ"}, {"á", "Á"}, {"é", "É"}, {"í", "Í"},
                                                              {"ó", "Ó"}, {"ú", "Ú"}, {"ü", "Ü"}, {"ç", "Ç"}};
  if (letter.size() == 1 && letter[0] >= 'a' && letter[0] <= 'z')
    return std::string(1, static_cast<char>(letter[0] - 32));
  auto it = kSpanish.find(letter);
  return it == kSpanish.end() ? letter : it->second;
}

std::vector<std::string> SplitCodePoints(std::string_view utf8) {
  std::vector<std::string> out;
  for (char c : utf8) {
    bool continuation = (static_cast<unsigned char>(c) & 0xC0) == 0x80;
    if (continuation && !out.empty()) {
      out.back() += c;
    } else {
      out.emplace_back(1, c);
    }
  }
  return out;
}

void RemoveLastCharacter(std::string& text) {
  while (!text.empty()) {
    bool continuation = (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80;
    text.pop_back();
    if (!continuation) break;
  }
}

bool ApplyKey(const Key& key, std::string& text, KeyboardState& state, size_t max_chars) {
  const size_t chars = SplitCodePoints(text).size();
  switch (key.kind) {
    case Key::Kind::kChar: {
      std::string typed = state.shift ? UpperCase(key.text) : key.text;
      if (chars + SplitCodePoints(typed).size() <= max_chars) text += typed;
      state.shift = false;
      return true;
    }
    case Key::Kind::kSpace:
      if (!text.empty() && text.back() != ' ' && chars < max_chars) text += ' ';
      return true;
    case Key::Kind::kBackspace:
      RemoveLastCharacter(text);
      return true;
    case Key::Kind::kShift:
      state.shift = !state.shift;
      return true;
    case Key::Kind::kSymbols:
      state.symbols = !state.symbols;
      return true;
    case Key::Kind::kDone:
      return false;
  }
  return true;
}

void KeyRepeat::Press(TimePoint now) {
  held_ = true;
  next_ = now + delay_;
}

int KeyRepeat::Held(TimePoint now) {
  if (!held_ || now < next_) return 0;
  auto due = static_cast<int>((now - next_) / interval_) + 1;
  next_ += interval_ * due;
  return due;
}

}  // namespace core
