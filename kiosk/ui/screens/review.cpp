// Review: every answer by section, each section with Edit; Submit at the bottom right.
#include "core/visit/review.h"
#include "ui/screens/questions.h"
#include "ui/screens/screen.h"

namespace ui {

namespace {

void Section(ScreenContext& c, const core::Step& step, float width) {
  const Theme& t = c.theme();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  float x = ImGui::GetCursorScreenPos().x, top = ImGui::GetCursorScreenPos().y;
  float pad = t.em * 0.9f;
  dl->ChannelsSplit(2);
  dl->ChannelsSetCurrent(1);
  c.paint.scope = c.T(step.title);
  c.paint.question.clear();
  float y = top + pad;
  DrawText(c.paint, t.fonts.bold, t.brand, ImVec2(x + pad, y + (t.target() - t.em) * 0.5f), c.T(step.title),
           0);
  const std::string& edit = c.T(c.in.content.app.review.edit);
  float ew = ButtonWidth(c.paint, edit);
  std::string id = "##edit_" + step.id;
  if (Button(c.paint, id.c_str(), edit, ImVec2(x + width - pad - ew, y), ImVec2(ew, t.target()),
             ButtonStyle::kOutline)) {
    c.Emit(core::intent::EditStep{step.id});
  }
  c.paint.registry.TagLast("edit");
  y += t.target() + t.em * 0.4f;
  bool wide = width > t.em * 36;
  float label_w = wide ? width * 0.45f : width - 2 * pad;
  float value_x = wide ? x + pad + label_w + t.em : x + pad;
  float value_w = wide ? width - 2 * pad - label_w - t.em : width - 2 * pad;
  core::ForEachQuestion(step.questions, [&](const core::Question& q) {
    if (!c.in.visibility.Shows(q.id) || !q.Answerable()) return;
    auto it = c.in.session.answers.find(q.id);
    bool answered = it != c.in.session.answers.end() && core::IsAnswered(it->second);
    float lh = DrawText(c.paint, t.fonts.body, t.muted, ImVec2(x + pad, y), c.T(q.label), label_w);
    float vy = wide ? y : y + lh + t.em * 0.1f;
    float vh;
    if (answered && q.type == core::QuestionType::kSignature &&
        std::get<core::Signature>(it->second).keyed) {  // confirmed by keys, not drawn
      vh = DrawText(c.paint, t.fonts.bold, t.text, ImVec2(value_x, vy), c.Ui("confirmed_by_key"), value_w);
    } else if (answered && q.type == core::QuestionType::kSignature) {
      const auto& sig = std::get<core::Signature>(it->second);
      float h = t.em * 3, w = sig.height > 0 ? h * sig.width / sig.height : h * 3;
      ImRect box(ImVec2(value_x, vy), ImVec2(value_x + w, vy + h));
      dl->AddRectFilled(box.Min, box.Max, t.white, t.radius * 0.3f);
      DrawSignatureStrokes(dl, sig, box, t.text, std::max(1.5f, t.em * 0.06f));
      vh = h;
    } else if (q.type == core::QuestionType::kConsent) {
      // "Yes" / "No" as the intake records it: an optional consent nobody ticked is a "No"
      bool given = core::ConsentAccepted(c.in.session.answers, q);
      vh = DrawText(c.paint, t.fonts.bold, t.text, ImVec2(value_x, vy), given ? c.Ui("yes") : c.Ui("no"),
                    value_w);
    } else {
      std::string value = answered ? AnswerText(c, q, it->second) : c.T(c.in.content.app.review.not_answered);
      vh = DrawText(c.paint, answered ? t.fonts.bold : t.fonts.body, answered ? t.text : t.muted,
                    ImVec2(value_x, vy), value, value_w);
    }
    y = wide ? y + std::max(lh, vh) + t.em * 0.45f : vy + vh + t.em * 0.6f;
  });
  float bottom = y + pad * 0.6f;
  dl->ChannelsSetCurrent(0);
  dl->AddRectFilled(ImVec2(x, top), ImVec2(x + width, bottom), t.white, t.radius);
  dl->AddRect(ImVec2(x, top), ImVec2(x + width, bottom), t.line, t.radius, 0, std::max(2.0f, t.em * 0.06f));
  dl->ChannelsMerge();
  ImGui::SetCursorScreenPos(ImVec2(x, top));
  ImGui::Dummy(ImVec2(width, bottom - top + t.gap()));
}

}  // namespace

void DrawReview(ScreenContext& c) {
  const Theme& t = c.theme();
  const auto& review = c.in.content.app.review;
  float y = DrawHeader(c, true);
  y += DrawText(c.paint, t.fonts.heading, t.text, ImVec2(t.margin(), y), c.T(review.title), ContentWidth(c));
  if (!review.intro.empty()) {
    y += t.em * 0.3f + DrawText(c.paint, t.fonts.body, t.muted, ImVec2(t.margin(), y + t.em * 0.3f),
                                c.T(review.intro), std::min(ContentWidth(c), t.em * 40));
  }
  if (!c.in.session.submit_error.empty()) {
    y += t.em * 0.4f;
    y += DrawText(c.paint, t.fonts.bold, t.alert, ImVec2(t.margin(), y), c.Ui(c.in.session.submit_error),
                  ContentWidth(c));
  }
  y += t.em * 0.8f;
  BeginScrollArea(c, "##review", y, FooterTop(c));
  for (size_t s : core::StepsToReview(c.in.content, c.in.visibility))  // no card without answers
    Section(c, c.in.content.steps[s], ContentWidth(c));
  EndScrollArea(c);
  c.paint.scope.clear();
  c.paint.question.clear();
  DrawFooter(c, c.T(review.submit), core::intent::Submit{});
}

}  // namespace ui
