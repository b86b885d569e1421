// A questionnaire step: heading, intro, its visible questions in a scrolling page, Back and Next. While the
// keyboard is open the heading and intro fold away (the progress line still names the step), so the field
// being typed always has room above the keys. After a Next or Send that found problems, the page brings the
// first one into view with its message, and a line above Back and Next says how many there are. A step of
// several pages shows one page at a time (its own heading and intro when it has them) with a row of dots.
#include "core/visit/validation.h"
#include "ui/screens/keyboard.h"
#include "ui/screens/questions.h"
#include "ui/screens/screen.h"

namespace ui {

namespace {

std::string ProblemCount(const ScreenContext& c) {
  size_t n = c.in.session.errors.size();
  if (n == 1) return c.Ui("problems_one");
  return core::Format(c.Ui("problems_many"), {{"n", std::to_string(n)}});
}

float ProblemBandHeight(const ScreenContext& c) {
  const Theme& t = c.theme();
  return Measure(t.fonts.bold, ProblemCount(c), ContentWidth(c) - t.em * 1.8f).y + t.em * 1.1f;
}

// "2 answers need your attention" with an alert mark, between the page and the footer.
void DrawProblemBand(ScreenContext& c, float top, float height) {
  const Theme& t = c.theme();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(ImVec2(0, top), ImVec2(c.size.x, top + height), t.background);
  dl->AddRectFilled(ImVec2(0, top), ImVec2(c.size.x, top + 1), t.line);  // the page ends here
  float r = t.em * 0.55f, cy = top + t.em * 0.55f + t.em * 0.5f;
  ImVec2 centre(t.margin() + r, cy);
  dl->AddCircleFilled(centre, r, t.alert, 24);
  ImVec2 bang = Measure(t.fonts.bold, "!");
  dl->AddText(t.fonts.bold, t.fonts.bold->FontSize, ImVec2(centre.x - bang.x * 0.5f, cy - bang.y * 0.5f),
              t.white, "!");
  c.paint.scope.clear();
  c.paint.question.clear();
  DrawText(c.paint, t.fonts.bold, t.alert, ImVec2(t.margin() + t.em * 1.6f, top + t.em * 0.55f),
           ProblemCount(c), ContentWidth(c) - t.em * 1.8f);
}

// One dot per page of a multi-page step, the current one filled, then "Page 2 of 3" (ui.page_of); returns
// the height taken.
float DrawPageDots(ScreenContext& c, const core::Step& step, float y) {
  const Theme& t = c.theme();
  if (step.PageCount() < 2) return 0;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  float r = t.em * 0.22f, gap = t.em * 0.75f;
  for (size_t i = 0; i < step.PageCount(); ++i) {
    ImVec2 centre(t.margin() + r + gap * static_cast<float>(i), y + t.em * 0.45f);
    if (i == c.in.session.page) {
      dl->AddCircleFilled(centre, r, t.brand, 16);
    } else {
      dl->AddCircle(centre, r, t.line, 16, std::max(1.5f, t.em * 0.05f));
    }
  }
  float x = t.margin() + gap * static_cast<float>(step.PageCount() - 1) + 2 * r + t.em * 0.6f;
  std::string where = core::Format(c.Ui("page_of"), {{"n", std::to_string(c.in.session.page + 1)},
                                                     {"m", std::to_string(step.PageCount())}});
  float h = DrawText(c.paint, t.fonts.body, t.muted, ImVec2(x, y - t.em * 0.1f), where,
                     ContentWidth(c) - (x - t.margin()));
  return std::max(t.em * 0.9f, h);
}

}  // namespace

void DrawStep(ScreenContext& c) {
  const Theme& t = c.theme();
  const core::Step& step = c.in.content.steps.at(c.in.session.step);
  if (c.in.session.problems_shown != c.state.problems_seen) {
    // Next or Send found problems: the keyboard makes way, and this frame finds where the first one is
    c.state.problems_seen = c.in.session.problems_shown;
    auto problems = core::ProblemsInPageOrder(c.in.content, c.in.session.step, c.in.session.errors);
    c.state.reveal_question = problems.empty() ? std::string() : problems.front();
    c.state.focused.clear();
  }
  float y = DrawHeader(c, true);
  float keyboard = KeyboardHeight(c);
  size_t page = std::min(c.in.session.page, step.PageCount() - 1);
  const core::Page* own = page < step.pages.size() ? &step.pages[page] : nullptr;
  const core::Text& heading = own && !own->heading.empty() ? own->heading : step.heading;
  // the first page without an intro of its own shows the step's; later pages only their own
  const core::Text& intro = own && (!own->intro.empty() || page > 0) ? own->intro : step.intro;
  if (keyboard == 0) {
    float wrap = std::min(ContentWidth(c), t.em * 40);
    y += DrawText(c.paint, t.fonts.heading, t.text, ImVec2(t.margin(), y), c.T(heading), ContentWidth(c));
    if (!intro.empty()) {
      y += t.em * 0.3f;
      y += DrawText(c.paint, t.fonts.body, t.muted, ImVec2(t.margin(), y), c.T(intro), wrap);
    }
    y += t.em * 0.3f + DrawPageDots(c, step, y + t.em * 0.2f);
    y += t.em * 0.5f;
  }
  float band = !c.in.session.errors.empty() && keyboard == 0 ? ProblemBandHeight(c) : 0;
  BeginScrollArea(c, "##page", y, FooterTop(c) - keyboard - band);
  float width = ContentWidth(c);
  for (size_t i = step.PageBegin(page); i < step.PageEnd(page); ++i)
    DrawQuestion(c, step.questions[i], width, 0);
  EndScrollArea(c);
  c.state.reveal_question.clear();  // not on this page (hidden): nothing to bring into view
  if (band > 0) DrawProblemBand(c, FooterTop(c) - band, band);
  DrawKeyboard(c, FooterTop(c));
  const std::string& next =
      c.in.session.editing_from_review ? c.T(c.in.content.app.review.title) : c.Ui("next");
  DrawFooter(c, next, core::intent::Next{});
}

}  // namespace ui
