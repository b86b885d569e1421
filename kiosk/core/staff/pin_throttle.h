// How long the staff PIN pad waits after wrong PINs: free tries, then an escalating delay. Pure.
#pragma once

#include "core/base/clock.h"

namespace core {

struct PinThrottleSettings {
  int free_failures = 5;       // this many wrong PINs in a row cost nothing
  Seconds first_delay{30};     // the wait after the 5th, doubling with each further one
  Seconds max_delay{15 * 60};  // never longer than this
};

// The wait imposed after `failures` wrong PINs in a row (0 while failures < free_failures).
Seconds PinDelayAfter(int failures, const PinThrottleSettings& s = {});

// When the pad takes a PIN again; a time in the past (or now) means it takes one now.
TimePoint PinOpenAt(int failures, TimePoint last_failure, const PinThrottleSettings& s = {});

// Whole seconds left to wait (rounded up), 0 when a PIN may be entered now.
int PinWaitSeconds(int failures, TimePoint last_failure, TimePoint now, const PinThrottleSettings& s = {});

}  // namespace core
