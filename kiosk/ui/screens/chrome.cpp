// Shared chrome: header with the clinic name, progress, footer buttons, and the drag-to-scroll area.
#include <algorithm>
#include <cmath>

#include "core/flow.h"
#include "ui/screens/screen.h"

namespace ui {

float ContentLeft(const ScreenContext& c) {
  return c.theme().margin();
}
float ContentWidth(const ScreenContext& c) {
  return c.size.x - 2 * c.theme().margin();
}

float DrawHeader(ScreenContext& c, bool with_progress) {
  const Theme& t = c.theme();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  float header_h = t.em * 3.0f;
  const std::string& name = c.in.content.app.clinic_name;
  ImVec2 ns = Measure(t.fonts.bold, name);
  DrawText(c.paint, t.fonts.bold, t.brand, ImVec2(t.margin(), (header_h - ns.y) * 0.5f), name, 0);
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
  const std::string& back = c.Ui("back");
  if (Button(c.paint, "##back", back, ImVec2(t.margin(), y), ImVec2(ButtonWidth(c.paint, back), h),
             ButtonStyle::kOutline)) {
    c.Emit(core::intent::Back{});
  }
  float w = ButtonWidth(c.paint, primary);
  if (Button(c.paint, "##primary", primary, ImVec2(c.size.x - t.margin() - w, y), ImVec2(w, h),
             ButtonStyle::kPrimary)) {
    c.Emit(std::move(action));
  }
}

void BeginScrollArea(ScreenContext& c, const char* id, float top, float bottom) {
  ImGui::SetCursorScreenPos(ImVec2(0, top));
  ImGui::BeginChild(id, ImVec2(c.size.x, bottom - top), false,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoNav);
  ImGuiWindow* w = ImGui::GetCurrentWindow();
  std::string key = std::string(core::ToString(c.in.session.screen)) + std::to_string(c.in.session.step);
  if (key != c.state.last_screen_key) {
    c.state.last_screen_key = key;
    c.state.scroll_velocity = 0;
    c.state.focused.clear();  // the keyboard closes when the page changes
    ImGui::SetScrollY(0);
  }
  if (c.state.scroll_to) {
    ImGui::SetScrollY(std::max(0.0f, *c.state.scroll_to - (bottom - top) * 0.3f));
    c.state.scroll_to.reset();
  }
  c.paint.in_scroll = true;
  c.paint.clip = ImRect(ImVec2(0, top), ImVec2(c.size.x, bottom));
  c.paint.scroll_origin = w->Pos.y - w->Scroll.y;
  ImGui::SetCursorPos(ImVec2(ContentLeft(c), c.theme().em * 0.2f));
  ImGui::BeginGroup();
}

void EndScrollArea(ScreenContext& c) {
  ImGui::EndGroup();
  ImGui::Dummy(ImVec2(1, c.theme().em * 1.5f));  // breathing room after the last item
  ImGuiIO& io = ImGui::GetIO();
  UiState& s = c.state;
  bool hovered = ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem);
  float max_scroll = ImGui::GetScrollMaxY();
  float dt = std::clamp(io.DeltaTime, 0.001f, 0.1f);
  if (s.signing.empty() && io.MouseDown[0] && hovered && ImGui::IsMouseDragging(0, c.theme().em * 0.5f)) {
    // a drag scrolls the page and never presses what it started on
    if (!s.dragging) ImGui::ClearActiveID();
    s.dragging = true;
    float dy = io.MouseDelta.y;
    ImGui::SetScrollY(std::clamp(ImGui::GetScrollY() - dy, 0.0f, max_scroll));
    s.scroll_velocity = -dy / dt;
  } else if (s.dragging && !io.MouseDown[0]) {
    s.dragging = false;
  } else if (!s.dragging && s.scroll_velocity != 0) {
    float y = ImGui::GetScrollY() + s.scroll_velocity * dt;
    ImGui::SetScrollY(std::clamp(y, 0.0f, max_scroll));
    s.scroll_velocity *= std::pow(0.05f, dt);  // friction: about 95% of the speed gone per second
    if (std::abs(s.scroll_velocity) < 20 || y <= 0 || y >= max_scroll) s.scroll_velocity = 0;
  }
  if (!s.dragging && s.scroll_velocity == 0 && hovered && io.MouseWheel != 0) {
    ImGui::SetScrollY(std::clamp(ImGui::GetScrollY() - io.MouseWheel * c.theme().em * 3, 0.0f, max_scroll));
  }
  // a quiet hint of where the page is when it is longer than the screen
  ImGuiWindow* w = ImGui::GetCurrentWindow();
  if (max_scroll > 0) {
    float view = w->Size.y, total = view + max_scroll;
    float bar = std::max(view * view / total, c.theme().em * 2);
    float y = w->Pos.y + (view - bar) * (ImGui::GetScrollY() / max_scroll);
    float x = w->Pos.x + w->Size.x - c.theme().em * 0.45f;
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(x, y), ImVec2(x + c.theme().em * 0.22f, y + bar),
                                              c.theme().line, c.theme().em);
  }
  ImGui::EndChild();
  c.paint.in_scroll = false;
  c.paint.clip = ImRect(ImVec2(0, 0), c.size);
}

}  // namespace ui
