// The PIN throttle: 30 s after the 5th wrong PIN, doubling per further failure, capped at 15 minutes.
#include "core/staff/pin_throttle.h"

#include <algorithm>

namespace core {

Seconds PinDelayAfter(int failures, const PinThrottleSettings& s) {
  if (failures < s.free_failures || s.first_delay <= Seconds(0)) return Seconds(0);
  Seconds delay = std::min(s.first_delay, s.max_delay);
  for (int i = s.free_failures; i < failures && delay < s.max_delay; ++i)
    delay = std::min(delay * 2, s.max_delay);
  return delay;
}

TimePoint PinOpenAt(int failures, TimePoint last_failure, const PinThrottleSettings& s) {
  return last_failure + PinDelayAfter(failures, s);
}

int PinWaitSeconds(int failures, TimePoint last_failure, TimePoint now, const PinThrottleSettings& s) {
  TimePoint open = PinOpenAt(failures, last_failure, s);
  if (open <= now) return 0;
  return static_cast<int>(std::chrono::ceil<Seconds>(open - now).count());
}

}  // namespace core
