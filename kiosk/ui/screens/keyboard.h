// The on-screen keyboard for the focused text field.
#pragma once

#include "ui/screens/screen.h"

namespace ui {

// Height the keyboard needs now (0 when no field on this page is focused).
float KeyboardHeight(const ScreenContext& c);
// Draws it with its bottom edge at `bottom`; taps become answers to the focused question.
void DrawKeyboard(ScreenContext& c, float bottom);

}  // namespace ui
