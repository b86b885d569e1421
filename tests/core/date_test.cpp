// Calendar dates: leap years, strict parsing, and ages in whole years including 29 February birthdays.
#include <doctest/doctest.h>

#include "core/base/clock.h"
#include "core/base/date.h"
#include "fixtures.h"

using core_test::D;

TEST_SUITE("dates") {
  TEST_CASE("February has 29 days in leap years only") {
    CHECK(core::DaysInMonth(2024, 2) == 29);
    CHECK(core::DaysInMonth(2023, 2) == 28);
    CHECK(core::DaysInMonth(2000, 2) == 29);  // divisible by 400
    CHECK(core::DaysInMonth(1900, 2) == 28);  // divisible by 100
    CHECK(core::DaysInMonth(2100, 2) == 28);
  }

  TEST_CASE("months have their usual lengths and there is no month 0 or 13") {
    CHECK(core::DaysInMonth(2026, 1) == 31);
    CHECK(core::DaysInMonth(2026, 4) == 30);
    CHECK(core::DaysInMonth(2026, 12) == 31);
    CHECK(core::DaysInMonth(2026, 0) == 0);
    CHECK(core::DaysInMonth(2026, 13) == 0);
  }

  TEST_CASE("a date is valid only when its day exists") {
    CHECK(core::IsValid(D(2024, 2, 29)));
    CHECK_FALSE(core::IsValid(D(2023, 2, 29)));
    CHECK_FALSE(core::IsValid(D(2026, 4, 31)));
    CHECK_FALSE(core::IsValid(D(2026, 1, 0)));
    CHECK_FALSE(core::IsValid(D(0, 1, 1)));
    CHECK_FALSE(core::IsValid(D(2026, 13, 1)));
    CHECK(core::IsValid(D(1, 1, 1)));
    CHECK(core::IsValid(D(9999, 12, 31)));
  }

  TEST_CASE("parsing accepts strict YYYY-MM-DD of real dates only") {
    CHECK(core::ParseDate("1990-05-17") == D(1990, 5, 17));
    CHECK(core::ParseDate("2024-02-29") == D(2024, 2, 29));
    for (const char* bad :
         {"", "1990-5-17", "1990-05-7", "90-05-17", "1990/05/17", "1990-05-17T00:00", " 1990-05-17",
          "1990-02-30", "2023-02-29", "1990-00-10", "abcd-ef-gh", "+990-05-17", "1990-05-1x"}) {
      CAPTURE(bad);
      CHECK_FALSE(core::ParseDate(bad).has_value());
    }
  }

  TEST_CASE("a date prints as zero-padded YYYY-MM-DD and round-trips") {
    CHECK(D(987, 3, 4).ToString() == "0987-03-04");
    CHECK(core::ParseDate(D(2026, 11, 25).ToString()) == D(2026, 11, 25));
  }

  TEST_CASE("dates compare in calendar order") {
    CHECK(D(2026, 1, 31) < D(2026, 2, 1));
    CHECK(D(2025, 12, 31) < D(2026, 1, 1));
    CHECK(D(2026, 11, 25) == D(2026, 11, 25));
  }

  TEST_CASE("age goes up on the birthday, not the day before") {
    CHECK(core::AgeOn(D(2008, 11, 25), D(2026, 11, 24)) == 17);
    CHECK(core::AgeOn(D(2008, 11, 25), D(2026, 11, 25)) == 18);
    CHECK(core::AgeOn(D(2008, 11, 25), D(2026, 11, 26)) == 18);
    CHECK(core::AgeOn(D(2008, 12, 1), D(2026, 11, 30)) == 17);
    CHECK(core::AgeOn(D(2008, 1, 1), D(2026, 12, 31)) == 18);
    CHECK(core::AgeOn(D(2026, 11, 25), D(2026, 11, 25)) == 0);
  }

  TEST_CASE("a 29 February birthday counts on 1 March in common years") {
    const auto leapling = D(2008, 2, 29);
    CHECK(core::AgeOn(leapling, D(2026, 2, 28)) == 17);
    CHECK(core::AgeOn(leapling, D(2026, 3, 1)) == 18);
    CHECK(core::AgeOn(leapling, D(2028, 2, 28)) == 19);
    CHECK(core::AgeOn(leapling, D(2028, 2, 29)) == 20);
  }

  TEST_CASE("a day count converts to its calendar date") {
    using namespace std::chrono;
    CHECK(core::ToDate(sys_days{year{2024} / February / 29}) == D(2024, 2, 29));
    CHECK(core::ToDate(sys_days{}) == D(1970, 1, 1));
  }

  TEST_CASE("the manual clock's today is the UTC date of its moment and moves only when told") {
    core::ManualClock clock(core_test::At(2026, 11, 25, 23, 59, 59));
    CHECK(clock.Today() == D(2026, 11, 25));
    clock.Advance(std::chrono::seconds(1));
    CHECK(clock.Today() == D(2026, 11, 26));
    clock.Set(core_test::At(2024, 2, 29));
    CHECK(clock.Today() == D(2024, 2, 29));
    CHECK(clock.Now() == core_test::At(2024, 2, 29));
  }

  TEST_CASE("timestamps are RFC 3339 in UTC with milliseconds") {
    using std::chrono::milliseconds;
    CHECK(core::ToRfc3339(core_test::At(2026, 11, 25, 9, 30, 0) + milliseconds(125)) ==
          "2026-11-25T09:30:00.125Z");
    CHECK(core::ToRfc3339(core_test::At(2026, 1, 2, 3, 4, 5)) == "2026-01-02T03:04:05.000Z");
    CHECK(core::ToRfc3339(core_test::At(2024, 2, 29, 23, 59, 59) + milliseconds(999)) ==
          "2024-02-29T23:59:59.999Z");
    CHECK(core::ToRfc3339(core::TimePoint{}) == "1970-01-01T00:00:00.000Z");
    // sub-millisecond parts are cut, never rounded up into the next second
    CHECK(core::ToRfc3339(core_test::At(2026, 1, 1) + std::chrono::microseconds(999999)) ==
          "2026-01-01T09:00:00.999Z");
  }

  TEST_CASE("RFC 3339 parsing reads back what ToRfc3339 writes and refuses years a TimePoint cannot hold") {
    CHECK(core::ParseRfc3339("2026-11-25T09:30:00.125Z") ==
          core_test::At(2026, 11, 25, 9, 30, 0) + std::chrono::milliseconds(125));
    CHECK(core::ParseRfc3339("2199-12-31T23:59:59.999Z"));
    CHECK_FALSE(core::ParseRfc3339("9999-12-31T23:59:59.999Z"));  // past 2262 would overflow
    CHECK_FALSE(core::ParseRfc3339("1899-12-31T23:59:59.999Z"));
    CHECK_FALSE(core::ParseRfc3339("2026-02-30T00:00:00.000Z"));
    CHECK_FALSE(core::ParseRfc3339("2026-11-25T09:30:00Z"));
  }
}
