// The keypad's focus ring: keys move it through the tap targets of the frame (core/touch/focus.h), Select
// taps the focused target, Back goes back (or closes the dialog or keyboard that is open); the ring is drawn
// around the focused target. It shows from the first key and hides at the first touch.
#pragma once

#include <vector>

#include "core/visit/intents.h"
#include "ui/kiosk_ui.h"

namespace ui {

// Before a frame is drawn: the keys pressed since the last frame, applied to the targets of the last frame.
void ApplyNavKeys(UiState& s, TargetRegistry& reg, const FrameInput& in, const Theme& theme,
                  std::vector<core::Intent>& intents);
// After it is drawn: the focus on a target of the top layer that exists (a new page's first), and the ring.
void DrawFocusRing(UiState& s, TargetRegistry& reg, const FrameInput& in, const Theme& theme);

}  // namespace ui
