// One question of any type, drawn for touch at the ImGui cursor: the type's own part (question_*.cpp), its
// problem message, the flag message, and its visible follow-ups indented. Info questions are drawn here.
#include "ui/screens/questions.h"

#include <algorithm>

#include "core/content/text.h"
#include "core/visit/flags.h"
#include "ui/screens/question_parts.h"

namespace ui {

using namespace question;

namespace {

void Paragraphs(ScreenContext& c, const std::string& text, float x, float width) {
  ParagraphsBottom(c, text, x, width);
}

void Message(ScreenContext& c, float x, float width, const std::string& text, ImU32 colour, bool band) {
  const Theme& t = c.theme();
  float y = Y();
  if (band) {
    float h = Measure(t.fonts.body, text, width - t.em * 1.6f).y + t.em * 0.9f;
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(x, y), ImVec2(x + width, y + h), t.brand_soft,
                                              t.radius * 0.6f);
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(x, y), ImVec2(x + t.em * 0.2f, y + h), t.brand,
                                              t.radius * 0.2f);
    DrawText(c.paint, t.fonts.body, colour, ImVec2(x + t.em * 0.8f, y + t.em * 0.45f), text,
             width - t.em * 1.6f);
    Advance(x, y + h + t.em * 0.4f);
  } else {
    y += DrawText(c.paint, t.fonts.bold, colour, ImVec2(x, y), text, width);
    Advance(x, y + t.em * 0.4f);
  }
}

}  // namespace

void DrawQuestion(ScreenContext& c, const core::Question& q, float width, int depth) {
  if (!c.in.visibility.Shows(q.id)) return;
  const Theme& t = c.theme();
  float indent = depth > 0 ? t.em * 1.4f : 0;
  float x = ImGui::GetCursorScreenPos().x + indent;
  float w = width - indent;
  float top = Y();
  c.paint.scope = c.T(q.label);
  c.paint.question = q.id;
  ImGui::PushID(q.id.c_str());
  using QT = core::QuestionType;
  switch (q.type) {
    case QT::kInfo:
      if (!q.label.empty()) {
        float y = Y();
        Advance(x, y + DrawText(c.paint, t.fonts.bold, t.brand, ImVec2(x, y), c.T(q.label), w) + t.em * 0.3f);
      }
      Paragraphs(c, c.T(q.body), x, std::min(w, t.em * 42));
      break;
    case QT::kConsent:
      Consent(c, q, x, w);
      break;
    case QT::kYesNo:
      YesNo(c, q, x, w);
      break;
    case QT::kSingleChoice:
    case QT::kMultiChoice:
      Choices(c, q, x, w);
      break;
    case QT::kText:
    case QT::kEmail:
    case QT::kPhone:
    case QT::kNumber:
      TextField(c, q, x, w);
      break;
    case QT::kDate:
      DateField(c, q, x, w);
      break;
    case QT::kSignature:
      SignaturePad(c, q, x, w);
      break;
  }
  if (auto e = c.in.session.errors.find(q.id); e != c.in.session.errors.end()) {
    std::string msg = core::Format(c.Ui(e->second.key), {{"n", std::to_string(e->second.n)}});
    Message(c, x, std::min(w, t.em * 40), msg, t.alert, false);
  }
  if (q.id == c.state.reveal_question) {  // Next or Send found this first: the question down to its message
    c.state.reveal = UiState::Span{top - c.paint.scroll_origin, Y() - c.paint.scroll_origin};
    c.state.reveal_question.clear();
  }
  if (core::RaisesFlag(c.in.flags, q.id))
    Message(c, x, std::min(w, t.em * 40), c.T(core::FlagMessage(c.in.content, c.in.flags, q.id)), t.text,
            true);
  for (const auto& f : q.follow_ups) {
    ImGui::SetCursorScreenPos(ImVec2(x - indent, Y()));
    DrawQuestion(c, f, width, depth + 1);
  }
  if (depth > 0) {
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(x - indent, top),
                                              ImVec2(x - indent + t.em * 0.18f, Y() - t.em * 0.6f),
                                              t.brand_soft, t.em * 0.1f);
  }
  ImGui::PopID();
  ImGui::SetCursorScreenPos(ImVec2(x - indent, Y()));
  ImGui::Dummy(ImVec2(1, q.type == QT::kInfo ? t.em * 0.5f : t.em * 1.1f));
}

}  // namespace ui
