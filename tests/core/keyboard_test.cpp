// The on-screen keyboard's layouts and keys.
#include <doctest/doctest.h>

#include "core/base/letter_case.h"
#include "core/content/json_reader.h"
#include "core/touch/keyboard.h"

namespace {
core::Key Char(const char* s) {
  return {core::Key::Kind::kChar, s, 1, core::UpperLetter(s)};
}
// A layout that ships with the kiosk (content/keyboards/ID.json), as the loader reads it.
core::KeyboardLayout Shipped(const std::string& id) {
  core::Problems problems;
  auto json = core::ParseJson(core::ShippedKeyboards().at(id));
  REQUIRE(json.ok());
  auto layout = core::ParseKeyboardLayout(*json, core::JsonReader("keyboards/" + id + ".json", problems));
  REQUIRE(problems.empty());
  return layout;
}
core::Key Of(core::Key::Kind k) {
  return {k, "", 1};
}
}  // namespace

TEST_CASE("shift makes the next letter a capital, Spanish letters included, then turns itself off") {
  auto rows = core::KeyboardRows(core::KeyboardKind::kText, Shipped("es"), {});
  const core::Key* enye = nullptr;
  for (const auto& row : rows)
    for (const auto& k : row)
      if (k.text == "ñ") enye = &k;
  REQUIRE(enye);
  std::string text;
  core::KeyboardState state{true, false};
  CHECK(core::KeyLabel(*enye, state) == "Ñ");
  core::ApplyKey(*enye, text, state);
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

TEST_CASE("the length limit counts characters, not bytes: ten letters ñ are ten, not twenty") {
  std::string text;
  core::KeyboardState state;
  for (int i = 0; i < 9; ++i) core::ApplyKey(Char("ñ"), text, state, 10);
  CHECK(text.size() == 18);  // nine two-byte letters
  core::ApplyKey(Char("ñ"), text, state, 10);
  CHECK(core::SplitCodePoints(text).size() == 10);
  core::ApplyKey(Char("ñ"), text, state, 10);
  core::ApplyKey(Of(core::Key::Kind::kSpace), text, state, 10);
  CHECK(core::SplitCodePoints(text).size() == 10);
  CHECK(text == "ññññññññññ");
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
  const core::KeyboardLayout es = Shipped("es"), fr = Shipped("fr");
  CHECK(has(core::KeyboardRows(core::KeyboardKind::kText, es, letters), "ñ"));
  for (const char* s : {"á", "é", "í", "ó", "ú", "ü", "¿", "¡"}) {
    CAPTURE(s);
    CHECK(has(core::KeyboardRows(core::KeyboardKind::kText, es, symbols), s));
  }
  CHECK(has(core::KeyboardRows(core::KeyboardKind::kEmail, es, letters), "@"));
  CHECK(has(core::KeyboardRows(core::KeyboardKind::kEmail, es, letters), ".com"));
  CHECK(has(core::KeyboardRows(core::KeyboardKind::kEmail, es, letters), ".net"));  // a US clinic
  CHECK(has(core::KeyboardRows(core::KeyboardKind::kEmail, fr, letters), ".fr"));
  CHECK_FALSE(has(core::KeyboardRows(core::KeyboardKind::kEmail, es, letters), "ñ"));  // addresses: a-z
  CHECK(has(core::KeyboardRows(core::KeyboardKind::kPhone, es, letters), "+"));
  CHECK_FALSE(has(core::KeyboardRows(core::KeyboardKind::kPhone, es, letters), "a"));
}

TEST_CASE("typed text is cut into whole code points: accents, emoji, combining marks and Hebrew") {
  auto parts = core::SplitCodePoints("Zoë 😀e\xCC\x81ש");
  std::vector<std::string> expected = {"Z", "o", "ë", " ", "😀", "e", "\xCC\x81", "ש"};
  CHECK(parts == expected);
  CHECK(core::SplitCodePoints("").empty());
  CHECK(core::SplitCodePoints("\x80"
                              "a") == std::vector<std::string>{"\x80", "a"});  // a stray byte stays alone
}

TEST_CASE("the number pad is a 3x4 phone-style pad: 1-9, then backspace, 0, done, whatever the state") {
  for (core::KeyboardState state : {core::KeyboardState{}, core::KeyboardState{true, true}}) {
    auto rows = core::KeyboardRows(core::KeyboardKind::kNumber, {}, state);
    REQUIRE(rows.size() == 4);
    std::string digits;
    for (size_t r = 0; r < 3; ++r) {
      REQUIRE(rows[r].size() == 3);
      for (const auto& k : rows[r]) {
        CHECK(k.kind == core::Key::Kind::kChar);
        digits += k.text;
      }
    }
    CHECK(digits == "123456789");
    REQUIRE(rows[3].size() == 3);
    CHECK(rows[3][0].kind == core::Key::Kind::kBackspace);
    CHECK(rows[3][1].text == "0");
    CHECK(rows[3][2].kind == core::Key::Kind::kDone);
    for (const auto& row : rows) {
      for (const auto& k : row) CHECK(k.width == 1);  // an even grid
    }
  }
}

TEST_CASE("typing on the number pad stops at the cap a number field passes, and backspace still works") {
  auto rows = core::KeyboardRows(core::KeyboardKind::kNumber, {}, {});
  std::string text;
  core::KeyboardState state;
  for (int i = 0; i < 8; ++i) core::ApplyKey(rows[0][i % 3], text, state, 6);
  CHECK(text == "123123");
  core::ApplyKey(rows[3][0], text, state, 6);
  core::ApplyKey(rows[3][1], text, state, 6);
  CHECK(text == "123120");
  CHECK_FALSE(core::ApplyKey(rows[3][2], text, state, 6));  // done closes the pad
}

TEST_CASE("a held key presses once, waits, then repeats steadily until released") {
  const core::TimePoint t0 = core::TimePoint(std::chrono::hours(5));
  core::KeyRepeat repeat(core::Millis(500), core::Millis(80));
  repeat.Press(t0);
  CHECK(repeat.Held(t0 + core::Millis(100)) == 0);
  CHECK(repeat.Held(t0 + core::Millis(499)) == 0);
  CHECK(repeat.Held(t0 + core::Millis(500)) == 1);
  CHECK(repeat.Held(t0 + core::Millis(560)) == 0);
  CHECK(repeat.Held(t0 + core::Millis(580)) == 1);
  CHECK(repeat.Held(t0 + core::Millis(820)) == 3);  // a slow frame catches up: 660, 740, 820
  CHECK(repeat.NextRepeat() == t0 + core::Millis(900));
  repeat.Release();
  CHECK_FALSE(repeat.held());
  CHECK(repeat.Held(t0 + core::Millis(2000)) == 0);
}

TEST_CASE("holding backspace over a word removes it a character at a time, then stops at empty") {
  const core::TimePoint t0 = core::TimePoint(std::chrono::hours(5));
  std::string text = "Año 1";
  core::KeyboardState state;
  core::KeyRepeat repeat;
  repeat.Press(t0);
  core::ApplyKey(Of(core::Key::Kind::kBackspace), text, state);
  int presses = repeat.Held(t0 + core::Seconds(3));
  CHECK(presses > 4);
  for (int i = 0; i < presses; ++i) core::ApplyKey(Of(core::Key::Kind::kBackspace), text, state);
  CHECK(text.empty());
}
