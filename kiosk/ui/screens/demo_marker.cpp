// The small "Demo" marker at the top centre of every screen while the kiosk runs the event / demo flow.
#include "ui/screens/screen.h"

namespace ui {

void DrawDemoMarker(ScreenContext& c) {
  const Theme& t = c.theme();
  const std::string& label = c.Ui("demo_marker");
  ImVec2 ts = Measure(t.fonts.bold, label);
  ImVec2 size(ts.x + t.em * 1.2f, ts.y + t.em * 0.4f);
  ImVec2 pos((c.size.x - size.x) * 0.5f, t.em * 0.35f);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), t.brand, size.y * 0.5f);
  DrawText(c.paint, t.fonts.bold, t.white, ImVec2(pos.x + t.em * 0.6f, pos.y + t.em * 0.2f), label, 0);
}

}  // namespace ui
