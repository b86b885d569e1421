// Date picker rules.
#include "core/touch/date_picker.h"

#include <algorithm>

#include "core/content/text.h"

namespace core {

int OldestYear(const Date& today) {
  return today.year - kOldestAgeYears;
}

int DaysToOffer(const Date& p, const Date& today) {
  int days = p.month == 0 ? 31 : DaysInMonth(p.year ? p.year : 2000, p.month);  // 2000: leap, 29 Feb allowed
  if (p.year == today.year && p.month == today.month) days = std::min(days, today.day);
  return days;
}

int MonthsToOffer(const Date& p, const Date& today) {
  return p.year == today.year ? today.month : 12;
}

std::vector<int> YearsToOffer(int decade, const Date& today) {
  std::vector<int> years;
  for (int y = decade; y < decade + 10; ++y) {
    if (y >= OldestYear(today) && y <= today.year) years.push_back(y);
  }
  return years;
}

int ClampDecade(int decade, const Date& today) {
  return std::clamp(decade / 10 * 10, OldestYear(today) / 10 * 10, today.year / 10 * 10);
}

Date Choose(Date p, DatePart part, int value, const Date& today) {
  switch (part) {
    case DatePart::kDay:
      if (value >= 1 && value <= DaysToOffer(p, today)) p.day = value;
      break;
    case DatePart::kMonth:
      if (value >= 1 && value <= MonthsToOffer(p, today)) p.month = value;
      break;
    case DatePart::kYear:
      if (value >= OldestYear(today) && value <= today.year) p.year = value;
      break;
  }
  if (p.month > MonthsToOffer(p, today)) p.month = 0;
  if (p.day > DaysToOffer(p, today)) p.day = 0;
  return p;
}

DatePickerState OpenPicker(const Date& partial, DatePart part, const Date& today) {
  return {part, ClampDecade(partial.year ? partial.year : kFirstDecade, today)};
}

bool CanStepDecade(const DatePickerState& s, int direction, const Date& today) {
  int to = s.decade + (direction < 0 ? -10 : 10);
  return ClampDecade(to, today) == to;
}

void StepDecade(DatePickerState& s, int direction, const Date& today) {
  if (CanStepDecade(s, direction, today)) s.decade += direction < 0 ? -10 : 10;
}

Date Tap(DatePickerState& s, const Date& partial, int value, const Date& today) {
  Date d = Choose(partial, s.part, value, today);
  if (auto missing = MissingPart(d)) s.part = *missing;
  return d;
}

std::optional<DatePart> MissingPart(const Date& p) {
  if (!p.day) return DatePart::kDay;
  if (!p.month) return DatePart::kMonth;
  if (!p.year) return DatePart::kYear;
  return std::nullopt;
}

bool IsPickable(const Date& d, const Date& today) {
  return IsValid(d) && d <= today && d.year >= OldestYear(today);
}

std::string FormatDate(const Date& d, std::string_view pattern, std::string_view month_name,
                       std::string_view day_text) {
  return Format(std::string(pattern),
                {{"day", day_text.empty() ? std::to_string(d.day) : std::string(day_text)},
                 {"month", std::string(month_name)},
                 {"year", std::to_string(d.year)}});
}

}  // namespace core
