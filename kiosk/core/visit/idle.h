// Idle policy: when to ask "Still there?" and when to wipe the visit.
#pragma once

#include "core/base/clock.h"
#include "core/visit/session.h"

namespace core {

struct IdleSettings {
  Seconds timeout{90};    // no touch for this long: show the countdown
  Seconds countdown{20};  // then this long to answer before the wipe
};

enum class IdleState { kActive, kAsking, kExpired };

// Attract and thank-you screens never time out this way (the thank-you screen returns by itself).
IdleState IdleStateOf(const Session& s, TimePoint now, const IdleSettings& idle);
// Whole seconds left on the countdown (rounded up), for the "Still there?" dialog.
int CountdownLeft(const Session& s, TimePoint now, const IdleSettings& idle);
// When something will next change without input (for the app loop's sleep), or TimePoint::max().
TimePoint NextIdleDeadline(const Session& s, const IdleSettings& idle);

}  // namespace core
