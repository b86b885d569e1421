// Rules of the inbox's staff pages, kept pure: login throttling, HTML and CSV escaping.
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

// One CSV field (RFC 4180 quoting). A value a spreadsheet would run as a formula (=, +, -, @, tab, CR at the
// start) is prefixed with an apostrophe.
std::string CsvField(std::string_view text);

}  // namespace core
