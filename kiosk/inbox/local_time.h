// Times as the clinic reads them: the server's local time zone for display, "today" and export ranges.
#pragma once

#include <string>

#include "core/base/clock.h"
#include "core/base/date.h"

namespace inbox {

// "25 Nov 2026, 10:04" in local time, from a stored RFC 3339 time; the text itself if it does not parse.
std::string LocalTime(const std::string& rfc3339);
// The RFC 3339 UTC time at which local day `date` begins.
std::string LocalDayStart(const core::Date& date);
// The day after `date`.
core::Date NextDay(const core::Date& date);

}  // namespace inbox
