// Layout helpers every question type shares: finding its answer, its label and help, paragraphs of text,
// the frame of a field.
#include "ui/screens/question_parts.h"

namespace ui::question {

const core::Answer* Find(const ScreenContext& c, const std::string& id) {
  auto it = c.in.session.answers.find(id);
  return it == c.in.session.answers.end() ? nullptr : &it->second;
}

void LabelBlock(ScreenContext& c, const core::Question& q, float x, float width) {
  const Theme& t = c.theme();
  float y = Y();
  if (!q.label.empty()) y += DrawText(c.paint, t.fonts.bold, t.text, ImVec2(x, y), c.T(q.label), width);
  if (!q.help.empty())
    y += t.em * 0.15f +
         DrawText(c.paint, t.fonts.body, t.muted, ImVec2(x, y + t.em * 0.15f), c.T(q.help), width);
  Advance(x, y + t.em * 0.5f);
}

float ParagraphsBottom(ScreenContext& c, const std::string& text, float x, float width) {
  const Theme& t = c.theme();
  float y = Y(), bottom = y;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find("\n\n", start);
    std::string para = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (!para.empty()) {
      bottom = y + DrawText(c.paint, t.fonts.body, t.text, ImVec2(x, y), para, width);
      y = bottom + t.em * 0.5f;
    }
    if (end == std::string::npos) break;
    start = end + 2;
  }
  Advance(x, y);
  return bottom;
}

void FieldFrame(ScreenContext& c, const core::Question& q, const ImRect& box, bool focused) {
  const Theme& t = c.theme();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  bool has_error = c.in.session.errors.count(q.id) > 0;
  dl->AddRectFilled(box.Min, box.Max, t.white, t.radius * 0.6f);
  dl->AddRect(box.Min, box.Max,
              focused     ? t.brand
              : has_error ? t.alert
                          : t.line,
              t.radius * 0.6f, 0, std::max(2.0f, t.em * (focused ? 0.1f : 0.06f)));
}

}  // namespace ui::question
