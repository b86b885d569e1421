// Drawing one question of any type (and its visible follow-ups) at the ImGui cursor.
#pragma once

#include "core/content/content.h"
#include "ui/screens/screen.h"

namespace ui {

void DrawQuestion(ScreenContext& c, const core::Question& q, float width, int depth);

// Answer as the client reads it on the review screen ("Yes", "Acne scars, Stretch marks", "14 May 1990").
std::string AnswerText(const ScreenContext& c, const core::Question& q, const core::Answer& a);
std::string DateText(const ScreenContext& c, const core::Date& d);

// The signature strokes scaled into `box`.
void DrawSignatureStrokes(ImDrawList* dl, const core::Signature& s, const ImRect& box, ImU32 ink,
                          float thickness);

}  // namespace ui
