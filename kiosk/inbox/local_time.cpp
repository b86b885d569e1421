// Local time with the C library (localtime_r, mktime), which follows TZ and /etc/localtime.
#include "inbox/local_time.h"

#include <ctime>

namespace inbox {

std::string LocalTime(const std::string& rfc3339) {
  auto t = core::ParseRfc3339(rfc3339);
  if (!t) return rfc3339;
  std::time_t seconds = std::chrono::system_clock::to_time_t(*t);
  std::tm local{};
  localtime_r(&seconds, &local);
  char text[64];
  std::strftime(text, sizeof text, "%d %b %Y, %H:%M", &local);
  return text;
}

std::string LocalDayStart(const core::Date& date) {
  std::tm local{};
  local.tm_year = date.year - 1900;
  local.tm_mon = date.month - 1;
  local.tm_mday = date.day;
  local.tm_isdst = -1;
  return core::ToRfc3339(std::chrono::system_clock::from_time_t(std::mktime(&local)));
}

core::Date NextDay(const core::Date& date) {
  using namespace std::chrono;
  return core::ToDate(sys_days{year{date.year} / date.month / date.day} + days{1});
}

}  // namespace inbox
