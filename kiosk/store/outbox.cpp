// The outbox on SQLite: opening with durable settings, idempotent Put, payload-free listing, and the
// sender's side (claim with a lease, record the outcome, retry, purge delivered payloads).
#include "store/outbox.h"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <utility>

#include "store/outbox_schema.h"
#include "store/sqlite.h"

namespace store {

namespace {

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

std::string_view KindOf(bool demo) {
  return demo ? kKindDemo : kKindIntake;
}

// A reason as staff will see it: one line, bounded, cut on a UTF-8 character boundary.
constexpr std::size_t kMaxReasonBytes = 200;

std::string ShortReason(const std::string& reason) {
  std::string out = reason.substr(0, kMaxReasonBytes + 1);
  for (char& c : out) {
    auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) c = ' ';
  }
  if (out.size() <= kMaxReasonBytes) return out;
  std::size_t cut = kMaxReasonBytes;
  while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
  return out.substr(0, cut);
}

using sql::Param;

// Records the outcome of a claimed attempt. `update` binds ?1 = id, ?2 = attempts and matches only a row
// still 'delivering' with that attempts value, so a sender whose claim was taken over changes nothing.
core::Status UpdateClaimed(sql::Database& db, std::string_view update, const std::string& id,
                           std::int64_t attempts, std::initializer_list<Param> rest) {
  std::vector<Param> params{Param(id), Param(attempts)};
  params.insert(params.end(), rest.begin(), rest.end());
  auto changed = sql::UpdateRows(db, update, params);
  if (!changed)
    return core::Status::Fail("cannot record the outcome for intake " + id + ": " + changed.error());
  if (*changed == 0) {
    return core::Status::Fail("claim lost on intake " + id + " (attempt " + std::to_string(attempts) +
                              "): another sender or staff changed it");
  }
  return core::Ok{};
}

// Parks due rows that have no payload (the file was edited by hand): they can never be sent, and left
// pending they would keep the sender awake.
core::Status ParkRowsWithoutPayload(sql::Database& db, const std::string& now) {
  auto stmt = db.Prepare(
      "UPDATE outbox SET state = 'parked', next_attempt_at = NULL, last_error = 'payload missing' "
      "WHERE state IN ('pending', 'delivering') AND next_attempt_at <= ?1 AND payload IS NULL");
  if (!stmt) return stmt.problems();
  auto bound = stmt->Bind(1, now);
  if (!bound) return bound;
  return stmt->Run();
}

// The oldest due row of `kind` (see Outbox::Claim), with its attempts before this claim.
core::Result<std::optional<ClaimedIntake>> FindDue(sql::Database& db, const std::string& now,
                                                   std::string_view kind) {
  using R = core::Result<std::optional<ClaimedIntake>>;
  auto stmt = db.Prepare(
      "SELECT id, payload, kind, attempts FROM outbox "
      "WHERE state IN ('pending', 'delivering') AND next_attempt_at <= ?1 AND kind = ?2 "
      "ORDER BY created_at, rowid LIMIT 1");
  if (!stmt) return stmt.problems();
  for (auto bound : {stmt->Bind(1, now), stmt->Bind(2, kind)}) {
    if (!bound) return bound.problems();
  }
  auto row = stmt->Step();
  if (!row) return row.problems();
  if (!*row) return R(std::optional<ClaimedIntake>());
  return R(ClaimedIntake{stmt->Text(0), stmt->Text(1), stmt->Text(2), stmt->Int(3)});
}

}  // namespace

