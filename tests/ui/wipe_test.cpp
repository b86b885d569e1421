// Wipe means wipe: after a reset nothing of the visit is left in memory the UI can reach: the session, every
// piece of the UI's own state (typed text, the keyboard, strokes, each pad's undo and redo, partial dates and
// the picker's decade, scroll), ImGui's input buffers, what is on screen. Each piece is first shown to be
// really held, so a piece the wipe forgets fails the test.
#include <doctest/doctest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>

#include "headless_kiosk.h"

namespace {

bool Contains(const void* data, size_t bytes, const std::string& needle) {
  if (!data || bytes < needle.size()) return false;
  const char* p = static_cast<const char*>(data);
  return std::search(p, p + bytes, needle.begin(), needle.end()) != p + bytes;
}

bool ContainsWide(const ImWchar* data, size_t count, const std::string& ascii) {
  if (!data) return false;
  std::vector<ImWchar> wide(ascii.begin(), ascii.end());
  return std::search(data, data + count, wide.begin(), wide.end()) != data + count;
}

// ImGui's own text buffers: its input character queue (what SDL text input would fill), its text-edit
// state and undo, its scratch buffer.
bool ImGuiHolds(const std::string& s) {
  ImGuiContext& g = *GImGui;
  const ImGuiInputTextState& e = g.InputTextState;
  const auto& undo = e.Stb.undostate;
  return Contains(e.TextA.Data, static_cast<size_t>(e.TextA.Capacity), s) ||
         Contains(e.InitialTextA.Data, static_cast<size_t>(e.InitialTextA.Capacity), s) ||
         ContainsWide(e.TextW.Data, static_cast<size_t>(e.TextW.Capacity), s) ||
         ContainsWide(undo.undo_char, sizeof(undo.undo_char) / sizeof(undo.undo_char[0]), s) ||
         Contains(g.TempBuffer, sizeof(g.TempBuffer), s) ||
         ContainsWide(g.IO.InputQueueCharacters.Data, static_cast<size_t>(g.IO.InputQueueCharacters.Capacity),
                      s);
}

// The pieces of the UI's state that still hold something of a visit, by name ("" when none).
std::string Left(const ui::UiState& s) {
  std::string left;
  auto note = [&](bool held, const char* what) {
    if (held) left += (left.empty() ? "" : ", ") + std::string(what);
  };
  note(!s.typed.empty(), "typed text");
  note(!s.focused.empty(), "focused field");
  note(!(s.keyboard == core::KeyboardState{}), "keyboard state");
  note(!s.flash_key.empty(), "flashing key");
  note(s.backspace.held(), "held backspace");
  note(!s.stroke.points.empty(), "stroke in progress");
  note(!s.signing.empty(), "pad being signed");
  note(!s.stroke_history.empty(), "redo stacks");
  note(!s.partial_dates.empty(), "partial dates");
  note(!s.date_picker.empty(), "open date picker");
  note(!(s.picker == core::DatePickerState{}), "date picker decade or grid");
  note(s.scroll.offset() != 0 || s.scroll_to.has_value(), "scroll");
  note(s.larger_text || s.high_contrast, "display options");
  return left;
}

// From the attract screen to the about-you page, typing a first name.
constexpr const char* kTypeFirstName = R"(tap "Tap to start"
tap "English"
tap "I have read this notice"
tap "Next"
tap "First name"
type "Zebedee"
)";

}  // namespace

