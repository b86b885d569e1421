// The client-facing UI: draws the screen for the current session and returns what the client did.
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/content/content.h"
#include "core/speech/speech_text.h"
#include "core/staff/staff.h"
#include "core/touch/date_picker.h"
#include "core/touch/focus.h"
#include "core/touch/keyboard.h"
#include "core/touch/scroll.h"
#include "core/visit/flags.h"
#include "core/visit/idle.h"
#include "core/visit/intents.h"
#include "core/visit/rules.h"
#include "core/visit/session.h"
#include "core/visit/signature.h"
#include "ui/staff_view.h"
#include "ui/target_registry.h"
#include "ui/theme.h"

namespace ui {

// Everything a frame reads. Screens never change it: they return intents.
struct FrameInput {
  const core::Content& content;
  const core::Session& session;
  const core::Visibility& visibility;
  const std::vector<core::RaisedFlag>& flags;
  core::TimePoint now;
  core::Date today;
  core::IdleSettings idle;
  const StaffView* staff = nullptr;  // staff mode, drawn on top when open
  bool demo = false;                 // event / demo mode: a small "Demo" marker on every screen
};

// A key of the keypad, as the app read it.
struct NavPress {
  core::NavKey key = core::NavKey::kSelect;
  bool text_key =
      false;  // the key also edits text (Backspace, Space): it does not navigate while one is typed
  bool operator==(const NavPress&) const = default;
};

// The keypad's focus (ui/focus_ring.h).
struct NavState {
  std::array<ImGuiID, 2> focus{};  // the focused target's ImGui id, per layer (0 the screen, 1 a dialog)
  bool visible = false;            // keys are in use: the ring shows (a touch hides it)
  bool into_keyboard = false;      // a text field was opened by the keypad: the focus moves onto its keys
  ImGuiID return_to = 0;           // where the focus goes back when the keyboard shuts
  std::string page;                // the screen and page the focus is on (a new one starts at its top)
  bool used = false;               // a key was pressed in this visit: a signature may be confirmed by keys
  std::vector<NavPress> pending;   // keys pressed since the last frame
  bool operator==(const NavState&) const = default;
};

// UI-only state that outlives a frame: scrolling, open pickers, the stroke being drawn.
struct UiState {
  core::ScrollPhysics scroll;      // the page's drag, glide and offset
  std::optional<float> scroll_to;  // content y to bring into view next frame
  struct Span {
    float top = 0, bottom = 0;  // content y
    bool operator==(const Span&) const = default;
  };
  std::optional<Span> reveal;    // content to bring whole into view next frame (core::RevealOffset)
  int problems_seen = 0;         // the session's problems_shown already brought into view
  int redraws = 0;               // frames still to draw after a jump (ImGui scrolls on the frame after)
  std::string reveal_question;   // while drawing: the question whose span (to its message) becomes `reveal`
  std::string date_picker;       // question id whose picker is open
  core::DatePickerState picker;  // its grid (day, month, year) and the year grid's decade
  std::map<std::string, core::Date, std::less<>> partial_dates;  // day/month/year chosen so far
  std::string signing;                                           // question id of the pad being drawn on
  core::Stroke stroke;                                           // the stroke in progress
  std::string last_screen_key;                                   // to reset scroll when the page changes
  core::TimePoint last_frame{};
  std::string focused;  // question id of the text field the keyboard types into
  core::KeyboardState keyboard;
  std::string typed;          // UTF-8 from a physical keyboard or the headless driver, for the focused field
  core::KeyRepeat backspace;  // held backspace repeats
  std::string flash_key;      // the key last tapped shows pressed until flash_until
  core::TimePoint flash_until{};
  core::StrokeHistory stroke_history;  // each signature pad's redo
  bool larger_text = false;            // the client's display options (reset by the wipe)
  bool high_contrast = false;
  bool read_aloud = false;  // "Read aloud" from the header (or headphones plugged in): speech on
  NavState nav;             // the keypad's focus ring
  // The target a finger last tapped, said by speech from the frame after the tap (with its new state), until
  // the next touch or another page; tapped_next holds it for that frame.
  ImGuiID tapped = 0, tapped_next = 0;
  std::string tapped_page;
  float page_view = 0;  // the height of this frame's scrolling page (0: the screen has none)
  bool operator==(const UiState&) const = default;  // the wipe test: nothing of a visit is left
};

class KioskUi {
 public:
  explicit KioskUi(const core::Theme& config) : config_(config) {}

  // Call when the window size is known or changes; returns the em to build fonts at.
  float Layout(int width, int height);
  void SetFonts(const Fonts& fonts) { theme_.fonts = fonts; }
  void SetLogo(const Logo& logo) { theme_.logo = logo; }
  const Theme& theme() const { return theme_; }

  // Draws one frame (between ImGui::NewFrame and ImGui::Render).
  std::vector<core::Intent> Draw(const FrameInput& in);
  // Forgets everything typed or drawn: our state and ImGui's text-edit buffers and undo history.
  void Wipe();
  // True while something moves by itself (scroll inertia): the loop keeps drawing.
  bool Animating() const;
  // The next moment the picture changes without input (attract rotation), or TimePoint::max().
  core::TimePoint NextWake(const FrameInput& in) const;

  // What staff did this frame (staff screens return these instead of client intents).
  std::vector<core::StaffIntent> TakeStaffIntents() { return std::exchange(staff_intents_, {}); }

  TargetRegistry& registry() { return registry_; }
  const UiState& state() const { return state_; }  // for tests: what a wipe must leave empty
  void ScrollTo(float content_y) { state_.scroll_to = content_y; }
  // Text typed on a physical keyboard (or by the headless driver), whole UTF-8: the next frame's focused
  // text field takes it.
  void Type(const std::string& utf8) { state_.typed += utf8; }
  // The target the focus ring shows on (none while the ring is hidden).
  std::optional<Target> FocusedTarget() const;
  // Speech: "Read aloud" (the header option, or headphones plugged in), and the focused target as speech
  // reads it (none while the ring is hidden).
  bool read_aloud() const { return state_.read_aloud; }
  void SetReadAloud(bool on) { state_.read_aloud = on; }
  // The keypad's focused target, or else the one a finger has just tapped.
  std::optional<core::SpokenTarget> SpokenFocus() const;
  // A keypad key: the next frame moves the focus ring, selects or goes back.
  void Press(NavPress press) { state_.nav.pending.push_back(press); }
  // A key started the visit on the attract screen: the ring shows from the next page's first item.
  void KeysInUse() { state_.nav.visible = state_.nav.used = true; }

 private:
  core::Theme config_;
  Theme theme_;
  TargetRegistry registry_;
  UiState state_;
  std::vector<core::StaffIntent> staff_intents_;
};

}  // namespace ui
