// The outbox on SQLite: opening with durable settings, idempotent Put, and payload-free listing.
#include "store/outbox.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <utility>

#include "store/outbox_schema.h"

namespace store {

namespace {

// Creates the file with mode 0600 if it is missing, so SQLite (and its -wal and -shm files, which copy the
// database's mode) never make personal data world-readable. An existing file keeps its mode.
core::Status CreatePrivateFile(const std::filesystem::path& file) {
  int fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) {
    return core::Status::Fail("cannot create outbox file " + file.string() + ": " + std::strerror(errno));
  }
  ::close(fd);
  return core::Ok{};
}

core::Status Configure(sql::Database& db) {
  if (sqlite3_busy_timeout(db.handle(), 5000) != SQLITE_OK)
    return core::Status::Fail(db.Error("busy_timeout"));
  // The first read of the file: a file that is not a database fails here.
  auto mode = db.QueryText("PRAGMA journal_mode = WAL");
  if (!mode) return core::Status::Fail("cannot set journal_mode=WAL: " + mode.error());
  if (*mode != "wal") {
    return core::Status::Fail("the outbox needs journal_mode=WAL but SQLite kept '" + *mode +
                              "' (is the data dir on a file system without shared memory?)");
  }
  return db.Exec("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;");
}

bool IsIdChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
         c == '.' || c == ':';
}

core::Status CheckId(const std::string& id) {
  if (id.empty()) return core::Status::Fail("intake id is empty");
  if (id.size() > kMaxIntakeIdBytes) return core::Status::Fail("intake id is longer than 128 bytes");
  for (char c : id) {
    if (!IsIdChar(c)) return core::Status::Fail("intake id may only contain A-Z a-z 0-9 . _ : -");
  }
  return core::Ok{};
}

// Validated by SQLite's own JSON parser (depth-limited, never crashes on deep nesting). Messages name the
// problem, never the payload's content.
core::Status CheckPayload(sql::Database& db, const std::string& payload) {
  if (payload.size() > kMaxPayloadBytes) return core::Status::Fail("intake payload is larger than 16 MiB");
  auto stmt = db.Prepare("SELECT CASE WHEN json_valid(?1) THEN json_type(?1) = 'object' ELSE 0 END");
  if (!stmt) return stmt.problems();
  auto bound = stmt->Bind(1, payload);
  if (!bound) return bound;
  auto row = stmt->Step();
  if (!row) return row.problems();
  if (!*row || stmt->Int(0) != 1) return core::Status::Fail("intake payload is not a JSON object");
  return core::Ok{};
}

std::size_t ToCount(std::int64_t n) {
  return n < 0 ? 0 : static_cast<std::size_t>(n);
}

}  // namespace

core::Result<std::unique_ptr<Outbox>> Outbox::Open(const std::filesystem::path& file) {
  using R = core::Result<std::unique_ptr<Outbox>>;
  auto created = CreatePrivateFile(file);
  if (!created) return created.problems();
  auto db = sql::Database::Open(file, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX);
  if (!db) return db.problems();
  auto configured = Configure(*db);
  if (!configured) return R::Fail("outbox " + file.string() + ": " + configured.error());
  auto migrated = MigrateOutbox(*db);
  if (!migrated) return R::Fail("outbox " + file.string() + ": " + migrated.error());
  return std::unique_ptr<Outbox>(new Outbox(std::move(*db)));
}