TEST_CASE("after a wipe nothing of the visit is left: each pad's strokes and redo, dates, picker, scroll") {
  ui_test::Kiosk k;
  k.Run(ui_test::ScriptUpTo("guardian-visit.kiosk", "expect screen consent") +
        R"(tap "I have read and agree to this"
sign "Parent or guardian's signature"
sign "Parent or guardian's signature"
tap "Undo" in "Parent or guardian's signature"
sign "Your signature"
sign "Your signature"
tap "Undo" in "Your signature"
tap "Parent or guardian's full name"
tap "123 é"
)");
  // a finger is still drawing on the client's pad when the visit is reset
  k.ScrollTo("Your signature");
  k.Run("expect screen consent\n");
  const ui::Target signature = k.Target("Your signature");
  const ImRect pad = signature.rect, clip = signature.clip;
  REQUIRE(pad.GetWidth() > 0);
  float y = std::max(pad.Min.y, clip.Min.y) + 8;  // on the pad, where the page shows it (above the keyboard)
  REQUIRE(y < std::min(pad.Max.y, clip.Max.y) - 12);
  k.app->Inject({pad.Min.x + 20, y, false, ""});
  k.app->Frame();
  k.app->Inject({pad.Min.x + 20, y, true, ""});
  k.app->Frame();
  k.app->Inject({pad.Min.x + 80, y + 4, true, ""});
  k.app->Frame();
  k.app->Type("Pending");  // typed on a physical keyboard, not yet taken by a field

  const ui::UiState& s = k.app->ui().state();
  // the test can fail: before the wipe every piece really holds something
  CHECK(s.stroke_history.Redoable("guardian_signature") == 1);
  CHECK(s.stroke_history.Redoable("client_signature") == 1);
  const auto& answers = k.app->session().answers;
  for (const char* pad_id : {"guardian_signature", "client_signature"}) {
    REQUIRE(answers.count(pad_id) == 1);
    CHECK(std::get<core::Signature>(answers.at(pad_id)).strokes.size() == 1);  // what Undo would take off
  }
  CHECK(s.stroke.points.size() >= 2);
  CHECK(s.signing == "client_signature");
  CHECK(s.keyboard.symbols);
  CHECK(s.typed == "Pending");
  CHECK(s.partial_dates.count("date_of_birth") == 1);
  CHECK(s.picker.decade == 2010);
  CHECK(s.scroll.offset() > 0);
  for (const char* piece : {"typed text", "keyboard state", "stroke in progress", "pad being signed",
                            "redo stacks", "partial dates", "date picker decade", "scroll"}) {
    CHECK(Left(s).find(piece) != std::string::npos);
  }

  k.app->Apply(core::intent::StartOver{});
  CHECK(Left(s) == "");
  CHECK(s == ui::UiState{});  // and any piece added to UiState later
  CHECK(k.app->session().answers.empty());
  k.app->Inject({-1, -1, false, ""});
  k.Run("expect screen attract\n");
  CHECK(Left(k.app->ui().state()) == "");
}

TEST_CASE(
    "after a wipe no typed string survives in the session, the keyboard, ImGui's buffers or the screen") {
  ui_test::Kiosk k;
  k.Run(std::string(kTypeFirstName) + R"(tap "Last name"
type "Quuxworth"
tap "Shift"
)");
  k.app->Type("Pending");
  // ImGui's input queue is where SDL text input would land: the check sees it, the wipe scrubs it
  ImGui::GetIO().AddInputCharactersUTF8("Sentinel");
  // the test can fail: before the wipe the typed text is really held and shown
  CHECK(k.app->session().answers.count("first_name") == 1);
  const auto& shown = k.app->ui().registry().texts();
  CHECK(std::find(shown.begin(), shown.end(), "Quuxworth") != shown.end());
  CHECK(ImGuiHolds("Sentinel"));
  CHECK(k.app->ui().state().focused == "last_name");
  CHECK(k.app->ui().state().keyboard.shift);

  k.app->Apply(core::intent::StartOver{});
  CHECK(Left(k.app->ui().state()) == "");
  CHECK_FALSE(ImGuiHolds("Sentinel"));
  k.Run("expect screen attract\n");

  CHECK(k.app->session().answers.empty());
  CHECK(k.app->session().intake_id.empty());
  for (const char* typed : {"Zebedee", "Quuxworth", "Pending", "Sentinel"}) {
    CHECK_FALSE(ImGuiHolds(typed));
    for (const auto& text : k.app->ui().registry().texts()) CHECK(text.find(typed) == std::string::npos);
  }
}

TEST_CASE("walking away wipes the visit after the still-there countdown") {
  ui_test::Kiosk k;
  k.Run(std::string(kTypeFirstName) + R"(wait 89s
expect screen about_you
expect no text "Still there?"
wait 2s
expect text "Still there?"
wait 20s
expect screen attract
)");
  CHECK(k.app->session().answers.empty());
  CHECK(Left(k.app->ui().state()) == "");
}
