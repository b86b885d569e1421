// The real clock and RFC 3339 formatting.
#include "core/base/clock.h"

#include <cstdio>
#include <ctime>
#include <string>

namespace core {

TimePoint SystemClock::Now() const {
  return std::chrono::system_clock::now();
}

Date SystemClock::Today() const {
  std::time_t t = std::time(nullptr);
  std::tm local{};
  localtime_r(&t, &local);
  return Date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

std::string ToRfc3339(TimePoint t) {
  using namespace std::chrono;
  auto ms = floor<milliseconds>(t);
  auto day = floor<days>(ms);
  year_month_day ymd{day};
  hh_mm_ss hms{ms - day};
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                static_cast<int>(hms.seconds().count()), static_cast<int>(hms.subseconds().count()));
  return buf;
}

// Exactly what core::ToRfc3339 writes ("2026-11-25T09:30:00.125Z"); anything else is nullopt.
// Years outside 1900-2199 are refused too: TimePoint counts nanoseconds in 64 bits, which ends in
// 2262, so "9999-12-31..." from an attacker would overflow.
std::optional<TimePoint> ParseRfc3339(std::string_view text) {
  using namespace std::chrono;
  constexpr std::string_view kShape = "dddd-dd-ddTdd:dd:dd.dddZ";
  if (text.size() != kShape.size()) return std::nullopt;
  for (std::size_t i = 0; i < kShape.size(); ++i) {
    bool digit = text[i] >= '0' && text[i] <= '9';
    if (kShape[i] == 'd' ? !digit : text[i] != kShape[i]) return std::nullopt;
  }
  auto number = [text](std::size_t pos, std::size_t len) {
    int value = 0;
    for (std::size_t i = pos; i < pos + len; ++i) value = value * 10 + (text[i] - '0');
    return value;
  };
  year_month_day date{year{number(0, 4)}, month{static_cast<unsigned>(number(5, 2))},
                      day{static_cast<unsigned>(number(8, 2))}};
  int h = number(11, 2), m = number(14, 2), s = number(17, 2);
  if (date.year() < year{1900} || date.year() > year{2199}) return std::nullopt;
  if (!date.ok() || h > 23 || m > 59 || s > 59) return std::nullopt;
  return sys_days{date} + hours{h} + minutes{m} + seconds{s} + milliseconds{number(20, 3)};
}

}  // namespace core
