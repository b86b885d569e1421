// Outbox migrations: step N takes the schema from version N-1 to N. Never edit a released step; append one.
#include "store/outbox_schema.h"

#include <iterator>
#include <string>

namespace store {

namespace {

// kSteps[i] takes the schema from version i to version i + 1.
constexpr const char* kSteps[] = {
    // Version 1: the outbox. payload may become NULL when a retention purge removes delivered intakes;
    // next_attempt_at doubles as the lease expiry of a row in state 'delivering'.
    R"sql(
      CREATE TABLE outbox (
        id              TEXT PRIMARY KEY NOT NULL,
        created_at      TEXT NOT NULL,
        kind            TEXT NOT NULL CHECK (kind IN ('intake', 'demo')),
        state           TEXT NOT NULL DEFAULT 'pending'
                          CHECK (state IN ('pending', 'delivering', 'delivered', 'parked')),
        attempts        INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        next_attempt_at TEXT,
        last_error      TEXT,
        delivered_at    TEXT,
        payload         TEXT
      );
      CREATE INDEX outbox_by_created ON outbox (created_at);
      CREATE INDEX outbox_by_due ON outbox (state, next_attempt_at);
    )sql",
    // Version 2: staff's "Test connection", asked for by the UI (which has no network) and answered by the
    // sender. kind/status/detail/date are the AttemptResult once state is 'done'.
    R"sql(
      CREATE TABLE connection_tests (
        id           TEXT PRIMARY KEY NOT NULL,
        requested_at TEXT NOT NULL,
        state        TEXT NOT NULL DEFAULT 'requested' CHECK (state IN ('requested', 'testing', 'done')),
        kind         INTEGER,
        status       INTEGER,
        detail       TEXT,
        date         TEXT,
        done_at      TEXT
      );
    )sql",
    // Version 3: content bundles published from the inbox. The sender records each bundle it fetched
    // ('fetched', its file beside the outbox) or refused; the UI installs it on the attract screen or
    // refuses it; staff roll it back. reported = 0 until the sender has told the inbox the latest state.
    // The content running is the newest 'installed' row (by installed_seq), else the packaged content.
    R"sql(
      CREATE TABLE content_bundles (
        id              TEXT PRIMARY KEY NOT NULL,
        content_id      TEXT NOT NULL,
        content_version TEXT NOT NULL,
        state           TEXT NOT NULL CHECK (state IN ('fetched', 'installed', 'refused', 'rolled_back')),
        detail          TEXT NOT NULL DEFAULT '',
        file            TEXT NOT NULL DEFAULT '',
        updated_at      TEXT NOT NULL,
        installed_seq   INTEGER NOT NULL DEFAULT 0,
        reported        INTEGER NOT NULL DEFAULT 0
      );
    )sql",
    // Version 4: the content the UI runs (one row, written by the UI at start and at each switch, roll
    // back or reload), so the sender's heartbeat names that content, not the content folder's.
    R"sql(
      CREATE TABLE running_content (
        one             INTEGER PRIMARY KEY NOT NULL CHECK (one = 1),
        content_id      TEXT NOT NULL,
        content_version TEXT NOT NULL,
        since           TEXT NOT NULL
      );
    )sql",
};

static_assert(std::size(kSteps) == kOutboxSchemaVersion, "one migration step per schema version");

core::Status ApplySteps(sql::Database& db, int from) {
  for (int version = from; version < kOutboxSchemaVersion; ++version) {
    auto applied = db.Exec(kSteps[version]);
    if (!applied) {
      return core::Status::Fail("outbox migration to version " + std::to_string(version + 1) +
                                " failed: " + applied.error());
    }
  }
  // PRAGMA does not take parameters; the value is our own constant.
  return db.Exec("PRAGMA user_version = " + std::to_string(kOutboxSchemaVersion));
}

}  // namespace

core::Status MigrateOutbox(sql::Database& db) {
  auto before = db.QueryInt("PRAGMA user_version");
  if (!before) return before.problems();
  if (*before == kOutboxSchemaVersion) return core::Ok{};

  auto tx = sql::Transaction::Begin(db);
  if (!tx) return tx.problems();
  auto version = db.QueryInt("PRAGMA user_version");  // again, under the write lock
  if (!version) return version.problems();
  if (*version > kOutboxSchemaVersion) {
    return core::Status::Fail("outbox schema version " + std::to_string(*version) +
                              " is newer than this kiosk understands (" +
                              std::to_string(kOutboxSchemaVersion) + "); install the newer kiosk");
  }
  if (*version < 0) return core::Status::Fail("outbox schema version is negative: not an outbox file");
  if (*version < kOutboxSchemaVersion) {
    auto applied = ApplySteps(db, static_cast<int>(*version));
    if (!applied) return applied;
  }
  return tx->Commit();
}

}  // namespace store
