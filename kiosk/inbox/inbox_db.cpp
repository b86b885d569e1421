// The inbox schema. intakes keeps each body exactly as received (the idempotency comparison) next to the
// intake view the staff pages read, and whether the inbox knew its content version (else kept apart); staff
// tables hold users, sessions, failed sign-ins (bounded: names as digests, rows expiring, a cap), the
// browsers each user signed in from (one browser can be known for several users), and the audit log.
#include "inbox/inbox_db.h"

#include "store/sqlite.h"

namespace inbox {
namespace {

constexpr int kSchemaVersion = 2;

constexpr const char* kSchema = R"sql(
  CREATE TABLE IF NOT EXISTS intakes (
    id            TEXT PRIMARY KEY NOT NULL,
    received_at   TEXT NOT NULL,
    kiosk_id      TEXT NOT NULL,
    format        TEXT NOT NULL CHECK (format IN ('intake-json', 'fhir-r4')),
    body          TEXT NOT NULL,
    intake        TEXT NOT NULL,
    submitted_at  TEXT NOT NULL,
    client_name   TEXT NOT NULL,
    top_tier      TEXT,
    flag_count    INTEGER NOT NULL,
    demo          INTEGER NOT NULL,
    reviewed_by   TEXT,
    reviewed_at   TEXT,
    content_known INTEGER NOT NULL DEFAULT 1
  );
  CREATE INDEX IF NOT EXISTS intakes_by_submitted ON intakes (submitted_at);
  CREATE TABLE IF NOT EXISTS users (
    name          TEXT PRIMARY KEY NOT NULL,
    password_hash TEXT NOT NULL,
    created_at    TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS sessions (
    token_hash    TEXT PRIMARY KEY NOT NULL,
    user          TEXT NOT NULL REFERENCES users (name) ON DELETE CASCADE,
    csrf          TEXT NOT NULL,
    expires_at    TEXT NOT NULL
  );
  DROP TABLE IF EXISTS login_failures;
  CREATE TABLE IF NOT EXISTS sign_in_failures (
    at            TEXT NOT NULL,
    address       TEXT NOT NULL,
    name_digest   TEXT NOT NULL,
    device_digest TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS sign_in_failures_by_at ON sign_in_failures (at);
  CREATE TABLE IF NOT EXISTS devices (
    token_hash    TEXT NOT NULL,
    user          TEXT NOT NULL,
    expires_at    TEXT NOT NULL,
    PRIMARY KEY (token_hash, user)
  );
  CREATE TABLE IF NOT EXISTS audit (
    at            TEXT NOT NULL,
    user          TEXT NOT NULL,
    action        TEXT NOT NULL,
    intake_ids    TEXT NOT NULL
  );
)sql";

// Known browsers were first keyed on the token alone (one browser known for one user only): rekeyed on
// (token, user), rows kept. Told apart by the table's key, not user_version.
constexpr const char* kDevicesByTokenAndUser = R"sql(
  CREATE TABLE devices_v2 (
    token_hash    TEXT NOT NULL,
    user          TEXT NOT NULL,
    expires_at    TEXT NOT NULL,
    PRIMARY KEY (token_hash, user)
  );
  INSERT INTO devices_v2 (token_hash, user, expires_at) SELECT token_hash, user, expires_at FROM devices;
  DROP TABLE devices;
  ALTER TABLE devices_v2 RENAME TO devices;
)sql";

}  // namespace

core::Result<std::unique_ptr<InboxDb>> InboxDb::Open(const std::filesystem::path& file) {
  using R = core::Result<std::unique_ptr<InboxDb>>;
  auto db = store::sql::OpenPrivate(file);
  if (!db) return R::Fail("inbox database: " + db.error());
  auto version = db->QueryInt("PRAGMA user_version");
  if (!version) return R::Fail("inbox database " + file.string() + ": " + version.error());
  if (*version > kSchemaVersion)
    return R::Fail("inbox database " + file.string() + " was written by a newer intake-inbox");
  auto tx = store::sql::Transaction::Begin(*db);
  if (!tx) return tx.problems();
  auto old_devices = db->QueryInt(
      "SELECT (SELECT count(*) FROM pragma_table_info('devices')) > 0 AND "
      "(SELECT count(*) FROM pragma_table_info('devices') WHERE pk = 2) = 0");
  if (!old_devices) return R::Fail("inbox database " + file.string() + ": " + old_devices.error());
  // Version 1 had no content_known column (every intake then was checked against the one content). Told
  // apart by the column, as devices is by its key: a version 1 file may lack the intakes table altogether.
  auto old_intakes = db->QueryInt(
      "SELECT (SELECT count(*) FROM pragma_table_info('intakes')) > 0 AND "
      "(SELECT count(*) FROM pragma_table_info('intakes') WHERE name = 'content_known') = 0");
  if (!old_intakes) return R::Fail("inbox database " + file.string() + ": " + old_intakes.error());
  const std::string upgrade =
      *old_intakes ? "ALTER TABLE intakes ADD COLUMN content_known INTEGER NOT NULL DEFAULT 1;" : "";
  auto made = db->Exec(std::string(*old_devices ? kDevicesByTokenAndUser : "") + kSchema + upgrade +
                       "PRAGMA user_version = " + std::to_string(kSchemaVersion) + ";");
  if (!made) return R::Fail("inbox database " + file.string() + ": " + made.error());
  auto committed = tx->Commit();
  if (!committed) return committed.problems();
  return std::unique_ptr<InboxDb>(new InboxDb(std::move(*db)));
}

}  // namespace inbox
