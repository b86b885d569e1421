// Language screen: one big button per language the content declares, each in its own name.
#include "ui/screens/screen.h"

namespace ui {

void DrawLanguage(ScreenContext& c) {
  const Theme& t = c.theme();
  float y = DrawHeader(c, false) + t.em * 2;
  const std::string& title = c.T(c.in.content.app.language.title);
  float wrap = ContentWidth(c);
  y += DrawText(c.paint, t.fonts.heading, t.text, ImVec2(t.margin(), y), title, wrap) + t.em * 1.2f;
  float w = std::min(ContentWidth(c), t.em * 16);
  for (const auto& lang : c.in.content.languages) {
    std::string id = "##lang_" + lang.code;
    bool current = lang.code == c.lang();
    if (Button(c.paint, id.c_str(), lang.name, ImVec2(t.margin(), y), ImVec2(w, t.target() * 1.2f),
               current ? ButtonStyle::kSelected : ButtonStyle::kSoft)) {
      c.Emit(core::intent::ChooseLanguage{lang.code});
    }
    y += t.target() * 1.2f + t.gap();
  }
  const std::string& back = c.Ui("back");
  switch (DrawFooter(c, &back, c.Ui("next"))) {
    case FooterTap::kBack:
      c.Emit(core::intent::Back{});
      break;
    case FooterTap::kPrimary:
      c.Emit(core::intent::Next{});
      break;
    case FooterTap::kNone:
      break;
  }
}

}  // namespace ui
