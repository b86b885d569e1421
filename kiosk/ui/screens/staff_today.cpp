// Today's intakes for staff: time, first name and last initial, flags, delivery state; newest first.
#include "ui/screens/staff.h"

namespace ui {

void DrawStaffToday(StaffContext& s) {
  const Theme& t = s.theme();
  ScreenContext& c = s.c;
  const StaffView& v = s.view;
  float top = DrawStaffBar(s, s.Ui("staff_today"), s.Ui("staff_back"),
                           core::staff_intent::Show{core::StaffPage::kHome});
  BeginScrollArea(c, "##staff_today", top + t.em * 0.2f, c.size.y);
  float width = ContentWidth(c);
  ImGui::Dummy(ImVec2(1, t.em * 0.6f));
  std::string kept = core::Format(s.Ui("staff_today_kept"), {{"hours", std::to_string(v.today_hours)}});
  float kh = DrawText(c.paint, t.fonts.body, t.muted, ImGui::GetCursorScreenPos(), kept, width);
  ImGui::Dummy(ImVec2(1, kh + t.em * 0.6f));
  if (v.today.empty()) StaffNote(s, s.Ui("staff_today_empty"), t.muted, t.brand_soft, width);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  bool wide = width > t.em * 30;
  for (const auto& row : v.today) {
    ImVec2 p = ImGui::GetCursorScreenPos();
    std::string flags;
    for (const auto& key : row.flag_keys) flags += (flags.empty() ? "" : " · ") + s.Ui(key);
    if (flags.empty()) flags = s.Ui("staff_no_flags");
    if (row.demo) flags = s.Ui("staff_demo_lead");
    const std::string& state = s.Ui(row.state_key);
    float pad = t.em * 0.8f;
    float h = wide ? t.target() : t.target() + t.em * 1.4f;
    dl->AddRectFilled(p, ImVec2(p.x + width, p.y + h), t.white, t.radius);
    dl->AddRect(p, ImVec2(p.x + width, p.y + h), t.line, t.radius, 0, std::max(2.0f, t.em * 0.06f));
    bool flagged = !row.flag_keys.empty() && !row.demo;
    float y1 = p.y + (wide ? (h - t.em) * 0.5f : pad);
    DrawText(c.paint, t.fonts.bold, t.brand, ImVec2(p.x + pad, y1), row.time, 0);
    DrawText(c.paint, t.fonts.bold, t.text, ImVec2(p.x + pad + t.em * 3.6f, y1), row.name, 0);
    float sx = p.x + width - pad - Measure(t.fonts.body, state).x;
    DrawText(c.paint, t.fonts.body, row.state_key == "state_parked" ? t.alert : t.muted, ImVec2(sx, y1),
             state, 0);
    ImVec2 fpos = wide ? ImVec2(p.x + width * 0.45f, y1) : ImVec2(p.x + pad + t.em * 3.6f, y1 + t.em * 1.3f);
    DrawText(c.paint, t.fonts.body, flagged ? t.alert : t.muted, fpos, flags, 0);
    ImGui::Dummy(ImVec2(width, h));
    ImGui::Dummy(ImVec2(1, t.em * 0.3f));
  }
  EndScrollArea(c);
}

}  // namespace ui
