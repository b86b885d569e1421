// The date picker's bounds: only real dates, none in the future, none absurdly old; and date phrasing.
#include <doctest/doctest.h>

#include "core/touch/date_picker.h"
#include "fixtures.h"

using core_test::kToday;

namespace {

// Every date the picker can produce by tapping day, month and year in any order.
bool EveryTapSequenceGivesARealDate(int year) {
  for (int m = 1; m <= 12; ++m) {
    for (int d = 1; d <= 31; ++d) {
      core::Date p = core::Choose({}, core::DatePart::kDay, d, kToday);
      p = core::Choose(p, core::DatePart::kMonth, m, kToday);
      p = core::Choose(p, core::DatePart::kYear, year, kToday);
      if (!core::MissingPart(p) && !core::IsPickable(p, kToday)) return false;
    }
  }
  return true;
}
}  // namespace

TEST_CASE("29 February is offered until the year is known, and dropped for a common year") {
  core::Date p = core::Choose({}, core::DatePart::kMonth, 2, kToday);
  CHECK(core::DaysToOffer(p, kToday) == 29);
  p = core::Choose(p, core::DatePart::kDay, 29, kToday);
  CHECK(p.day == 29);
  core::Date leap = core::Choose(p, core::DatePart::kYear, 1988, kToday);
  CHECK(leap == core::Date{1988, 2, 29});
  core::Date common = core::Choose(p, core::DatePart::kYear, 1987, kToday);
  CHECK(common.day == 0);  // asked again
  CHECK(core::MissingPart(common) == core::DatePart::kDay);
  CHECK(core::DaysToOffer(common, kToday) == 28);
}

TEST_CASE("each month offers its own number of days; a day that does not fit is dropped") {
  CHECK(core::DaysToOffer({0, 0, 0}, kToday) == 31);
  CHECK(core::DaysToOffer({1990, 4, 0}, kToday) == 30);
  CHECK(core::DaysToOffer({1990, 1, 0}, kToday) == 31);
  CHECK(core::DaysToOffer({1900, 2, 0}, kToday) == 28);  // 1900 is not a leap year
  CHECK(core::DaysToOffer({2000, 2, 0}, kToday) == 29);
  core::Date p = core::Choose({0, 0, 31}, core::DatePart::kMonth, 4, kToday);
  CHECK(p == core::Date{0, 4, 0});
  CHECK(core::Choose({0, 4, 0}, core::DatePart::kDay, 31, kToday).day == 0);  // not offered, not taken
}

TEST_CASE("no date in the future: this year stops at today's month and today's day") {
  CHECK(core::MonthsToOffer({2026, 0, 0}, kToday) == 11);
  CHECK(core::MonthsToOffer({2025, 0, 0}, kToday) == 12);
  CHECK(core::DaysToOffer({2026, 11, 0}, kToday) == 25);
  CHECK(core::Choose({0, 12, 1}, core::DatePart::kYear, 2026, kToday) == core::Date{2026, 0, 1});
  CHECK(core::Choose({0, 11, 30}, core::DatePart::kYear, 2026, kToday) == core::Date{2026, 11, 0});
  CHECK(core::Choose({}, core::DatePart::kYear, 2027, kToday).year == 0);
  CHECK(core::YearsToOffer(2020, kToday) == std::vector<int>{2020, 2021, 2022, 2023, 2024, 2025, 2026});
  CHECK_FALSE(core::IsPickable({2026, 11, 26}, kToday));
  CHECK(core::IsPickable({2026, 11, 25}, kToday));
}

TEST_CASE("the oldest year is 110 years back; decades stay between the oldest and this one") {
  CHECK(core::OldestYear(kToday) == 1916);
  CHECK(core::YearsToOffer(1910, kToday) == std::vector<int>{1916, 1917, 1918, 1919});
  CHECK(core::YearsToOffer(1900, kToday).empty());
  CHECK(core::ClampDecade(1850, kToday) == 1910);
  CHECK(core::ClampDecade(2090, kToday) == 2020);
  CHECK(core::ClampDecade(1987, kToday) == 1980);
  CHECK(core::Choose({}, core::DatePart::kYear, 1915, kToday).year == 0);
  CHECK_FALSE(core::IsPickable({1915, 6, 1}, kToday));
}

TEST_CASE("whatever order the client taps in, the picker never produces an impossible date") {
  for (int year : {1916, 1987, 1988, 1900 + 100, 2026}) {
    CAPTURE(year);
    CHECK(EveryTapSequenceGivesARealDate(year));
  }
}

TEST_CASE("a date reads the way each language writes it") {
  core::Date d{1988, 5, 14};
  CHECK(core::FormatDate(d, "{day} {month} {year}", "May") == "14 May 1988");
  CHECK(core::FormatDate(d, "{day} de {month} de {year}", "mayo") == "14 de mayo de 1988");
}

TEST_CASE("the year grid keeps the decade the client steps to: 1988 can be corrected to 1998") {
  core::Date chosen{1988, 5, 14};
  core::DatePickerState s = core::OpenPicker(chosen, core::DatePart::kYear, kToday);
  CHECK(s.part == core::DatePart::kYear);
  CHECK(s.decade == 1980);  // reopened on the chosen year's decade
  core::StepDecade(s, +1, kToday);
  CHECK(s.decade == 1990);
  CHECK(core::Tap(s, chosen, 1998, kToday) == core::Date{1998, 5, 14});
  core::StepDecade(s, -1, kToday);
  core::StepDecade(s, -1, kToday);
  CHECK(s.decade == 1970);
}

TEST_CASE("the decade buttons stop at the oldest and the newest decade") {
  core::DatePickerState s = core::OpenPicker({}, core::DatePart::kYear, kToday);
  CHECK(s.decade == core::kFirstDecade);
  s.decade = 2020;
  CHECK_FALSE(core::CanStepDecade(s, +1, kToday));
  core::StepDecade(s, +1, kToday);
  CHECK(s.decade == 2020);
  s.decade = 1910;
  CHECK_FALSE(core::CanStepDecade(s, -1, kToday));
  CHECK(core::CanStepDecade(s, +1, kToday));
  core::StepDecade(s, -1, kToday);
  CHECK(s.decade == 1910);
}

TEST_CASE("a tap moves the picker on to the part still missing, keeping the decade") {
  core::DatePickerState s = core::OpenPicker({}, core::DatePart::kDay, kToday);
  s.decade = 1970;
  core::Date d = core::Tap(s, {}, 14, kToday);
  CHECK(s.part == core::DatePart::kMonth);
  d = core::Tap(s, d, 5, kToday);
  CHECK(s.part == core::DatePart::kYear);
  CHECK(s.decade == 1970);
  d = core::Tap(s, d, 1975, kToday);
  CHECK(d == core::Date{1975, 5, 14});
  CHECK_FALSE(core::MissingPart(d));
}
