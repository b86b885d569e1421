// Shared chrome: header with the clinic name, progress, footer buttons, and the drag-to-scroll area.
#include <algorithm>
#include <cmath>

#include "core/speech/headphones.h"
#include "core/touch/scroll.h"
#include "core/visit/flow.h"
#include "ui/screens/screen.h"

namespace ui {

namespace {
// The tap slop grows with the text size: a finger's wobble is about half a line.
core::ScrollSettings Physics(const Theme& t) {
  core::ScrollSettings s;
  s.slop_px = t.em * 0.5f;
  return s;
}
enum class OptionIcon { kLargerText, kContrast, kSpeaker, kNone };

float OptionWidth(const Theme& t, const std::string& label, OptionIcon icon, bool wide) {
  float words = Measure(t.fonts.bold, label).x + t.em * 1.4f;
  if (icon == OptionIcon::kNone) return words;
  return wide ? words + t.em * 1.5f : t.em * 2.4f;
}

void DrawOptionIcon(const Theme& t, ImDrawList* dl, OptionIcon icon, ImVec2 centre, ImU32 ink) {
  float r = t.em * 0.5f;
  if (icon == OptionIcon::kContrast) {
    dl->AddCircle(centre, r, ink, 32, std::max(2.0f, t.em * 0.08f));
    dl->PathArcTo(centre, r, IM_PI * 0.5f, IM_PI * 1.5f, 24);
    dl->PathFillConvex(ink);
  } else if (icon == OptionIcon::kSpeaker) {  // a loudspeaker and two waves
    float th = std::max(2.0f, t.em * 0.08f);
    ImVec2 o(centre.x - r * 0.55f, centre.y);
    dl->AddRectFilled(ImVec2(o.x - r * 0.45f, o.y - r * 0.28f), ImVec2(o.x, o.y + r * 0.28f), ink);
    dl->AddTriangleFilled(ImVec2(o.x - r * 0.1f, o.y - r * 0.28f), ImVec2(o.x + r * 0.5f, o.y - r * 0.8f),
                          ImVec2(o.x + r * 0.5f, o.y + r * 0.8f), ink);
    dl->AddTriangleFilled(ImVec2(o.x - r * 0.1f, o.y - r * 0.28f), ImVec2(o.x + r * 0.5f, o.y + r * 0.8f),
                          ImVec2(o.x - r * 0.1f, o.y + r * 0.28f), ink);
    for (float k : {0.85f, 1.3f}) {
      dl->PathArcTo(ImVec2(o.x + r * 0.45f, o.y), r * k, -IM_PI * 0.28f, IM_PI * 0.28f, 12);
      dl->PathStroke(ink, 0, th);
    }
  } else if (icon == OptionIcon::kLargerText) {
    const char* a = "A";
    ImVec2 as = Measure(t.fonts.heading, a);
    dl->AddText(t.fonts.heading, t.fonts.heading->FontSize,
                ImVec2(centre.x - as.x * 0.7f, centre.y - as.y * 0.5f), ink, a);
    float px = centre.x + as.x * 0.55f, py = centre.y - as.y * 0.18f, arm = t.em * 0.22f;
    float th = std::max(2.0f, t.em * 0.08f);
    dl->AddLine(ImVec2(px - arm, py), ImVec2(px + arm, py), ink, th);
    dl->AddLine(ImVec2(px, py - arm), ImVec2(px, py + arm), ink, th);
  }
}

// One display option at the top right: an icon (and its words when `wide`), filled when on.
bool OptionChip(ScreenContext& c, const char* id, const std::string& label, OptionIcon icon, bool on,
                bool wide, ImVec2 pos, float height) {
  const Theme& t = c.theme();
  float w = OptionWidth(t, label, icon, wide);
  bool tapped =
      Button(c.paint, id, "", pos, ImVec2(w, height), on ? ButtonStyle::kSelected : ButtonStyle::kOutline);
  c.paint.registry.RelabelLast(label);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImU32 ink = on ? t.white : t.brand;
  float x = pos.x + t.em * 0.7f;
  if (icon != OptionIcon::kNone) {
    DrawOptionIcon(t, dl, icon, ImVec2(wide ? x + t.em * 0.5f : pos.x + w * 0.5f, pos.y + height * 0.5f),
                   ink);
    x += t.em * 1.5f;
  }
  if (wide || icon == OptionIcon::kNone) {
    ImVec2 ts = Measure(t.fonts.bold, label);
    dl->AddText(t.fonts.bold, t.fonts.bold->FontSize, ImVec2(x, pos.y + (height - ts.y) * 0.5f), ink,
                label.c_str(), label.c_str() + label.size());
    c.paint.registry.AddText(label);
  }
  return tapped;
}
}  // namespace

float ContentLeft(const ScreenContext& c) {
  return c.theme().margin();
}
float ContentWidth(const ScreenContext& c) {
  return c.size.x - 2 * c.theme().margin();
}

// The client's display options at the top right of every screen: the other languages, larger text and
// high contrast. Words beside the icons when there is room for them.
void DrawOptions(ScreenContext& c, float header_h, float name_right) {
  const Theme& t = c.theme();
  const std::string& larger = c.Ui("larger_text");
  const std::string& contrast = c.Ui("high_contrast");
  const std::string& aloud = c.Ui("read_aloud");
  std::vector<const core::Language*> others;
  if (c.in.session.screen != core::Screen::kLanguage) {  // that screen is itself the language choice
    for (const auto& l : c.in.content.languages)
      if (l.code != c.lang()) others.push_back(&l);
  }
  float gap = t.em * 0.5f;
  auto total = [&](bool wide) {
    float w = OptionWidth(t, larger, OptionIcon::kLargerText, wide) +
              OptionWidth(t, contrast, OptionIcon::kContrast, wide) + gap +
              OptionWidth(t, aloud, OptionIcon::kSpeaker, wide) + gap;
    for (const auto* l : others) w += OptionWidth(t, l->name, OptionIcon::kNone, wide) + gap;
    return w;
  };
  bool wide = name_right + t.em + total(true) <= c.size.x - t.margin();
  float h = t.em * 2.2f, y = (header_h - h) * 0.5f;
  float x = c.size.x - t.margin() - total(wide);
  c.paint.scope.clear();
  c.paint.question.clear();
  NavGroup group(c.paint, "header");
  c.paint.chrome = true;
  for (const auto* l : others) {
    std::string id = "##header_lang_" + l->code;
    if (OptionChip(c, id.c_str(), l->name, OptionIcon::kNone, false, wide, ImVec2(x, y), h))
      c.Emit(core::intent::ChooseLanguage{l->code});
    c.paint.registry.TagLast("language");
    x += OptionWidth(t, l->name, OptionIcon::kNone, wide) + gap;
  }
  if (OptionChip(c, "##larger_text", larger, OptionIcon::kLargerText, c.state.larger_text, wide, ImVec2(x, y),
                 h)) {
    c.state.larger_text = !c.state.larger_text;
    c.Emit(core::intent::Activity{});
  }
  c.paint.registry.TagLast("larger_text", c.state.larger_text);
  x += OptionWidth(t, larger, OptionIcon::kLargerText, wide) + gap;
  if (OptionChip(c, "##high_contrast", contrast, OptionIcon::kContrast, c.state.high_contrast, wide,
                 ImVec2(x, y), h)) {
    c.state.high_contrast = !c.state.high_contrast;
    c.Emit(core::intent::Activity{});
  }
  c.paint.registry.TagLast("high_contrast", c.state.high_contrast);
  x += OptionWidth(t, contrast, OptionIcon::kContrast, wide) + gap;
  // last, so Up from a page's first item reaches it at once
  if (OptionChip(c, "##read_aloud", aloud, OptionIcon::kSpeaker, c.state.read_aloud, wide, ImVec2(x, y), h)) {
    c.state.read_aloud = core::ReadAloudAfter(c.state.read_aloud, core::SpeechSwitch::kTapped);
    c.Emit(core::intent::Activity{});
  }
  c.paint.registry.TagLast("read_aloud", c.state.read_aloud);
  c.paint.chrome = false;
}

float DrawHeader(ScreenContext& c, bool with_progress) {
  const Theme& t = c.theme();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  float header_h = t.em * 3.0f;
  const std::string& name = c.in.content.app.clinic_name;
  ImVec2 ns = Measure(t.fonts.bold, name);
  float name_right = t.margin() + ns.x;
  if (c.in.demo) name_right += t.em * 0.6f + DemoMarkerWidth(c);
  DrawOptions(c, header_h, name_right);
  DrawText(c.paint, t.fonts.bold, t.brand, ImVec2(t.margin(), (header_h - ns.y) * 0.5f), name, 0);
  if (c.in.demo) DrawDemoMarkerBeside(c, t.margin() + ns.x + t.em * 0.6f, header_h * 0.5f);
  dl->AddRectFilled(ImVec2(0, header_h), ImVec2(c.size.x, header_h + 1), t.line);  // exact pixels, no AA seam
  float y = header_h + t.em * 0.6f;
  if (!with_progress) return y;
  auto p = core::ProgressOf(c.in.content, c.in.session, c.in.visibility);
  const core::Text& title = p.step ? p.step->title : c.in.content.app.review.title;
  std::string line = core::Format(
      c.Ui("step_of"), {{"n", std::to_string(p.n)}, {"m", std::to_string(p.m)}, {"title", c.T(title)}});
  y += DrawText(c.paint, t.fonts.body, t.muted, ImVec2(t.margin(), y), line, 0) + t.em * 0.3f;
  float bar_h = std::max(4.0f, t.em * 0.28f), w = ContentWidth(c);
  dl->AddRectFilled(ImVec2(t.margin(), y), ImVec2(t.margin() + w, y + bar_h), t.brand_soft, bar_h);
  float done = p.m > 0 ? w * static_cast<float>(p.n) / static_cast<float>(p.m) : 0;
  dl->AddRectFilled(ImVec2(t.margin(), y), ImVec2(t.margin() + done, y + bar_h), t.brand, bar_h);
  return y + bar_h + t.em * 0.9f;
}

float FooterTop(const ScreenContext& c) {
  return c.size.y - c.theme().target() - c.theme().em * 1.6f;
}

void DrawFooter(ScreenContext& c, const std::string& primary, core::Intent action) {
  const Theme& t = c.theme();
  float top = FooterTop(c);
  ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(0, top), ImVec2(c.size.x, top + 1), t.line);
  float y = top + t.em * 0.8f, h = t.target();
  c.paint.scope.clear();
  c.paint.question.clear();
  NavGroup group(c.paint, "footer");
  const std::string& back = c.Ui("back");
  if (Button(c.paint, "##back", back, ImVec2(t.margin(), y), ImVec2(ButtonWidth(c.paint, back), h),
             ButtonStyle::kOutline)) {
    c.Emit(core::intent::Back{});
  }
  c.paint.registry.TagLast("back");
  float w = ButtonWidth(c.paint, primary);
  bool send = std::holds_alternative<core::intent::Submit>(action);
  if (Button(c.paint, "##primary", primary, ImVec2(c.size.x - t.margin() - w, y), ImVec2(w, h),
             ButtonStyle::kPrimary)) {
    c.Emit(std::move(action));
  }
  c.paint.registry.TagLast(send ? "send" : c.in.session.editing_from_review ? "review" : "next");
}

