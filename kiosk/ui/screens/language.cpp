// Language screen: one big button per language the content declares, each in its own name.
#include "ui/screens/screen.h"

namespace ui {

void DrawLanguage(ScreenContext& c) {
  const Theme& t = c.theme();
  float top = DrawHeader(c, false);
  const std::string& title = c.T(c.in.content.app.language.title);
  float w = std::min(ContentWidth(c), t.em * 16), h = t.target() * 1.2f;
  float n = static_cast<float>(c.in.content.languages.size());
  // The title in the current language, then in the others, so everyone finds their own.
  const auto& titles = c.in.content.app.language.title.by_language;
  float others = t.em * 1.4f * static_cast<float>(titles.size() > 0 ? titles.size() - 1 : 0);
  float block = Measure(t.fonts.heading, title).y + others + t.em * 1.2f + n * (h + t.gap());
  float y = std::max(top + t.em, top + (FooterTop(c) - top - block) * 0.4f);
  float tw = std::min(Measure(t.fonts.heading, title).x, ContentWidth(c));
  y += DrawText(c.paint, t.fonts.heading, t.text, ImVec2((c.size.x - tw) * 0.5f, y), title, ContentWidth(c));
  for (const auto& [code, other] : titles) {
    if (code == c.lang()) continue;
    float ow = std::min(Measure(t.fonts.body, other).x, ContentWidth(c));
    y += t.em * 0.3f + DrawText(c.paint, t.fonts.body, t.muted,
                                ImVec2((c.size.x - ow) * 0.5f, y + t.em * 0.3f), other, ContentWidth(c));
  }
  y += t.em * 1.2f;
  for (const auto& lang : c.in.content.languages) {
    NavGroup group(c.paint, "languages");
    std::string id = "##lang_" + lang.code;
    bool current = lang.code == c.lang();
    if (Button(c.paint, id.c_str(), lang.name, ImVec2((c.size.x - w) * 0.5f, y), ImVec2(w, h),
               current ? ButtonStyle::kSelected : ButtonStyle::kSoft)) {
      c.Emit(core::intent::ChooseLanguage{lang.code});
    }
    y += h + t.gap();
  }
  DrawFooter(c, c.Ui("next"), core::intent::Next{});
}

}  // namespace ui
