// The on-screen keyboard's layouts and keys.
#include <doctest/doctest.h>

#include "core/keyboard.h"

namespace {
core::Key Char(const char* s) {
  return {core::Key::Kind::kChar, s, 1};
}
core::Key Of(core::Key::Kind k) {
  return {k, "", 1};
}
}  // namespace

TEST_CASE("shift makes the next letter a capital, Spanish letters included, then turns itself off") {
  std::string text;
  core::KeyboardState state{true, false};
  core::ApplyKey(Char("ñ"), text, state);
  core::ApplyKey(Char("o"), text, state);
  CHECK(text == "Ño");
  CHECK_FALSE(state.shift);
}

TEST_CASE("backspace removes one whole character, even a two-byte one") {
  std::string text = "Peña";
  core::KeyboardState state;
  core::ApplyKey(Of(core::Key::Kind::kBackspace), text, state);
  core::ApplyKey(Of(core::Key::Kind::kBackspace), text, state);
  CHECK(text == "Pe");
  std::string empty;
  core::ApplyKey(Of(core::Key::Kind::kBackspace), empty, state);
  CHECK(empty.empty());
}

TEST_CASE("space never starts a field or doubles up, and done closes the keyboard") {
  std::string text;
  core::KeyboardState state;
  core::Key space{core::Key::Kind::kSpace, " ", 5};
  core::ApplyKey(space, text, state);
  CHECK(text.empty());
  text = "Ana";
  core::ApplyKey(space, text, state);
  core::ApplyKey(space, text, state);
  CHECK(text == "Ana ");
  CHECK_FALSE(core::ApplyKey(Of(core::Key::Kind::kDone), text, state));
}

TEST_CASE("typing stops at the length limit") {
  std::string text(10, 'a');
  core::KeyboardState state;
  core::ApplyKey(Char("b"), text, state, 10);
  CHECK(text.size() == 10);
}

TEST_CASE("each layout offers what its field needs") {
  auto has = [](const std::vector<core::KeyRow>& rows, const std::string& s) {
    for (const auto& row : rows) {
      for (const auto& k : row) {
        if (k.text == s) return true;
      }
    }
    return false;
  };
  core::KeyboardState letters, symbols{false, true};
  CHECK(has(core::KeyboardRows(core::KeyboardLayout::kText, letters), "ñ"));
  for (const char* s : {"á", "é", "í", "ó", "ú", "ü", "¿", "¡"}) {
    CAPTURE(s);
    CHECK(has(core::KeyboardRows(core::KeyboardLayout::kText, symbols), s));
  }
  CHECK(has(core::KeyboardRows(core::KeyboardLayout::kEmail, letters), "@"));
  CHECK(has(core::KeyboardRows(core::KeyboardLayout::kEmail, letters), ".com"));
  CHECK(has(core::KeyboardRows(core::KeyboardLayout::kPhone, letters), "+"));
  CHECK_FALSE(has(core::KeyboardRows(core::KeyboardLayout::kPhone, letters), "a"));
}

TEST_CASE("typed text is cut into whole code points: accents, emoji, combining marks and Hebrew") {
  auto parts = core::SplitCodePoints("Zoë 😀e\xCC\x81ש");
  std::vector<std::string> expected = {"Z", "o", "ë", " ", "😀", "e", "\xCC\x81", "ש"};
  CHECK(parts == expected);
  CHECK(core::SplitCodePoints("").empty());
  CHECK(core::SplitCodePoints("\x80"
                              "a") == std::vector<std::string>{"\x80", "a"});  // a stray byte stays alone
}
