// The keypad: kiosk.json "keypad" (defaults, replaced actions, every mistake named with its JSON pointer),
// and where the focus ring goes for each key (core/touch/focus.h).
#include <doctest/doctest.h>

#include "core/content/config.h"
#include "core/touch/focus.h"
#include "core/touch/keypad.h"
#include "fixtures.h"

using core::NavKey;
using core_test::Has;

namespace {

std::vector<std::string> Names(const core::Config& c, NavKey key) {
  std::vector<std::string> out;
  for (const auto& k : c.keypad.For(key)) out.push_back(k.name);
  return out;
}

core::Problems KeypadProblems(const std::string& keypad) {
  auto config = core::ParseConfig(R"({"kiosk_id": "k", "keypad": )" + keypad + "}", "kiosk.json");
  REQUIRE_FALSE(config.ok());
  return config.problems();
}

core::FocusItem Item(float x, float y, std::string group = "", bool radio = false) {
  core::FocusItem i;
  i.left = x;
  i.top = y;
  i.right = x + 100;
  i.bottom = y + 60;
  i.group = std::move(group);
  i.radio = radio;
  i.in_page = true;
  return i;
}

size_t Move(const std::vector<core::FocusItem>& items, size_t from, NavKey key) {
  auto m = core::MoveFocus(items, from, key);
  REQUIRE(m.has_value());
  return m->to;
}

}  // namespace

