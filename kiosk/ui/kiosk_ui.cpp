// KioskUi: one root window per frame, the screen for the session, the idle overlay, and the wipe.
#include "ui/kiosk_ui.h"

#include <imgui_internal.h>

#include <cstring>
#include <utility>

#include "ui/focus_ring.h"
#include "ui/screens/screen.h"
#include "ui/screens/staff.h"

namespace ui {

float KioskUi::Layout(int width, int height) {
  float em = EmFor(config_, width, height, state_.larger_text);
  Fonts fonts = theme_.fonts;
  Logo logo = theme_.logo;
  theme_ = Theme::From(config_, em, state_.high_contrast);
  theme_.fonts = fonts;
  theme_.logo = logo;
  ApplyStyle(theme_);
  return em;
}

std::vector<core::Intent> KioskUi::Draw(const FrameInput& in) {
  std::vector<core::Intent> intents;
  ApplyNavKeys(state_, registry_, in, theme_, intents);  // against the targets of the frame before
  state_.page_view = 0;                                  // BeginScrollArea sets it when there is a page
  registry_.BeginFrame();
  const auto pending_reveal = state_.reveal;
  ImGuiIO& io = ImGui::GetIO();
  const std::string page = std::string(core::ToString(in.session.screen)) + "/" +
                           std::to_string(in.session.step) + "/" + std::to_string(in.session.page) +
                           (in.session.still_there ? "/still" : "");
  if (io.MouseClicked[0] || page != state_.tapped_page) {
    state_.tapped = state_.tapped_next = 0;  // a new touch, or another page: the last tap is forgotten
  } else if (state_.tapped_next) {
    state_.tapped = std::exchange(state_.tapped_next, 0);  // drawn now with what the tap changed
  }
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(io.DisplaySize);
  ImGui::Begin("##kiosk", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                   ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoNav);
  ImGui::PushFont(theme_.fonts.body);
  bool staff_open = in.staff && in.staff->state.page != core::StaffPage::kClosed;
  bool overlay = in.session.still_there || !state_.date_picker.empty() || staff_open;
  Paint paint{theme_,   registry_, "",    0,     false, 0, ImRect(ImVec2(0, 0), io.DisplaySize),
              !overlay, "",        false, false, ""};
  ScreenContext c{in, paint, state_, intents, io.DisplaySize};
  switch (in.session.screen) {
    case core::Screen::kAttract:
      DrawAttract(c);
      break;
    case core::Screen::kLanguage:
      DrawLanguage(c);
      break;
    case core::Screen::kStep:
      DrawStep(c);
      break;
    case core::Screen::kReview:
      DrawReview(c);
      break;
    case core::Screen::kSubmitting:
      DrawSubmitting(c);
      break;
    case core::Screen::kThankYou:
      DrawThankYou(c);
      break;
  }
  if (in.demo && in.session.screen == core::Screen::kAttract) DrawDemoMarkerCentred(c);  // others: the header
  ImGui::PopFont();
  ImGui::End();
  if (overlay && !staff_open) {
    // Dialogs live in their own window on top, so they alone take the taps.
    paint.enabled = true;
    paint.layer = 1;
    paint.scope.clear();
    paint.question.clear();
    paint.in_scroll = false;
    paint.clip = ImRect(ImVec2(0, 0), io.DisplaySize);
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::SetNextWindowFocus();
    ImGui::Begin("##overlay", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoNav);
    ImGui::PushFont(theme_.fonts.body);
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(0, 0), io.DisplaySize, theme_.shade);
    if (in.session.still_there) {
      DrawStillThere(c);
    } else {
      DrawDatePicker(c);
    }
    ImGui::PopFont();
    ImGui::End();
  }
  if (staff_open) DrawStaffLayer(c, *in.staff, staff_intents_);
  DrawFocusRing(state_, registry_, in, theme_);
  const float slop = theme_.em * 0.5f;  // a finger that lifted where it went down: a tap, not a drag
  if (io.MouseReleased[0] && io.MouseDragMaxDistanceSqr[0] < slop * slop) {
    for (const auto& t : registry_.targets())
      if (t.layer == registry_.TopLayer() && t.id != 0 && t.rect.Contains(io.MouseClickedPos[0])) {
        state_.tapped_next = t.id;
        state_.tapped_page = page;
      }
  }
  registry_.EndFrame();
  // a span no page took this frame (the screen changed) is dropped, so nothing waits for it
  if (pending_reveal && state_.reveal == pending_reveal) state_.reveal.reset();
  if (state_.redraws > 0) state_.redraws--;
  state_.last_frame = in.now;
  return intents;
}

void KioskUi::Wipe() {
  std::string keep_screen;
  state_ = UiState{};
  ImGuiContext& g = *GImGui;
  ImGui::ClearActiveID();
  ImGuiInputTextState& edit = g.InputTextState;
  auto scrub = [](auto& vec) {
    if (vec.Data) std::memset(vec.Data, 0, static_cast<size_t>(vec.Capacity) * sizeof(vec.Data[0]));
    vec.clear();
  };
  scrub(edit.TextW);
  scrub(edit.TextA);
  scrub(edit.InitialTextA);
  std::memset(&edit.Stb, 0, sizeof(edit.Stb));  // stb_textedit's undo buffer holds typed characters
  edit.ID = 0;
  edit.CurLenA = edit.CurLenW = 0;
  std::memset(g.TempBuffer, 0, sizeof(g.TempBuffer));
  scrub(g.IO.InputQueueCharacters);
  registry_.BeginFrame();
}

std::optional<Target> KioskUi::FocusedTarget() const {
  int top = registry_.TopLayer();
  if (!state_.nav.visible || top >= 2) return std::nullopt;
  for (const auto& t : registry_.targets())
    if (t.layer == top && t.id != 0 && t.id == state_.nav.focus[static_cast<size_t>(top)]) return t;
  return std::nullopt;
}

std::optional<core::SpokenTarget> KioskUi::SpokenFocus() const {
  auto t = FocusedTarget();
  if (!t && state_.tapped != 0) {
    for (const auto& target : registry_.targets())
      if (target.layer == registry_.TopLayer() && target.id == state_.tapped) t = target;
  }
  if (!t) return std::nullopt;
  std::string label = t->label;
  if (t->action == "edit" && !t->scope.empty()) label = t->scope + ": " + label;  // which section
  return core::SpokenTarget{label, t->question, t->action, t->checked};
}

bool KioskUi::Animating() const {
  return state_.scroll.gliding() || state_.scroll.dragging() || state_.scroll_to || state_.reveal ||
         state_.redraws > 0 || state_.backspace.held();
}

core::TimePoint KioskUi::NextWake(const FrameInput& in) const {
  if (in.now < state_.flash_until) return state_.flash_until;  // a tapped key stops showing pressed
  if (in.session.screen == core::Screen::kAttract && in.content.app.attract.highlights.size() > 1) {
    auto period = core::Seconds(in.content.app.attract.rotate_s);
    auto elapsed = in.now - in.session.screen_since;
    auto n = elapsed / period + 1;
    return in.session.screen_since + n * period;
  }
  if (in.session.screen == core::Screen::kThankYou) {
    return in.session.screen_since + core::Seconds(in.content.app.thank_you.return_s);
  }
  if (in.session.still_there) {
    // redraw the countdown every second
    auto since = in.now - in.session.last_activity;
    auto next_second = std::chrono::ceil<core::Seconds>(since + core::Millis(1));
    return in.session.last_activity + next_second;
  }
  return core::TimePoint::max();
}

}  // namespace ui
