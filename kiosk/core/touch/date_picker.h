// The date-of-birth picker's rules: which days, months and years it offers, so whatever the client taps
// is a real date, not in the future and not absurdly old; and how a date reads in a language.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/date.h"

namespace core {

// Nobody born more than this many years ago is offered.
inline constexpr int kOldestAgeYears = 110;

enum class DatePart { kDay, kMonth, kYear };

// A date chosen so far: 0 means "not chosen yet" for each part.
int OldestYear(const Date& today);
// How many days to offer (1..n): the month's length when month (and year) are known (29 for February
// until the year is known), never past today.
int DaysToOffer(const Date& partial, const Date& today);
// How many months to offer (1..n): 12, or up to today's month in this year.
int MonthsToOffer(const Date& partial, const Date& today);
// The years of the decade starting at `decade` that can be chosen (between OldestYear and today).
std::vector<int> YearsToOffer(int decade, const Date& today);
// The decade the year grid opens on, kept between the oldest and the newest pickable decades.
int ClampDecade(int decade, const Date& today);

// The open picker's own state: the grid it shows and, for the year grid, the decade on screen. The decade
// is set when the picker opens and changed only by the decade buttons, so a client who chose 1988 can
// step to the 1990s and choose 1998.
inline constexpr int kFirstDecade = 1990;  // the year grid's decade while no year is chosen
struct DatePickerState {
  DatePart part = DatePart::kDay;
  int decade = kFirstDecade;
  bool operator==(const DatePickerState&) const = default;
};
// Opens on `part` for the date chosen so far: the chosen year's decade, else kFirstDecade (within bounds).
DatePickerState OpenPicker(const Date& partial, DatePart part, const Date& today);
// Whether the year grid can step a decade older (direction -1) or newer (+1); StepDecade does it.
bool CanStepDecade(const DatePickerState& s, int direction, const Date& today);
void StepDecade(DatePickerState& s, int direction, const Date& today);
// One tap on `value` in the grid on screen: chosen with Choose, then the picker moves on to the part
// still missing (the decade stays where the client left it). Returns the date chosen so far.
Date Tap(DatePickerState& s, const Date& partial, int value, const Date& today);

// Applies one tap. A part chosen earlier that no longer fits (31 after choosing April, 29 February after
// choosing a common year, a month in the future) is dropped so the picker asks for it again.
Date Choose(Date partial, DatePart part, int value, const Date& today);
// The first part still missing, or nothing when the date is complete.
std::optional<DatePart> MissingPart(const Date& partial);
// A complete date the picker could have produced.
bool IsPickable(const Date& d, const Date& today);

// "14 May 1988" / "14 de mayo de 1988" / "1er août 1988": `pattern` from content with {day}, {month} and
// {year}; `day_text` is the day as the language writes it (ui.day_forms), the number when empty.
std::string FormatDate(const Date& d, std::string_view pattern, std::string_view month_name,
                       std::string_view day_text = {});

}  // namespace core
