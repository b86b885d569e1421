// "Still there?": a calm dialog over the page with a large countdown, Continue and Start over.
#include "core/visit/idle.h"
#include "ui/screens/screen.h"

namespace ui {

void DrawStillThere(ScreenContext& c) {
  const Theme& t = c.theme();
  ImDrawList* wl = ImGui::GetWindowDrawList();
  const auto& idle = c.in.content.app.idle;
  float w = std::min(c.size.x - 2 * t.margin(), t.em * 24), pad = t.em * 1.5f;
  float inner = w - 2 * pad;
  int left = core::CountdownLeft(c.in.session, c.in.now, c.in.idle);
  std::string seconds = std::to_string(left);
  float title_h = Measure(t.fonts.heading, c.T(idle.title), inner).y;
  float body_h = Measure(t.fonts.body, c.T(idle.body), inner).y;
  float count_h = Measure(t.fonts.display, seconds).y;
  float h = pad + title_h + t.em * 0.6f + body_h + t.em * 0.8f + count_h + t.em * 1.2f + t.target() + pad;
  ImVec2 p0((c.size.x - w) * 0.5f, (c.size.y - h) * 0.5f);
  wl->AddRectFilled(p0, ImVec2(p0.x + w, p0.y + h), t.white, t.radius);
  float y = p0.y + pad;
  y +=
      DrawText(c.paint, t.fonts.heading, t.text, ImVec2(p0.x + pad, y), c.T(idle.title), inner) + t.em * 0.6f;
  y += DrawText(c.paint, t.fonts.body, t.muted, ImVec2(p0.x + pad, y), c.T(idle.body), inner) + t.em * 0.8f;
  float cw = Measure(t.fonts.display, seconds).x;
  DrawText(c.paint, t.fonts.display, t.brand, ImVec2(p0.x + (w - cw) * 0.5f, y), seconds, 0);
  y += count_h + t.em * 1.2f;
  float bw = (inner - t.gap()) * 0.5f;
  NavGroup group(c.paint, "idle");
  if (Button(c.paint, "##start_over", c.T(idle.start_over), ImVec2(p0.x + pad, y), ImVec2(bw, t.target()),
             ButtonStyle::kOutline)) {
    c.Emit(core::intent::StartOver{});
  }
  c.paint.registry.TagLast("start_over");
  if (Button(c.paint, "##continue", c.T(idle.continue_), ImVec2(p0.x + pad + bw + t.gap(), y),
             ImVec2(bw, t.target()), ButtonStyle::kPrimary)) {
    c.Emit(core::intent::Activity{});
  }
  c.paint.registry.TagLast("continue");
}

}  // namespace ui
