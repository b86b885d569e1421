// Wipe means wipe: after a reset no typed string survives in memory the UI can reach (our state, ImGui's
// text-edit buffers and undo history, its scratch buffer, what is on screen).
#include <doctest/doctest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <filesystem>

#include "headless_kiosk.h"

namespace {

bool Contains(const void* data, size_t bytes, const std::string& needle) {
  if (!data || bytes < needle.size()) return false;
  const char* p = static_cast<const char*>(data);
  return std::search(p, p + bytes, needle.begin(), needle.end()) != p + bytes;
}

// ImGui keeps the edited text as UTF-16-ish ImWchar too: look for that form as well.
bool ContainsWide(const ImWchar* data, size_t count, const std::string& ascii) {
  if (!data) return false;
  std::vector<ImWchar> wide(ascii.begin(), ascii.end());
  return std::search(data, data + count, wide.begin(), wide.end()) != data + count;
}

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

// From the attract screen to the about-you page, typing a first name.
constexpr const char* kTypeFirstName = R"(tap "Tap to start"
tap "English"
tap "I have read this notice"
tap "Next"
tap "First name"
type "Zebedee"
)";

}  // namespace

TEST_CASE(
    "after a wipe no typed string survives in the session, ImGui's edit buffers, undo history or screen") {
  ui_test::Kiosk k;
  k.Run(std::string(kTypeFirstName) + R"(tap "Last name"
type "Quuxworth"
)");
  // the test can fail: before the wipe the typed text is really held and shown
  CHECK(k.app->session().answers.count("first_name") == 1);
  const auto& shown = k.app->ui().registry().texts();
  CHECK(std::find(shown.begin(), shown.end(), "Quuxworth") != shown.end());
  CHECK_FALSE(ImGuiHolds("Quuxworth"));  // the field consumes typed characters and scrubs ImGui's queue

  k.app->Apply(core::intent::StartOver{});
  k.Run("expect screen attract\n");

  CHECK(k.app->session().answers.empty());
  CHECK(k.app->session().intake_id.empty());
  for (const char* typed : {"Zebedee", "Quuxworth"}) {
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
  CHECK_FALSE(ImGuiHolds("Zebedee"));
}
