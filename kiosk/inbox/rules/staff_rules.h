// Rules of the inbox's staff pages, kept pure: login throttling and HTML escaping (CSV: core/base/csv.h).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/clock.h"

namespace core {

// After kMaxLoginFailures failed logins for one name within kLoginWindow, that name is locked until the
// oldest of them is kLoginWindow old. Failures must be given oldest first.
inline constexpr int kMaxLoginFailures = 5;
inline constexpr Seconds kLoginWindow{15 * 60};
std::optional<TimePoint> LoginLockedUntil(const std::vector<TimePoint>& failures, TimePoint now,
                                          int max_failures = kMaxLoginFailures);

// Sign-in throttling, each limit counted over kLoginWindow. A browser that signed in as this name before
// (its device cookie) is limited by its own failures only: guessing at a name, at every name, or from the
// same address (a guest on the clinic's Wi-Fi behind the front desk's NAT) cannot keep staff out of their own
// browsers. Any other browser is limited by its address first, then per name and overall.
inline constexpr int kMaxFailuresPerAddress = 10;
inline constexpr int kMaxFailuresPerDevice = kMaxLoginFailures;
inline constexpr int kMaxFailuresOverall = 100;  // from browsers that are not a known device of the name
inline constexpr int kMaxFailureRows = 10000;    // the table's cap; older rows expire after the window

struct SignInHistory {  // failure times, oldest first
  std::vector<TimePoint> address, name, device, overall;
  bool known_device = false;
};
struct SignInLock {
  std::string why;  // "address", "name", "device" or "overall"
  TimePoint until;
};
std::optional<SignInLock> SignInLocked(const SignInHistory& history, TimePoint now);

// Text safe inside HTML element content and double-quoted attributes.
std::string HtmlEscape(std::string_view text);

}  // namespace core
