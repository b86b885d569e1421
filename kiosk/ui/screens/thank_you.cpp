// The end of a visit: "Saving..." while the outbox commits, then "Thank you" until the kiosk resets.
#include "ui/screens/screen.h"

namespace ui {

namespace {

void CentredBlock(ScreenContext& c, const std::string& title, const std::string& body) {
  const Theme& t = c.theme();
  float wrap = std::min(c.size.x - 2 * t.margin(), t.em * 30);
  float th = Measure(t.fonts.display, title, wrap).y, bh = Measure(t.fonts.body, body, wrap).y;
  float y = (c.size.y - th - bh - t.em) * 0.45f;
  float x = (c.size.x - std::min(wrap, Measure(t.fonts.display, title, wrap).x)) * 0.5f;
  DrawText(c.paint, t.fonts.display, t.brand, ImVec2(x, y), title, wrap);
  x = (c.size.x - std::min(wrap, Measure(t.fonts.body, body, wrap).x)) * 0.5f;
  DrawText(c.paint, t.fonts.body, t.text, ImVec2(x, y + th + t.em), body, wrap);
}

}  // namespace

void DrawSubmitting(ScreenContext& c) {
  DrawHeader(c, false);
  CentredBlock(c, c.Ui("submitting"), "");
}

void DrawThankYou(ScreenContext& c) {
  DrawHeader(c, false);
  const auto& ty = c.in.content.app.thank_you;
  const Theme& t = c.theme();
  // a calm tick above the message
  ImDrawList* dl = ImGui::GetWindowDrawList();
  float r = t.em * 1.6f;
  ImVec2 centre(c.size.x * 0.5f, c.size.y * 0.3f);
  dl->AddCircleFilled(centre, r, t.brand_soft, 48);
  DrawTick(dl,
           ImRect(ImVec2(centre.x - r * 0.7f, centre.y - r * 0.7f),
                  ImVec2(centre.x + r * 0.7f, centre.y + r * 0.7f)),
           t.brand, t.em * 0.18f);
  CentredBlock(c, c.T(ty.title), c.T(ty.body));
}

}  // namespace ui
