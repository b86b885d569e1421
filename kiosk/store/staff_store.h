// Staff mode's own database (data_dir/staff.sqlite): wrong-PIN attempts, so a restart does not reset the
// throttle, and the today's-intakes list (time, short name, flags, demo), purged after its retention.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/base/clock.h"
#include "core/base/result.h"
#include "store/sqlite.h"

namespace store {

struct PinFailures {
  int count = 0;  // wrong PINs in a row since the last right one
  core::TimePoint last{};
};

// One row of the today's list. No answers beyond the short name: enough for staff to recognise a client.
struct TodayEntry {
  std::string id;  // the intake id (the outbox row, for its delivery state)
  core::TimePoint submitted_at{};
  std::string short_name;  // "Maria G."
  std::string flags;       // tiers raised, e.g. "stop,review" ("" for none)
  bool demo = false;
};

class StaffStore {
 public:
  static core::Result<std::unique_ptr<StaffStore>> Open(const std::filesystem::path& file);

  core::Result<PinFailures> Failures();
  core::Status RecordFailure(core::TimePoint at);
  core::Status ResetFailures();

  core::Status AddToday(const TodayEntry& entry);
  // Entries submitted at or after `since`, newest first.
  core::Result<std::vector<TodayEntry>> Today(core::TimePoint since);
  // Deletes entries submitted before `cutoff`. Returns how many.
  core::Result<std::size_t> PurgeToday(core::TimePoint cutoff);

 private:
  explicit StaffStore(sql::Database db) : db_(std::move(db)) {}
  std::mutex mutex_;
  sql::Database db_;
};

}  // namespace store