void BeginScrollArea(ScreenContext& c, const char* id, float top, float bottom) {
  ImGui::SetCursorScreenPos(ImVec2(0, top));
  ImGui::BeginChild(id, ImVec2(c.size.x, bottom - top), false,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoNav |
                        ImGuiWindowFlags_NoScrollWithMouse);
  ImGuiWindow* w = ImGui::GetCurrentWindow();
  core::ScrollPhysics& scroll = c.state.scroll;
  std::string key = std::string(core::ToString(c.in.session.screen)) + std::to_string(c.in.session.step) +
                    "." + std::to_string(c.in.session.page);
  if (key != c.state.last_screen_key) {
    c.state.last_screen_key = key;
    scroll = core::ScrollPhysics(Physics(c.theme()));
    c.state.focused.clear();  // the keyboard closes when the page changes
    c.state.reveal.reset();   // it was about the page before
  }
  scroll.SetLimit(ImGui::GetScrollMaxY());
  c.state.page_view = bottom - top;
  if (c.state.scroll_to) {
    scroll.JumpTo(*c.state.scroll_to - (bottom - top) * 0.3f);
    c.state.scroll_to.reset();
  }
  if (c.state.reveal) {  // a focused field with its label, or the first problem with its message
    scroll.JumpTo(core::RevealOffset(scroll.offset(), bottom - top, c.state.reveal->top,
                                     c.state.reveal->bottom, c.theme().em * 0.6f));
    c.state.reveal.reset();
    c.state.redraws = 2;  // ImGui takes the new offset on the next frame: draw that one too
  }
  ImGui::SetScrollY(scroll.offset());
  c.paint.in_scroll = true;
  c.paint.clip = ImRect(ImVec2(0, top), ImVec2(c.size.x, bottom));
  c.paint.scroll_origin = w->Pos.y - scroll.offset();
  ImGui::SetCursorPos(ImVec2(ContentLeft(c), c.theme().em * 0.2f));
  ImGui::BeginGroup();
}

