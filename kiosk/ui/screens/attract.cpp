// Attract screen: the clinic's logo and name, a rotating highlight, and "Tap to start" anywhere.
#include "ui/screens/screen.h"

namespace ui {

namespace {

float Centred(ScreenContext& c, ImFont* font, ImU32 colour, float y, const std::string& text, float wrap) {
  ImVec2 s = Measure(font, text, wrap);
  float x = (c.size.x - std::min(s.x, wrap)) * 0.5f;
  // wrapped lines are left-aligned inside a centred block; short lines are centred exactly
  return DrawText(c.paint, font, colour, ImVec2(x, y), text, wrap);
}

}  // namespace

void DrawAttract(ScreenContext& c) {
  const Theme& t = c.theme();
  const auto& a = c.in.content.app.attract;
  // The whole screen is the start button.
  ImGui::SetCursorScreenPos(ImVec2(0, 0));
  if (ImGui::InvisibleButton("##start", c.size) && c.paint.enabled) c.Emit(core::intent::Start{});
  RegisterRect(c.paint, c.T(a.tap_to_start), ImRect(ImVec2(0, 0), c.size), false);

  ImDrawList* dl = ImGui::GetWindowDrawList();
  float wrap = std::min(c.size.x - 2 * t.margin(), t.em * 34);
  float y = c.size.y * (t.logo.texture ? 0.12f : 0.22f);
  if (t.logo.texture && t.logo.size.y > 0) {
    float h = t.em * 5.5f, w = h * t.logo.size.x / t.logo.size.y;
    ImVec2 p0((c.size.x - w) * 0.5f, y);
    dl->AddImage(t.logo.texture, p0, ImVec2(p0.x + w, p0.y + h));
    y += h + t.em * 0.8f;
  }
  y += Centred(c, t.fonts.display, t.brand, y, c.in.content.app.clinic_name, wrap) + t.em * 0.5f;
  y += Centred(c, t.fonts.heading, t.text, y, c.T(a.title), wrap) + t.em * 0.4f;
  if (!a.subtitle.empty()) y += Centred(c, t.fonts.body, t.muted, y, c.T(a.subtitle), wrap);

  // rotating highlight in a soft band
  if (!a.highlights.empty()) {
    auto elapsed = std::chrono::duration_cast<core::Seconds>(c.in.now - c.in.session.screen_since).count();
    size_t i =
        static_cast<size_t>(std::max<long long>(0, elapsed) / std::max(1, a.rotate_s)) % a.highlights.size();
    const std::string& h = c.T(a.highlights[i]);
    float band_y = c.size.y * 0.55f, band_h = t.em * 4.2f;
    float band_w = std::min(c.size.x - 2 * t.margin(), t.em * 36);
    ImVec2 b0((c.size.x - band_w) * 0.5f, band_y);
    dl->AddRectFilled(b0, ImVec2(b0.x + band_w, band_y + band_h), t.brand_soft, t.radius);
    float inner = band_w - t.em * 2;
    ImVec2 hs = Measure(t.fonts.bold, h, inner);
    DrawText(c.paint, t.fonts.bold, t.text,
             ImVec2((c.size.x - std::min(hs.x, inner)) * 0.5f, band_y + (band_h - hs.y) * 0.5f), h, inner);
    // dots showing which highlight this is
    float dot = t.em * 0.18f, gap = t.em * 0.6f;
    float dots_w = gap * static_cast<float>(a.highlights.size() - 1);
    for (size_t k = 0; k < a.highlights.size(); ++k) {
      ImVec2 centre(c.size.x * 0.5f - dots_w * 0.5f + gap * static_cast<float>(k),
                    band_y + band_h + t.em * 0.7f);
      dl->AddCircleFilled(centre, dot, k == i ? t.brand : t.line, 16);
    }
  }

  // the call to action, drawn as a button (the whole screen takes the tap)
  const std::string& cta = c.T(a.tap_to_start);
  ImVec2 cs = Measure(t.fonts.heading, cta);
  ImVec2 size(cs.x + t.em * 3, cs.y + t.em * 1.4f);
  ImVec2 pos((c.size.x - size.x) * 0.5f, c.size.y * 0.78f);
  dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), t.brand, size.y * 0.5f);
  DrawText(c.paint, t.fonts.heading, t.white, ImVec2(pos.x + t.em * 1.5f, pos.y + t.em * 0.7f), cta, 0);
}

}  // namespace ui
