// Time, injected everywhere it matters so tests never sleep: the real clock and a manual one.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "core/base/date.h"

namespace core {

using TimePoint = std::chrono::system_clock::time_point;
using Seconds = std::chrono::seconds;
using Millis = std::chrono::milliseconds;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual TimePoint Now() const = 0;
  // The calendar date at the kiosk (local time), for ages.
  virtual Date Today() const = 0;
};

class SystemClock final : public Clock {
 public:
  TimePoint Now() const override;
  Date Today() const override;
};

// Starts at a fixed moment and moves only when told: tests and headless runs.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(TimePoint start) : now_(start) {}
  TimePoint Now() const override { return now_; }
  Date Today() const override { return ToDate(std::chrono::floor<std::chrono::days>(now_)); }
  void Advance(std::chrono::milliseconds by) { now_ += by; }
  void Set(TimePoint t) { now_ = t; }

 private:
  TimePoint now_;
};

// RFC 3339 in UTC with milliseconds, e.g. "2026-11-25T09:30:00.125Z".
std::string ToRfc3339(TimePoint t);
// Exactly what ToRfc3339 writes, back to a time; anything else is nullopt.
std::optional<TimePoint> ParseRfc3339(std::string_view text);

}  // namespace core
