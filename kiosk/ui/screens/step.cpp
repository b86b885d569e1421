// A questionnaire step: heading, intro, its visible questions in a scrolling page, Back and Next.
#include "ui/screens/keyboard.h"
#include "ui/screens/questions.h"
#include "ui/screens/screen.h"

namespace ui {

void DrawStep(ScreenContext& c) {
  const Theme& t = c.theme();
  const core::Step& step = c.in.content.steps.at(c.in.session.step);
  float y = DrawHeader(c, true);
  float wrap = std::min(ContentWidth(c), t.em * 40);
  y += DrawText(c.paint, t.fonts.heading, t.text, ImVec2(t.margin(), y), c.T(step.heading), ContentWidth(c));
  if (!step.intro.empty()) {
    y += t.em * 0.3f;
    y += DrawText(c.paint, t.fonts.body, t.muted, ImVec2(t.margin(), y), c.T(step.intro), wrap);
  }
  y += t.em * 0.8f;
  float keyboard = KeyboardHeight(c);
  BeginScrollArea(c, "##page", y, FooterTop(c) - keyboard);
  float width = ContentWidth(c);
  for (const auto& q : step.questions) DrawQuestion(c, q, width, 0);
  EndScrollArea(c);
  DrawKeyboard(c, FooterTop(c));
  const std::string& next =
      c.in.session.editing_from_review ? c.T(c.in.content.app.review.title) : c.Ui("next");
  DrawFooter(c, next, core::intent::Next{});
}

}  // namespace ui
