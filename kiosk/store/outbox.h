// The durable outbox: every submitted intake is committed here (WAL, synchronous=FULL) before the client
// sees "Thank you", and waits here until the sender has delivered it.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "store/outbox_row.h"
#include "store/sqlite.h"

namespace store {

// The connection settings as SQLite reports them, for tests and `kiosk outbox` diagnostics.
struct OutboxSettings {
  std::string journal_mode;  // "wal"
  int synchronous = 0;       // 2 = FULL
  bool foreign_keys = false;
  int busy_timeout_ms = 0;
  int schema_version = 0;  // PRAGMA user_version
};

// Limits Put enforces, so a runaway payload or an id unsafe to print never reaches the queue.
inline constexpr std::size_t kMaxIntakeIdBytes = 128;
inline constexpr std::size_t kMaxPayloadBytes = 16 * 1024 * 1024;

// One connection to the outbox file. Safe to share between threads (calls are serialised); the UI and the
// sender may also each open their own Outbox on the same file, in one process or two.
//
// Next issue (the sender), planned on this schema without new columns:
//   Claim(now, lease)              pending rows with next_attempt_at <= now, and delivering rows whose lease
//                                  (next_attempt_at) has expired, become 'delivering' with
//                                  next_attempt_at = now + lease, attempts + 1; returns {id, payload}.
//   MarkDelivered(id, at)          state 'delivered', delivered_at = at, last_error NULL.
//   MarkRetry(id, at, reason)      state 'pending', next_attempt_at = at, last_error = reason.
//   MarkParked(id, reason)         state 'parked', next_attempt_at NULL, last_error = reason.
// Each is one UPDATE in a Transaction; a new column is a new step in outbox_schema.cpp.
class Outbox {
 public:
  // Opens or creates the outbox database at `file`. The directory must already exist (the caller owns the
  // data dir). A new file is created with mode 0600: payloads are personal data. Sets journal_mode=WAL,
  // synchronous=FULL, foreign_keys=ON, busy_timeout=5000 and migrates the schema.
  static core::Result<std::unique_ptr<Outbox>> Open(const std::filesystem::path& file);

  // Queues one intake. Returns only after COMMIT (durable with synchronous=FULL).
  // Idempotent on `id`: putting an id that is already queued succeeds and changes nothing, so ten quick
  // taps on Submit make one row. If the same id arrives with a different payload, the first committed
  // payload wins and the call still succeeds: an intake id names one visit, and the first commit is the
  // one the client was thanked for.
  // `id`: 1..kMaxIntakeIdBytes of [A-Za-z0-9._:-] (safe in logs and HTTP headers).
  // `payload_json`: a JSON object, at most kMaxPayloadBytes.
  core::Status Put(const std::string& id, const std::string& payload_json, core::TimePoint created,
                   bool demo);

  // Rows newest first (by created_at), without payloads.
  core::Result<std::vector<OutboxRow>> List(std::size_t limit = 200);

  // The payload of one intake; nullopt if the id is unknown or its payload was purged.
  core::Result<std::optional<std::string>> Payload(const std::string& id);

  core::Result<OutboxCounts> Counts();

  core::Result<OutboxSettings> Settings();

 private:
  explicit Outbox(sql::Database db) : db_(std::move(db)) {}

  std::mutex mutex_;
  sql::Database db_;
};

}  // namespace store