void EndScrollArea(ScreenContext& c) {
  ImGui::EndGroup();
  ImGui::Dummy(ImVec2(1, c.theme().em * 1.5f));  // breathing room after the last item
  ImGuiIO& io = ImGui::GetIO();
  UiState& s = c.state;
  core::ScrollPhysics& scroll = s.scroll;
  bool hovered = ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem);
  if (io.MouseClicked[0] && hovered && c.paint.enabled && s.signing.empty()) {
    scroll.Press(io.MousePos.y, c.in.now);
  } else if (scroll.pressed() && io.MouseDown[0] && s.signing.empty()) {
    bool was_dragging = scroll.dragging();
    // a drag scrolls the page and never presses what it started on
    if (scroll.Move(io.MousePos.y, c.in.now) && !was_dragging) ImGui::ClearActiveID();
  } else if (scroll.pressed()) {
    scroll.Release(c.in.now);
  } else {
    scroll.Step(c.in.now);
  }
  if (!scroll.pressed() && !scroll.gliding() && hovered && io.MouseWheel != 0) {
    scroll.JumpTo(scroll.offset() - io.MouseWheel * c.theme().em * 3);
  }
  ImGui::SetScrollY(scroll.offset());
  // a quiet hint of where the page is when it is longer than the screen
  ImGuiWindow* w = ImGui::GetCurrentWindow();
  float max_scroll = ImGui::GetScrollMaxY();
  if (max_scroll > 0) {
    float view = w->Size.y, total = view + max_scroll;
    float bar = std::max(view * view / total, c.theme().em * 2);
    float y = w->Pos.y + (view - bar) * (std::min(scroll.offset(), max_scroll) / max_scroll);
    float x = w->Pos.x + w->Size.x - c.theme().em * 0.45f;
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(x, y), ImVec2(x + c.theme().em * 0.22f, y + bar),
                                              c.theme().line, c.theme().em);
  }
  ImGui::EndChild();
  c.paint.in_scroll = false;
  c.paint.clip = ImRect(ImVec2(0, 0), c.size);
}

}  // namespace ui
