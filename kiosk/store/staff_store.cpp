// StaffStore on SQLite: a single-row failure counter and the today's list. Times are milliseconds since
// the epoch (UTC).
#include "store/staff_store.h"

namespace store {

namespace {

constexpr const char* kSchema = R"sql(
  CREATE TABLE IF NOT EXISTS pin_failures (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    count      INTEGER NOT NULL CHECK (count >= 0),
    last_at_ms INTEGER NOT NULL
  );
  CREATE TABLE IF NOT EXISTS today (
    id              TEXT PRIMARY KEY NOT NULL,
    submitted_at_ms INTEGER NOT NULL,
    short_name      TEXT NOT NULL,
    flags           TEXT NOT NULL,
    demo            INTEGER NOT NULL
  );
  CREATE INDEX IF NOT EXISTS today_by_time ON today (submitted_at_ms);
)sql";

std::int64_t Ms(core::TimePoint t) {
  return std::chrono::duration_cast<core::Millis>(t.time_since_epoch()).count();
}
core::TimePoint FromMs(std::int64_t ms) {
  return core::TimePoint(std::chrono::duration_cast<core::TimePoint::duration>(core::Millis(ms)));
}

}  // namespace

core::Result<std::unique_ptr<StaffStore>> StaffStore::Open(const std::filesystem::path& file) {
  using R = core::Result<std::unique_ptr<StaffStore>>;
  auto db = sql::OpenPrivate(file);
  if (!db) return R::Fail("staff store " + file.string() + ": " + db.error());
  if (auto made = db->Exec(kSchema); !made)
    return R::Fail("staff store " + file.string() + ": " + made.error());
  return std::unique_ptr<StaffStore>(new StaffStore(std::move(*db)));
}

core::Result<PinFailures> StaffStore::Failures() {
  std::lock_guard lock(mutex_);
  auto stmt = db_.Prepare("SELECT count, last_at_ms FROM pin_failures WHERE id = 1");
  if (!stmt) return stmt.problems();
  auto row = stmt->Step();
  if (!row) return row.problems();
  PinFailures f;
  if (*row) {
    f.count = static_cast<int>(stmt->Int(0));
    f.last = FromMs(stmt->Int(1));
  }
  return f;
}

core::Status StaffStore::RecordFailure(core::TimePoint at) {
  std::lock_guard lock(mutex_);
  auto stmt = db_.Prepare(
      "INSERT INTO pin_failures (id, count, last_at_ms) VALUES (1, 1, ?1) "
      "ON CONFLICT (id) DO UPDATE SET count = min(count + 1, 1000000), last_at_ms = ?1");
  if (!stmt) return stmt.problems();
  if (auto b = stmt->Bind(1, Ms(at)); !b) return b;
  return stmt->Run();
}

core::Status StaffStore::ResetFailures() {
  std::lock_guard lock(mutex_);
  return db_.Exec("DELETE FROM pin_failures");
}

core::Status StaffStore::AddToday(const TodayEntry& e) {
  std::lock_guard lock(mutex_);
  auto stmt = db_.Prepare(
      "INSERT INTO today (id, submitted_at_ms, short_name, flags, demo) VALUES (?1, ?2, ?3, ?4, ?5) "
      "ON CONFLICT (id) DO NOTHING");
  if (!stmt) return stmt.problems();
  for (auto bound : {stmt->Bind(1, e.id), stmt->Bind(2, Ms(e.submitted_at)), stmt->Bind(3, e.short_name),
                     stmt->Bind(4, e.flags), stmt->Bind(5, std::int64_t{e.demo ? 1 : 0})}) {
    if (!bound) return bound;
  }
  return stmt->Run();
}

core::Result<std::vector<TodayEntry>> StaffStore::Today(core::TimePoint since) {
  std::lock_guard lock(mutex_);
  auto stmt = db_.Prepare(
      "SELECT id, submitted_at_ms, short_name, flags, demo FROM today WHERE submitted_at_ms >= ?1 "
      "ORDER BY submitted_at_ms DESC, id LIMIT 500");
  if (!stmt) return stmt.problems();
  if (auto b = stmt->Bind(1, Ms(since)); !b) return b.problems();
  std::vector<TodayEntry> out;
  for (;;) {
    auto row = stmt->Step();
    if (!row) return row.problems();
    if (!*row) break;
    out.push_back({stmt->Text(0), FromMs(stmt->Int(1)), stmt->Text(2), stmt->Text(3), stmt->Int(4) != 0});
  }
  return out;
}

core::Result<std::size_t> StaffStore::PurgeToday(core::TimePoint cutoff) {
  std::lock_guard lock(mutex_);
  auto stmt = db_.Prepare("DELETE FROM today WHERE submitted_at_ms < ?1");
  if (!stmt) return stmt.problems();
  if (auto b = stmt->Bind(1, Ms(cutoff)); !b) return b.problems();
  if (auto ran = stmt->Run(); !ran) return ran.problems();
  return static_cast<std::size_t>(db_.Changes());
}

}  // namespace store
