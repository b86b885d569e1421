// An intake (already valid intake schema v1) checked against what it claims: the times it carries against
// the inbox's clock, and its answers, flags, consents and signatures against the content version it names,
// with the kiosk's own validation rules (core/visit/validation.h). Every problem with its JSON pointer;
// messages never quote a value.
#pragma once

#include <optional>

#include "core/base/clock.h"
#include "core/base/result.h"
#include "core/content/content.h"
#include "core/content/json_reader.h"

namespace core {

// How far ahead of the inbox's clock a submitted_at may be (the signature's tolerance), and how long a visit
// may take from started_at to submitted_at.
inline constexpr Seconds kSubmittedAheadTolerance{5 * 60};
inline constexpr Seconds kLongestVisit{24 * 3600};

// started_at <= submitted_at <= started_at + a day; submitted_at not after now + 5 min, not before 2020, and
// when `keep_days` is set not older than that (the inbox would delete it at once).
Problems CheckIntakeTimes(const Json& intake, TimePoint now, std::optional<int> keep_days);

// Every answer is to a question of `content` (consents and signatures under their own keys), of the type the
// question stores, within its lengths, options, pattern, number range and dates (not after the day it was
// submitted), with no control characters; every flag is one the content defines for that question and tier;
// every consent names its text version; the language is one of the content's.
Problems CheckAgainstContent(const Content& content, const Json& intake);

}  // namespace core