TEST_SUITE("keypad") {
  TEST_CASE(
      "without a keypad block the arrows, Return, Keypad Enter, Space, Escape and Backspace are mapped") {
    auto c = core::ParseConfig(R"({"kiosk_id": "k"})", "kiosk.json");
    REQUIRE(c.ok());
    CHECK(Names(*c, NavKey::kUp) == std::vector<std::string>{"Up"});
    CHECK(Names(*c, NavKey::kRight) == std::vector<std::string>{"Right"});
    CHECK(Names(*c, NavKey::kSelect) == std::vector<std::string>{"Return", "Keypad Enter", "Space"});
    CHECK(Names(*c, NavKey::kBack) == std::vector<std::string>{"Escape", "Backspace"});
  }

  TEST_CASE(
      "help, volume and speech rate have keys of their own by default, replaced and checked as the others") {
    auto c = core::ParseConfig(R"({"kiosk_id": "k"})", "kiosk.json");
    REQUIRE(c.ok());
    CHECK(Names(*c, NavKey::kHelp) == std::vector<std::string>{"F1", "Keypad *"});
    CHECK(Names(*c, NavKey::kVolumeUp) == std::vector<std::string>{"VolumeUp", "Keypad +"});
    CHECK(Names(*c, NavKey::kVolumeDown) == std::vector<std::string>{"VolumeDown", "Keypad -"});
    CHECK(Names(*c, NavKey::kSlower) == std::vector<std::string>{"F2", "Keypad /"});
    CHECK(Names(*c, NavKey::kFaster) == std::vector<std::string>{"F3", "Keypad ."});
    auto mapped = core::ParseConfig(
        R"({"kiosk_id": "k", "keypad": {"help": "Keypad 7", "volume_up": ["Keypad 9"], "faster": "F9"}})",
        "kiosk.json");
    REQUIRE_MESSAGE(mapped.ok(), mapped.error());
    CHECK(Names(*mapped, NavKey::kHelp) == std::vector<std::string>{"Keypad 7"});
    CHECK(Names(*mapped, NavKey::kFaster) == std::vector<std::string>{"F9"});
    CHECK(Names(*mapped, NavKey::kSlower) == std::vector<std::string>{"F2", "Keypad /"});
    CHECK(Has(KeypadProblems(R"({"volume_down": []})"), "kiosk.json", "/keypad/volume_down",
              "needs at least one key"));
    CHECK(Has(KeypadProblems(R"({"help": "Return"})"), "kiosk.json", "/keypad/help",
              "\"Return\" is the key of both select and help (by default)"));
    CHECK(Has(KeypadProblems(R"({"slower": "F5", "faster": "F5"})"), "kiosk.json", "/keypad/faster",
              "both slower and faster: one key, one action"));
    auto known = [](const std::string& n) { return n != "Keypad *"; };
    auto p = core::CheckKeyNames(c->keypad, known, "k.json");
    REQUIRE(p.size() == 1);
    CHECK(p[0].ToString().find("k.json: /keypad/help") == 0);
  }

  TEST_CASE("an action named in the config replaces its default keys; the others keep theirs") {
    auto c = core::ParseConfig(
        R"({"kiosk_id": "k", "keypad": {"up": "Keypad 8", "select": ["Keypad 5", "Return"]}})", "kiosk.json");
    REQUIRE_MESSAGE(c.ok(), c.error());
    CHECK(Names(*c, NavKey::kUp) == std::vector<std::string>{"Keypad 8"});
    CHECK(Names(*c, NavKey::kSelect) == std::vector<std::string>{"Keypad 5", "Return"});
    CHECK(Names(*c, NavKey::kDown) == std::vector<std::string>{"Down"});
    CHECK(c->keypad.For(NavKey::kSelect)[0].pointer == "/keypad/select/0");
  }

  TEST_CASE("mistakes in the keypad block are named with their pointers") {
    auto p = KeypadProblems(R"({"upp": "Up", "down": 5, "left": [], "right": ["Right", ""]})");
    CHECK(Has(p, "kiosk.json", "/keypad/upp", "unknown key"));
    CHECK(Has(p, "kiosk.json", "/keypad/down", "must be a key name"));
    CHECK(Has(p, "kiosk.json", "/keypad/left", "needs at least one key"));
    CHECK(Has(p, "kiosk.json", "/keypad/right/1", "must be a key name"));
    CHECK(Has(KeypadProblems(R"("Up")"), "kiosk.json", "/keypad", "object"));
  }

  TEST_CASE("one key doing two actions is named, a default's key included") {
    CHECK(Has(KeypadProblems(R"({"up": "Return"})"), "kiosk.json", "/keypad/up",
              "\"Return\" is the key of both up and select (by default)"));
    CHECK(Has(KeypadProblems(R"({"up": "W", "down": ["S", "w"]})"), "kiosk.json", "/keypad/down/1",
              "both up and down: one key, one action"));
  }

  TEST_CASE("key names the platform does not know are named with the file and pointer") {
    auto c =
        core::ParseConfig(R"({"kiosk_id": "k", "keypad": {"back": ["Escape", "Bakcspace"]}})", "kiosk.json");
    REQUIRE(c.ok());
    auto known = [](const std::string& n) { return n != "Bakcspace"; };
    auto p = core::CheckKeyNames(c->keypad, known, "/etc/kiosk.json");
    REQUIRE(p.size() == 1);
    CHECK(p[0].ToString().find("/etc/kiosk.json: /keypad/back/1: \"Bakcspace\" is not a key name") == 0);
    CHECK(core::CheckKeyNames(core::KeypadKeys::Defaults(), known, "k.json").empty());
  }

  TEST_CASE("up and down go item by item, round the screen, and by rows inside a group") {
    // a header option, a yes/no pair in one row, three cards in two rows, then Back and Next
    std::vector<core::FocusItem> items = {Item(800, 0),
                                          Item(0, 100, "q1", true),
                                          Item(120, 100, "q1", true),
                                          Item(0, 200, "cards"),
                                          Item(120, 200, "cards"),
                                          Item(240, 200, "cards"),
                                          Item(110, 280, "cards"),
                                          Item(0, 400, "footer"),
                                          Item(800, 400, "footer")};
    items[0].in_page = items[7].in_page = items[8].in_page = false;
    items[0].chrome = true;
    CHECK(Move(items, 1, NavKey::kDown) == 3);  // yes/no is one row: down leaves the question
    CHECK(Move(items, 2, NavKey::kDown) == 3);
    CHECK(Move(items, 4, NavKey::kDown) == 6);  // the card below, nearest across
    CHECK(Move(items, 5, NavKey::kDown) == 6);
    CHECK(Move(items, 6, NavKey::kDown) == 7);  // the last row: on to Back
    CHECK(Move(items, 6, NavKey::kUp) == 4);    // the row above, nearest across
    CHECK(Move(items, 3, NavKey::kUp) == 2);    // out of the group: the item before it
    CHECK(Move(items, 7, NavKey::kDown) == 8);  // Back and Next are one row, no radio: Down from Back is Next
    CHECK(Move(items, 8, NavKey::kUp) == 7);
    CHECK(Move(items, 7, NavKey::kUp) == 6);    // and out of the row at its ends
    CHECK(Move(items, 8, NavKey::kDown) == 0);  // round the screen
    CHECK(Move(items, 0, NavKey::kUp) == 8);    // and back round: Next
  }

  TEST_CASE("left and right stay inside a group and choose in a radio group") {
    std::vector<core::FocusItem> items = {Item(0, 100, "q1", true), Item(120, 100, "q1", true),
                                          Item(0, 200, "cards"), Item(120, 200, "cards"), Item(0, 300)};
    auto right = core::MoveFocus(items, 0, NavKey::kRight);
    REQUIRE(right);
    CHECK(right->to == 1);
    CHECK(right->choose);  // yes/no: the arrow chooses, as in any radio group
    CHECK_FALSE(core::MoveFocus(items, 1, NavKey::kRight));  // no wrap at the group's end
    auto card = core::MoveFocus(items, 3, NavKey::kLeft);
    REQUIRE(card);
    CHECK(card->to == 2);
    CHECK_FALSE(card->choose);  // a multiple choice: Select ticks, arrows only move
    CHECK_FALSE(core::MoveFocus(items, 4, NavKey::kLeft));  // alone: nothing to the side
    CHECK_FALSE(core::MoveFocus(items, 0, NavKey::kSelect));
  }

  TEST_CASE("the first focus is the page's first item, else a chosen one, never a header option") {
    std::vector<core::FocusItem> items = {Item(0, 0), Item(0, 100), Item(0, 200)};
    for (auto& i : items) i.in_page = false;
    items[0].chrome = true;
    CHECK(core::InitialFocus(items) == 1);
    items[2].checked = true;
    CHECK(core::InitialFocus(items) == 2);  // a dialog opens on the chosen day
    items[0].checked = true;
    CHECK(core::InitialFocus(items) == 2);  // Larger text on is not where a page starts
    items[1].in_page = true;
    CHECK(core::InitialFocus(items) == 1);
  }
}