core::Result<std::unique_ptr<Outbox>> Outbox::Open(const std::filesystem::path& file) {
  using R = core::Result<std::unique_ptr<Outbox>>;
  auto db = sql::OpenPrivate(file, 0660);  // shared by the UI and the sender (one group)
  if (!db) return R::Fail("outbox " + file.string() + ": " + db.error());
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

core::Status Outbox::StopGrowing() {
  std::lock_guard lock(mutex_);
  auto pages = db_.QueryInt("PRAGMA page_count");
  if (!pages) return pages.problems();
  return db_.Exec("PRAGMA max_page_count = " + std::to_string(*pages));
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

// ---- The sender's side ----

core::Result<std::optional<ClaimedIntake>> Outbox::Claim(core::TimePoint now, core::Seconds lease,
                                                         bool demo) {
  using R = core::Result<std::optional<ClaimedIntake>>;
  if (lease <= core::Seconds::zero()) return R::Fail("a claim needs a positive lease");
  std::string at = core::ToRfc3339(now);

  std::lock_guard lock(mutex_);
  // BEGIN IMMEDIATE takes the write lock before the row is chosen: no other sender can choose it too.
  auto tx = sql::Transaction::Begin(db_);
  if (!tx) return tx.problems();
  auto parked = ParkRowsWithoutPayload(db_, at);
  if (!parked) return parked.problems();
  auto found = FindDue(db_, at, KindOf(demo));
  if (!found) return found;
  if (!found->has_value()) {
    auto committed = tx->Commit();  // keeps any rows parked above
    if (!committed) return committed.problems();
    return found;
  }
  ClaimedIntake claim = std::move(**found);
  auto stmt = db_.Prepare(
      "UPDATE outbox SET state = 'delivering', next_attempt_at = ?2, attempts = attempts + 1 WHERE id = ?1");
  if (!stmt) return stmt.problems();
  for (auto bound : {stmt->Bind(1, claim.id), stmt->Bind(2, core::ToRfc3339(now + lease))}) {
    if (!bound) return bound.problems();
  }
  auto ran = stmt->Run();
  if (!ran) return R::Fail("cannot claim intake " + claim.id + ": " + ran.error());
  auto committed = tx->Commit();
  if (!committed) return R::Fail("cannot commit claim of intake " + claim.id + ": " + committed.error());
  claim.attempts += 1;
  return R(std::optional<ClaimedIntake>(std::move(claim)));
}

core::Status Outbox::MarkDelivered(const std::string& id, std::int64_t attempts, core::TimePoint at) {
  std::lock_guard lock(mutex_);
  return UpdateClaimed(db_,
                       "UPDATE outbox SET state = 'delivered', delivered_at = ?3, next_attempt_at = NULL, "
                       "last_error = NULL WHERE id = ?1 AND state = 'delivering' AND attempts = ?2",
                       id, attempts, {core::ToRfc3339(at)});
}

core::Status Outbox::MarkRetry(const std::string& id, std::int64_t attempts, core::TimePoint next,
                               const std::string& reason) {
  std::lock_guard lock(mutex_);
  return UpdateClaimed(db_,
                       "UPDATE outbox SET state = 'pending', next_attempt_at = ?3, last_error = ?4 "
                       "WHERE id = ?1 AND state = 'delivering' AND attempts = ?2",
                       id, attempts, {core::ToRfc3339(next), ShortReason(reason)});
}

core::Status Outbox::MarkParked(const std::string& id, std::int64_t attempts, const std::string& reason) {
  std::lock_guard lock(mutex_);
  return UpdateClaimed(db_,
                       "UPDATE outbox SET state = 'parked', next_attempt_at = NULL, last_error = ?3 "
                       "WHERE id = ?1 AND state = 'delivering' AND attempts = ?2",
                       id, attempts, {ShortReason(reason)});
}

// Rows already due keep their place in the queue; delivering rows belong to a sender, delivered ones are
// done. attempts is left alone: it is the claim token and only ever grows.
core::Result<std::size_t> Outbox::RetryNow(const std::string& id, core::TimePoint now) {
  std::lock_guard lock(mutex_);
  return sql::UpdateRows(db_,
                         "UPDATE outbox SET state = 'pending', next_attempt_at = ?1 "
                         "WHERE (?2 = '' OR id = ?2) AND (state = 'parked' OR (state = 'pending' AND "
                         "(next_attempt_at IS NULL OR next_attempt_at > ?1)))",
                         {core::ToRfc3339(now), id});
}

// After an outage: rows waiting out their own backoff become due now, so they go oldest first.
core::Result<std::size_t> Outbox::WakeWaiting(core::TimePoint now, bool demo) {
  std::lock_guard lock(mutex_);
  return sql::UpdateRows(db_,
                         "UPDATE outbox SET next_attempt_at = ?1 "
                         "WHERE state = 'pending' AND next_attempt_at > ?1 AND kind = ?2",
                         {core::ToRfc3339(now), std::string(KindOf(demo))});
}

// A delivering row counts at its lease expiry: if its sender died, that is when the row is due again.
core::Result<std::optional<core::TimePoint>> Outbox::NextDue(bool demo) {
  using R = core::Result<std::optional<core::TimePoint>>;
  std::lock_guard lock(mutex_);
  auto stmt = db_.Prepare(
      "SELECT MIN(next_attempt_at) FROM outbox WHERE state IN ('pending', 'delivering') AND kind = ?1");
  if (!stmt) return stmt.problems();
  auto bound = stmt->Bind(1, KindOf(demo));
  if (!bound) return bound.problems();
  auto row = stmt->Step();
  if (!row) return row.problems();
  if (!*row || stmt->IsNull(0)) return R(std::optional<core::TimePoint>());
  auto due = core::ParseRfc3339(stmt->Text(0));
  if (!due) return R::Fail("the outbox holds a next_attempt_at that is not an RFC 3339 UTC time");
  return R(due);
}

// With secure_delete the freed bytes are zeroed in the database; the TRUNCATE checkpoint then drops the
// WAL frames that still held old copies of the pages. The checkpoint is best effort: if a reader keeps it
// from finishing, the old frames are overwritten as the WAL is reused.
core::Result<std::size_t> Outbox::PurgeDelivered(core::TimePoint cutoff) {
  std::lock_guard lock(mutex_);
  auto purged = sql::UpdateRows(db_,
                                "UPDATE outbox SET payload = NULL "
                                "WHERE state = 'delivered' AND delivered_at < ?1 AND payload IS NOT NULL",
                                {core::ToRfc3339(cutoff)});
  if (purged && *purged > 0) (void)db_.QueryInt("PRAGMA wal_checkpoint(TRUNCATE)");
  return purged;
}

core::Result<std::size_t> Outbox::PurgeLeads(core::TimePoint cutoff) {
  std::lock_guard lock(mutex_);
  auto purged = sql::UpdateRows(db_, "DELETE FROM outbox WHERE kind = 'demo' AND created_at < ?1",
                                {core::ToRfc3339(cutoff)});
  if (purged && *purged > 0) (void)db_.QueryInt("PRAGMA wal_checkpoint(TRUNCATE)");
  return purged;
}

}  // namespace store
