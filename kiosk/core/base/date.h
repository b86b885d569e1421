// Calendar dates (no time zone): parsing "YYYY-MM-DD", validity, and age in whole years.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace core {

struct Date {
  int year = 0, month = 0, day = 0;
  auto operator<=>(const Date&) const = default;
  std::string ToString() const;  // "YYYY-MM-DD"
};

int DaysInMonth(int year, int month);
bool IsValid(const Date& d);
std::optional<Date> ParseDate(std::string_view text);  // strict "YYYY-MM-DD", valid dates only
int AgeOn(const Date& birth, const Date& today);       // whole years; 29 Feb birthdays count on 1 Mar
Date ToDate(std::chrono::sys_days days);

}  // namespace core
