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
std::optional<TimePoint> LoginLockedUntil(const std::vector<TimePoint>& failures, TimePoint now);

// Text safe inside HTML element content and double-quoted attributes.
std::string HtmlEscape(std::string_view text);

}  // namespace core
