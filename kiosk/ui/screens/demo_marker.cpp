// The small "Demo" badge shown while the kiosk runs the event / demo flow: beside the clinic's name in the
// header, or at the top centre of the attract screen, which has no header.
#include "ui/screens/screen.h"

namespace ui {

namespace {
ImVec2 MarkerSize(const ScreenContext& c) {
  const Theme& t = c.theme();
  ImVec2 ts = Measure(t.fonts.bold, c.Ui("demo_marker"));
  return ImVec2(ts.x + t.em * 1.2f, ts.y + t.em * 0.4f);
}

void DrawMarker(ScreenContext& c, ImVec2 pos) {
  const Theme& t = c.theme();
  const std::string& label = c.Ui("demo_marker");
  ImVec2 size = MarkerSize(c);
  ImRect pill(pos, ImVec2(pos.x + size.x, pos.y + size.y));
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(pill.Min, pill.Max, t.brand, size.y * 0.5f);
  dl->AddText(t.fonts.bold, t.fonts.bold->FontSize, ImVec2(pos.x + t.em * 0.6f, pos.y + t.em * 0.2f), t.white,
              label.c_str(), label.c_str() + label.size());
  // the whole badge is what must stay clear of the header's buttons
  c.paint.registry.AddText(PlacedText{label, c.paint.scope, pill, c.paint.clip, c.paint.layer});
}
}  // namespace

float DemoMarkerWidth(const ScreenContext& c) {
  return MarkerSize(c).x;
}

void DrawDemoMarkerCentred(ScreenContext& c) {
  DrawMarker(c, ImVec2((c.size.x - DemoMarkerWidth(c)) * 0.5f, c.theme().em * 0.35f));
}

void DrawDemoMarkerBeside(ScreenContext& c, float left, float centre_y) {
  DrawMarker(c, ImVec2(left, centre_y - MarkerSize(c).y * 0.5f));
}

}  // namespace ui
