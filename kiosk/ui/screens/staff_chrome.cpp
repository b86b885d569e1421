// The staff pages' shared parts: the top bar and a note box.
#include "ui/screens/staff.h"

namespace ui {

float DrawStaffBar(StaffContext& s, const std::string& title, const std::string& button,
                   core::StaffIntent action) {
  const Theme& t = s.theme();
  ScreenContext& c = s.c;
  float h = t.target() + t.em * 1.2f;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(ImVec2(0, 0), ImVec2(c.size.x, h), t.brand_soft);
  dl->AddRectFilled(ImVec2(0, h), ImVec2(c.size.x, h + 1), t.line);
  std::string heading = title + "  ·  " + c.in.content.app.clinic_name;
  float bw = ButtonWidth(c.paint, button);
  float tw = c.size.x - 3 * t.margin() - bw;
  ImVec2 ts = Measure(t.fonts.bold, heading);
  if (ts.x > tw) heading = title;  // narrow screens: the page title alone
  DrawText(c.paint, t.fonts.bold, t.brand, ImVec2(t.margin(), (h - ts.y) * 0.5f), heading, 0);
  c.paint.scope.clear();
  if (Button(c.paint, "##staff_bar", button, ImVec2(c.size.x - t.margin() - bw, t.em * 0.6f),
             ImVec2(bw, t.target()), ButtonStyle::kOutline)) {
    s.Emit(std::move(action));
  }
  return h;
}

void StaffNote(StaffContext& s, const std::string& text, ImU32 colour, ImU32 fill, float width) {
  const Theme& t = s.theme();
  ImVec2 pos = ImGui::GetCursorScreenPos();
  float pad = t.em * 0.8f;
  float th = Measure(t.fonts.body, text, width - 2 * pad).y;
  ImVec2 size(width, th + 2 * pad);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), fill, t.radius * 0.6f);
  dl->AddRectFilled(pos, ImVec2(pos.x + t.em * 0.25f, pos.y + size.y), colour, t.radius * 0.6f,
                    ImDrawFlags_RoundCornersLeft);
  DrawText(s.c.paint, t.fonts.body, t.text, ImVec2(pos.x + pad + t.em * 0.2f, pos.y + pad), text,
           width - 2 * pad);
  ImGui::Dummy(size);
}

}  // namespace ui
