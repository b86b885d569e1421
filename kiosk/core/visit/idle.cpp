// Idle policy.
#include "core/visit/idle.h"

namespace core {

namespace {
bool TimesOut(const Session& s) {
  return s.screen != Screen::kAttract && s.screen != Screen::kThankYou && s.screen != Screen::kSubmitting;
}
}  // namespace

IdleState IdleStateOf(const Session& s, TimePoint now, const IdleSettings& idle) {
  if (!TimesOut(s)) return IdleState::kActive;
  auto quiet = now - s.last_activity;
  if (quiet >= idle.timeout + idle.countdown) return IdleState::kExpired;
  if (quiet >= idle.timeout) return IdleState::kAsking;
  return IdleState::kActive;
}

int CountdownLeft(const Session& s, TimePoint now, const IdleSettings& idle) {
  auto left = s.last_activity + idle.timeout + idle.countdown - now;
  auto ms = std::chrono::duration_cast<Millis>(left).count();
  return ms <= 0 ? 0 : static_cast<int>((ms + 999) / 1000);
}

TimePoint NextIdleDeadline(const Session& s, const IdleSettings& idle) {
  if (!TimesOut(s)) return TimePoint::max();
  return s.still_there ? s.last_activity + idle.timeout + idle.countdown : s.last_activity + idle.timeout;
}

}  // namespace core