core::Status Outbox::Put(const std::string& id, const std::string& payload_json, core::TimePoint created,
                         bool demo) {
  auto id_ok = CheckId(id);
  if (!id_ok) return id_ok;

  std::lock_guard lock(mutex_);
  auto payload_ok = CheckPayload(db_, payload_json);
  if (!payload_ok) return payload_ok;
  auto tx = sql::Transaction::Begin(db_);
  if (!tx) return tx.problems();
  auto stmt = db_.Prepare(
      "INSERT INTO outbox (id, created_at, kind, state, attempts, next_attempt_at, payload) "
      "VALUES (?1, ?2, ?3, 'pending', 0, ?2, ?4) ON CONFLICT (id) DO NOTHING");
  if (!stmt) return stmt.problems();
  for (auto bound : {stmt->Bind(1, id), stmt->Bind(2, core::ToRfc3339(created)),
                     stmt->Bind(3, demo ? kKindDemo : kKindIntake), stmt->Bind(4, payload_json)}) {
    if (!bound) return bound;
  }
  auto ran = stmt->Run();
  if (!ran) return core::Status::Fail("cannot queue intake " + id + ": " + ran.error());
  auto committed = tx->Commit();
  if (!committed) return core::Status::Fail("cannot commit intake " + id + ": " + committed.error());
  return core::Ok{};
}

core::Result<std::vector<OutboxRow>> Outbox::List(std::size_t limit) {
  std::lock_guard lock(mutex_);
  auto stmt = db_.Prepare(
      "SELECT id, created_at, kind, state, attempts, next_attempt_at, last_error FROM outbox "
      "ORDER BY created_at DESC, rowid DESC LIMIT ?1");
  if (!stmt) return stmt.problems();
  auto bound = stmt->Bind(1, static_cast<std::int64_t>(std::min<std::size_t>(limit, INT64_MAX)));
  if (!bound) return bound.problems();
  std::vector<OutboxRow> rows;
  for (;;) {
    auto row = stmt->Step();
    if (!row) return row.problems();
    if (!*row) break;
    rows.push_back(OutboxRow{stmt->Text(0), stmt->Text(1), stmt->Text(2), stmt->Text(3), stmt->Int(4),
                             stmt->Text(5), stmt->Text(6)});
  }
  return rows;
}

core::Result<std::optional<std::string>> Outbox::Payload(const std::string& id) {
  using R = core::Result<std::optional<std::string>>;
  std::lock_guard lock(mutex_);
  auto stmt = db_.Prepare("SELECT payload FROM outbox WHERE id = ?1");
  if (!stmt) return stmt.problems();
  auto bound = stmt->Bind(1, id);
  if (!bound) return bound.problems();
  auto row = stmt->Step();
  if (!row) return row.problems();
  if (!*row) return R(std::optional<std::string>());
  return R(stmt->OptionalText(0));
}

core::Result<OutboxCounts> Outbox::Counts() {
  std::lock_guard lock(mutex_);
  auto stmt = db_.Prepare("SELECT state, COUNT(*) FROM outbox GROUP BY state");
  if (!stmt) return stmt.problems();
  OutboxCounts counts;
  for (;;) {
    auto row = stmt->Step();
    if (!row) return row.problems();
    if (!*row) break;
    std::string state = stmt->Text(0);
    std::size_t n = ToCount(stmt->Int(1));
    if (state == kStatePending) counts.pending = n;
    if (state == kStateDelivering) counts.delivering = n;
    if (state == kStateDelivered) counts.delivered = n;
    if (state == kStateParked) counts.parked = n;
  }
  return counts;
}

core::Result<OutboxSettings> Outbox::Settings() {
  std::lock_guard lock(mutex_);
  OutboxSettings s;
  auto mode = db_.QueryText("PRAGMA journal_mode");
  if (!mode) return mode.problems();
  s.journal_mode = *mode;
  for (auto [pragma, out] :
       {std::pair{"PRAGMA synchronous", &s.synchronous}, std::pair{"PRAGMA busy_timeout", &s.busy_timeout_ms},
        std::pair{"PRAGMA user_version", &s.schema_version}}) {
    auto value = db_.QueryInt(pragma);
    if (!value) return value.problems();
    *out = static_cast<int>(*value);
  }
  auto fk = db_.QueryInt("PRAGMA foreign_keys");
  if (!fk) return fk.problems();
  s.foreign_keys = *fk != 0;
  return s;
}

}  // namespace store
