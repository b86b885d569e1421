// Keyboard pages from a language's layout: the letter page (with shift, backspace and the modifier row), the
// accents and symbols page, the email keyboard (the layout's plain letters, @ and its suffixes), and the
// phone and number pads (digits, the same in every language).
#include "core/touch/keyboard.h"

#include "core/base/letter_case.h"

namespace core {

namespace {

KeyRow Chars(const std::string& letters) {
  KeyRow row;
  for (auto& ch : SplitCodePoints(letters)) row.push_back({Key::Kind::kChar, ch, 1});
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

// Only a-z: addresses are typed in plain letters whatever the language.
std::string PlainLetters(const std::string& row) {
  std::string out;
  for (char c : row)
    if (c >= 'a' && c <= 'z') out += c;
  return out;
}

// Each letter key's capital: the layout's own, else the case rules'.
void SetCapitals(std::vector<KeyRow>& rows, const KeyboardLayout& layout) {
  for (auto& row : rows) {
    for (auto& key : row) {
      if (key.kind != Key::Kind::kChar) continue;
      auto own = layout.capitals.find(key.text);
      key.upper = own != layout.capitals.end() ? own->second : UpperLetter(key.text);
    }
  }
}

const Key kShift{Key::Kind::kShift, "", 1.5f};
const Key kBack{Key::Kind::kBackspace, "", 1.5f};
const Key kSpace{Key::Kind::kSpace, " ", 5};
const Key kDone{Key::Kind::kDone, "", 2};

std::vector<KeyRow> TextRows(const KeyboardLayout& layout, const KeyboardState& state) {
  std::vector<KeyRow> rows;
  if (state.symbols) {
    for (const auto& r : layout.symbols) rows.push_back(Chars(r));
    if (!rows.empty()) rows.back() = With(rows.back(), {kBack});
    rows.push_back({{Key::Kind::kSymbols, layout.letters_key, 1.5f}, kSpace, kDone});
  } else {
    for (const auto& r : layout.letters) rows.push_back(Chars(r));
    if (!rows.empty()) rows.back() = With(With(rows.back(), {kShift}, true), {kBack});
    if (!layout.modifiers.empty()) {
      KeyRow mods;
      for (const auto& m : layout.modifiers) mods.push_back({Key::Kind::kModifier, m.key, 1, "", m.changes});
      rows.push_back(std::move(mods));
    }
    rows.push_back({{Key::Kind::kSymbols, layout.symbols_key, 1.5f},
                    {Key::Kind::kChar, "-", 1},
                    kSpace,
                    {Key::Kind::kChar, "'", 1},
                    kDone});
  }
  SetCapitals(rows, layout);
  return rows;
}

std::vector<KeyRow> EmailRows(const KeyboardLayout& layout) {
  std::vector<KeyRow> rows{Chars("1234567890")};
  for (const auto& r : layout.letters) {
    if (std::string plain = PlainLetters(r); !plain.empty()) rows.push_back(Chars(plain));
  }
  for (const auto& k : Chars(".-_")) rows.back().push_back(k);
  rows.back().push_back(kBack);
  KeyRow bottom{{Key::Kind::kChar, "+", 1}, {Key::Kind::kChar, "@", 1}};
  for (const auto& s : layout.email_suffixes) bottom.push_back({Key::Kind::kChar, s, 2});
  bottom.push_back(kDone);
  rows.push_back(std::move(bottom));
  return rows;
}

}  // namespace

KeyboardKind KeyboardKindFor(QuestionType type) {
  if (type == QuestionType::kEmail) return KeyboardKind::kEmail;
  if (type == QuestionType::kPhone) return KeyboardKind::kPhone;
  if (type == QuestionType::kNumber) return KeyboardKind::kNumber;
  return KeyboardKind::kText;
}

KeyboardState OpenKeyboard(const KeyboardLayout& layout, KeyboardKind kind, std::string_view value) {
  KeyboardState state;
  if (kind != KeyboardKind::kText || layout.capitalize == KeyboardLayout::Capitalize::kNone) return state;
  state.words = layout.capitalize == KeyboardLayout::Capitalize::kWords;
  state.shift = value.empty() || (state.words && (value.back() == ' ' || value.back() == '-'));
  return state;
}

std::vector<KeyRow> KeyboardRows(KeyboardKind kind, const KeyboardLayout& layout,
                                 const KeyboardState& state) {
  switch (kind) {
    case KeyboardKind::kNumber:  // a 3x4 pad: whole numbers only, no sign, no space
      return {Chars("123"),
              Chars("456"),
              Chars("789"),
              {{kBack.kind, "", 1}, Chars("0")[0], {kDone.kind, "", 1}}};
    case KeyboardKind::kPhone:
      return {Chars("123"),
              Chars("456"),
              Chars("789"),
              {{Key::Kind::kChar, "+", 1}, {Key::Kind::kChar, "0", 1}, kBack},
              {kSpace, kDone}};
    case KeyboardKind::kEmail:
      return EmailRows(layout);
    case KeyboardKind::kText:
      return TextRows(layout, state);
  }
  return {};
}

std::string KeyLabel(const Key& key, const KeyboardState& state) {
  switch (key.kind) {
    case Key::Kind::kChar:
      return state.shift && !key.upper.empty() ? key.upper : key.text;
    case Key::Kind::kSymbols:
    case Key::Kind::kModifier:
      return key.text;
    default:
      return "";
  }
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

namespace {

// A modifier on the last letter: its own entry, or the entry of its small form made a capital again.
void Modify(const Key& key, std::string& text) {
  auto chars = SplitCodePoints(text);
  if (chars.empty()) return;
  const std::string& last = chars.back();
  std::string changed;
  if (auto it = key.changes.find(last); it != key.changes.end()) {
    changed = it->second;
  } else if (auto small = key.changes.find(LowerLetter(last)); small != key.changes.end()) {
    changed = UpperLetter(small->second);
  } else {
    return;
  }
  text.resize(text.size() - last.size());
  text += changed;
}

}  // namespace

bool ApplyKey(const Key& key, std::string& text, KeyboardState& state, size_t max_chars) {
  const size_t chars = SplitCodePoints(text).size();
  switch (key.kind) {
    case Key::Kind::kChar: {
      std::string typed = state.shift && !key.upper.empty() ? key.upper : key.text;
      if (chars + SplitCodePoints(typed).size() <= max_chars) text += typed;
      state.shift = state.words && key.text == "-";
      return true;
    }
    case Key::Kind::kModifier:
      Modify(key, text);
      return true;
    case Key::Kind::kSpace:
      if (!text.empty() && text.back() != ' ' && chars < max_chars) {
        text += ' ';
        if (state.words) state.shift = true;
      }
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
