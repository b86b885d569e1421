// The focus ring: keypad keys against the frame's targets, and the ring drawn over everything.
#include "ui/focus_ring.h"

#include <algorithm>

#include "core/touch/focus.h"

namespace ui {

namespace {

std::vector<const Target*> LayerTargets(const TargetRegistry& reg, int layer) {
  std::vector<const Target*> out;
  for (const auto& t : reg.targets())
    if (t.layer == layer && t.id != 0) out.push_back(&t);
  return out;
}

std::vector<core::FocusItem> Items(const std::vector<const Target*>& targets) {
  std::vector<core::FocusItem> items;
  items.reserve(targets.size());
  for (const Target* t : targets) {
    items.push_back({t->rect.Min.x, t->rect.Min.y, t->rect.Max.x, t->rect.Max.y, t->group, t->radio,
                     t->in_scroll, t->chrome, t->checked});
  }
  return items;
}

std::optional<size_t> IndexOf(const std::vector<const Target*>& targets, ImGuiID id) {
  for (size_t i = 0; i < targets.size(); ++i)
    if (targets[i]->id == id) return i;
  return std::nullopt;
}

// A target of the page scrolled out of view comes into view, with a line above it for its question.
void Reveal(UiState& s, const Target& t, const Theme& theme) {
  if (!t.in_scroll || t.Visible()) return;
  s.reveal = UiState::Span{t.content_y - theme.em * 1.5f, t.content_y + t.rect.GetHeight()};
}

// A target of the page far below (or above) what is shown: the page scrolls a step towards it instead of
// jumping there, so the text in between (a notice, an explainer) is read on the way. True when it scrolled.
bool StepTowards(UiState& s, const Target& t, bool down) {
  if (!t.in_scroll) return false;
  float view = t.clip.GetHeight();
  if (down && t.rect.Min.y - t.clip.Max.y > view * 0.5f) {
    s.scroll_to = s.scroll.offset() + view;  // the page moves up by 0.7 of the view (ScrollTo keeps 0.3)
    return true;
  }
  if (!down && t.clip.Min.y - t.rect.Max.y > view * 0.5f) {
    s.scroll_to = s.scroll.offset() - view * 0.4f;
    return true;
  }
  return false;
}

// Up or down from the page to a target outside it (Back and Next, the header) while the page has more to show
// that way: the page scrolls a step instead (an explainer page with nothing to tap is read this way). True
// when it scrolled.
bool ScrollPage(UiState& s, bool down) {
  if (s.page_view <= 0) return false;
  if (down && s.scroll.offset() < s.scroll.limit() - 1) {
    s.scroll_to = s.scroll.offset() + s.page_view;
    return true;
  }
  if (!down && s.scroll.offset() > 1) {
    s.scroll_to = s.scroll.offset() - s.page_view * 0.4f;
    return true;
  }
  return false;
}

void Back(UiState& s, const FrameInput& in, std::vector<core::Intent>& intents) {
  if (!s.date_picker.empty()) {
    s.date_picker.clear();  // the dialog closes; the date part it opened from keeps the focus
  } else if (!s.focused.empty()) {
    s.focused.clear();  // the keyboard closes
  } else if (in.session.screen != core::Screen::kAttract && in.session.screen != core::Screen::kThankYou &&
             in.session.screen != core::Screen::kSubmitting) {
    intents.push_back(core::intent::Back{});
  }
}

}  // namespace

void ApplyNavKeys(UiState& s, TargetRegistry& reg, const FrameInput& in, const Theme& theme,
                  std::vector<core::Intent>& intents) {
  NavState& nav = s.nav;
  int top = reg.TopLayer();
  auto targets = LayerTargets(reg, top);
  ImGuiIO& io = ImGui::GetIO();
  if (io.MouseClicked[0] && top < 2) {  // a touch: the ring hides, and the focus is where the finger was
    nav.visible = false;
    for (const Target* t : targets)
      if (t->rect.Contains(io.MousePos)) nav.focus[static_cast<size_t>(top)] = t->id;
  }
  std::vector<NavPress> pending = std::exchange(nav.pending, {});
  bool staff = in.staff && in.staff->state.page != core::StaffPage::kClosed;
  if (staff || top >= 2) return;  // staff mode is out of the keypad's reach
  if (!pending.empty()) nav.used = true;
  ImGuiID& focus = nav.focus[static_cast<size_t>(top)];
  for (const NavPress& press : pending) {
    if (core::IsSpeechKey(press.key)) continue;  // help, volume, rate: speech's, never the ring's
    bool typing = !s.focused.empty();
    if (typing && press.text_key) continue;  // Backspace and Space edit the text being typed
    auto at = IndexOf(targets, focus);
    bool was_visible = std::exchange(nav.visible, true);
    if (press.key == core::NavKey::kBack) {
      Back(s, in, intents);
      continue;
    }
    if (at && !was_visible) {  // the first key shows where the focus is; it does nothing else
      Reveal(s, *targets[*at], theme);
      continue;
    }
    if (!at) {  // nothing focused yet: towards the page's first target (a step at a time when far below)
      if (targets.empty()) continue;
      const Target& first = *targets[core::InitialFocus(Items(targets))];
      if (StepTowards(s, first, true) || (top == 0 && !first.in_scroll && ScrollPage(s, true))) continue;
      focus = first.id;
      Reveal(s, first, theme);
      continue;
    }
    if (press.key == core::NavKey::kSelect) {
      bool on_field = reg.focused_field() && reg.focused_field()->id == focus;
      if (typing && on_field) {
        s.focused.clear();  // Enter in the field being typed: done typing
      } else {
        reg.Activate(focus);
      }
      continue;
    }
    auto move = core::MoveFocus(Items(targets), *at, press.key);
    if (!move) continue;
    bool vertical = press.key == core::NavKey::kUp || press.key == core::NavKey::kDown;
    bool down = press.key == core::NavKey::kDown;
    const Target& to = *targets[move->to];
    // (only the screen's own page: a dialog's keys never scroll the page under it)
    if (vertical && (StepTowards(s, to, down) ||
                     (top == 0 && targets[*at]->in_scroll && !to.in_scroll && ScrollPage(s, down))))
      continue;
    focus = targets[move->to]->id;
    if (move->choose) reg.Activate(focus);
    Reveal(s, *targets[move->to], theme);
  }
}

void DrawFocusRing(UiState& s, TargetRegistry& reg, const FrameInput& in, const Theme& theme) {
  NavState& nav = s.nav;
  std::string page = std::string(core::ToString(in.session.screen)) + std::to_string(in.session.step) + "." +
                     std::to_string(in.session.page);
  if (page != nav.page) {  // Next, Back or Edit: the new page's focus starts at its top, not on Next
    nav.page = page;
    nav.focus = {};
    nav.return_to = 0;
  }
  int top = reg.TopLayer();
  if (top >= 2) return;
  if (top == 0) nav.focus[1] = 0;  // a dialog that closed: the next one starts afresh
  auto targets = LayerTargets(reg, top);
  ImGuiID& focus = nav.focus[static_cast<size_t>(top)];
  if (nav.into_keyboard) {  // a text field opened by the keypad: its keys take the focus
    for (const Target* t : targets) {
      if (t->group == "keyboard") {
        nav.return_to = focus;
        focus = t->id;
        nav.into_keyboard = false;
        break;
      }
    }
  }
  auto at = IndexOf(targets, focus);
  if (!at && nav.return_to != 0) at = IndexOf(targets, std::exchange(nav.return_to, 0));  // the keyboard shut
  if (!at && nav.visible && !targets.empty()) {
    // a new page or dialog: its first target, when it is in sight (else the first Down scrolls to it)
    size_t first = core::InitialFocus(Items(targets));
    if (!targets[first]->in_scroll || targets[first]->Visible()) at = first;
  }
  if (!at) return;
  focus = targets[*at]->id;
  if (!nav.visible) return;
  const Target& t = *targets[*at];
  float gap = theme.em * 0.12f, thick = std::max(3.0f, theme.em * 0.12f);
  ImRect ring(ImVec2(t.rect.Min.x - gap - thick * 0.5f, t.rect.Min.y - gap - thick * 0.5f),
              ImVec2(t.rect.Max.x + gap + thick * 0.5f, t.rect.Max.y + gap + thick * 0.5f));
  float rounding = std::min(theme.radius * 1.5f, t.rect.GetHeight() * 0.5f) + gap;
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  dl->PushClipRect(t.clip.Min, t.clip.Max, true);
  dl->AddRect(ring.Min, ring.Max, theme.text, rounding, 0, thick);
  dl->PopClipRect();
}

}  // namespace ui
