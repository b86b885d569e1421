// The pieces DrawQuestion (questions.cpp) puts together: one function per question type, each drawing at
// the ImGui cursor and advancing it, and the layout helpers they share. Internal to the screens.
#pragma once

#include <algorithm>
#include <string>

#include "core/content/content.h"
#include "ui/screens/screen.h"

namespace ui::question {

// The session's answer to `id`, or null.
const core::Answer* Find(const ScreenContext& c, const std::string& id);

// The cursor's y; Advance moves the cursor to (x, to_y), telling ImGui the space is used.
inline float Y() {
  return ImGui::GetCursorScreenPos().y;
}
inline void Advance(float x, float to_y) {
  ImGui::SetCursorScreenPos(ImVec2(x, Y()));
  ImGui::Dummy(ImVec2(1, std::max(0.0f, to_y - Y())));
  ImGui::SetCursorScreenPos(ImVec2(x, to_y));
}

// The question's label and help line.
void LabelBlock(ScreenContext& c, const core::Question& q, float x, float width);
// A field's white box and its border: brand while in use, alert when the question has a problem, else line.
void FieldFrame(ScreenContext& c, const core::Question& q, const ImRect& box, bool focused);
// Paragraphs (split at blank lines) half a line apart; returns where the last one's text ends.
float ParagraphsBottom(ScreenContext& c, const std::string& text, float x, float width);

// One per question type (question_choices.cpp, question_text_field.cpp, question_date_field.cpp,
// question_signature.cpp, question_consent.cpp).
void YesNo(ScreenContext& c, const core::Question& q, float x, float width);
void Choices(ScreenContext& c, const core::Question& q, float x, float width);
void TextField(ScreenContext& c, const core::Question& q, float x, float width);
void DateField(ScreenContext& c, const core::Question& q, float x, float width);
void SignaturePad(ScreenContext& c, const core::Question& q, float x, float width);
void Consent(ScreenContext& c, const core::Question& q, float x, float width);

}  // namespace ui::question
