// Attract screen: the clinic's logo and name, a rotating highlight, and "Tap to start" anywhere.
#include "ui/screens/screen.h"

namespace ui {

namespace {

float Centred(ScreenContext& c, ImFont* font, ImU32 colour, float y, const std::string& text, float wrap) {
  return DrawCentredLines(c.paint, font, colour, c.size.x * 0.5f, y, text, wrap);
}

}  // namespace

void DrawAttract(ScreenContext& c) {
  const Theme& t = c.theme();
  const auto& a = c.in.content.app.attract;
  // The whole screen is the start button.
  ImGui::SetCursorScreenPos(ImVec2(0, 0));
  bool tapped = ImGui::InvisibleButton("##start", c.size);
  if ((tapped || Activated(c.paint)) && c.paint.enabled) c.Emit(core::intent::Start{});
  // with speech on (headphones plugged in) or keys in use, the call to action is the keypad's
  const std::string& cta = c.state.read_aloud || c.state.nav.used ? c.Ui("start_keys") : c.T(a.tap_to_start);
  RegisterRect(c.paint, cta, ImRect(ImVec2(0, 0), c.size), false);
  c.paint.registry.TagLast("start");

  ImDrawList* dl = ImGui::GetWindowDrawList();
  float wrap = std::min(c.size.x - 2 * t.margin(), t.em * 34);
  // Three blocks (brand and welcome, the highlight band, the call to action) centred as a group, with
  // gaps that grow on tall portrait screens instead of leaving one big hole.
  const std::string& name = c.in.content.app.clinic_name;
  float logo_h = t.logo.texture && t.logo.size.y > 0 ? t.em * 5.5f : 0;
  float brand_h = (logo_h > 0 ? logo_h + t.em * 0.8f : 0) + Measure(t.fonts.display, name, wrap).y +
                  t.em * 0.5f + Measure(t.fonts.heading, c.T(a.title), wrap).y + t.em * 0.4f +
                  (a.subtitle.empty() ? 0 : Measure(t.fonts.body, c.T(a.subtitle), wrap).y);
  float band_w = std::min(c.size.x - 2 * t.margin(), t.em * 36), inner = band_w - t.em * 2;
  float text_h = 0;  // the tallest highlight, so the band does not jump as they rotate
  for (const auto& h : a.highlights) text_h = std::max(text_h, Measure(t.fonts.bold, c.T(h), inner).y);
  float band_h = a.highlights.empty() ? 0 : std::max(t.em * 4.2f, text_h + t.em * 2);
  float dots_h = a.highlights.empty() ? 0 : t.em * 1.2f;
  ImVec2 cs = Measure(t.fonts.heading, cta);
  ImVec2 cta_size(cs.x + t.em * 3, cs.y + t.em * 1.4f);
  float content_h = brand_h + band_h + dots_h + cta_size.y;
  float gap = std::clamp((c.size.y - content_h) / 5, t.em * 1.5f, t.em * 5);
  float y = std::max(t.em, (c.size.y - content_h - 2 * gap) * 0.5f);
  if (logo_h > 0) {
    float w = logo_h * t.logo.size.x / t.logo.size.y;
    ImVec2 p0((c.size.x - w) * 0.5f, y);
    dl->AddImage(t.logo.texture, p0, ImVec2(p0.x + w, p0.y + logo_h));
    y += logo_h + t.em * 0.8f;
  }
  y += Centred(c, t.fonts.display, t.brand, y, name, wrap) + t.em * 0.5f;
  y += Centred(c, t.fonts.heading, t.text, y, c.T(a.title), wrap) + t.em * 0.4f;
  if (!a.subtitle.empty()) y += Centred(c, t.fonts.body, t.muted, y, c.T(a.subtitle), wrap);
  y += gap;

  // rotating highlight in a soft band
  if (!a.highlights.empty()) {
    auto elapsed = std::chrono::duration_cast<core::Seconds>(c.in.now - c.in.session.screen_since).count();
    size_t i =
        static_cast<size_t>(std::max<long long>(0, elapsed) / std::max(1, a.rotate_s)) % a.highlights.size();
    const std::string& h = c.T(a.highlights[i]);
    float band_y = y;
    ImVec2 b0((c.size.x - band_w) * 0.5f, band_y);
    dl->AddRectFilled(b0, ImVec2(b0.x + band_w, band_y + band_h), t.brand_soft, t.radius);
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

  y += band_h + dots_h + gap;
  // the call to action, drawn as a button (the whole screen takes the tap)
  ImVec2 size = cta_size;
  ImVec2 pos((c.size.x - size.x) * 0.5f, y);
  dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), t.brand, size.y * 0.5f);
  DrawText(c.paint, t.fonts.heading, t.white, ImVec2(pos.x + t.em * 1.5f, pos.y + t.em * 0.7f), cta, 0);
}

}  // namespace ui
