// Applying the migrations. A SQLite file from before migrations (user_version 1 or 2, no schema_migrations)
// has its older shapes brought to the baseline first, then is recorded at version 1 like a new one.
#include "inbox/migrations.h"

#include <algorithm>

namespace inbox {
namespace {

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

core::Status SqliteFromBeforeMigrations(DbConnection& c) {
  auto old_devices = c.QueryInt(
      "SELECT (SELECT count(*) FROM pragma_table_info('devices')) > 0 AND "
      "(SELECT count(*) FROM pragma_table_info('devices') WHERE pk = 2) = 0");
  if (!old_devices) return old_devices.problems();
  // Version 1 had no content_known column (every intake then was checked against the one content). Told
  // apart by the column, as devices is by its key: a version 1 file may lack the intakes table altogether.
  auto old_intakes = c.QueryInt(
      "SELECT (SELECT count(*) FROM pragma_table_info('intakes')) > 0 AND "
      "(SELECT count(*) FROM pragma_table_info('intakes') WHERE name = 'content_known') = 0");
  if (!old_intakes) return old_intakes.problems();
  if (*old_devices) {
    if (auto done = c.Script(kDevicesByTokenAndUser); !done) return done;
  }
  if (*old_intakes) {
    if (auto done = c.Script("ALTER TABLE intakes ADD COLUMN content_known INTEGER NOT NULL DEFAULT 1");
        !done)
      return done;
  }
  return core::Ok{};
}

core::Status Newer(const std::string& where, long long version) {
  return core::Status::Fail(where + " is at schema version " + std::to_string(version) +
                            ", newer than this intake-inbox knows (" + std::to_string(LatestSchemaVersion()) +
                            "): it was written by a newer intake-inbox; run that one, or restore a backup");
}

}  // namespace

int LatestSchemaVersion() {
  const auto& texts = MigrationTexts(Engine::kSqlite);
  return texts.empty() ? 0 : texts.back().version;
}

core::Result<int> SchemaVersion(DbConnection& c) {
  auto version = c.QueryInt("SELECT COALESCE(max(version), 0) FROM schema_migrations");
  if (!version) return version.problems();
  return static_cast<int>(*version);
}

core::Status Migrate(DbConnection& c, const std::string& where, core::TimePoint now) {
  auto fail = [&where](const std::string& why) { return core::Status::Fail(where + ": " + why); };
  auto tx = SqlTransaction::Begin(c);
  if (!tx) return fail(tx.error());
  // Two inboxes starting together: the second waits here, then finds nothing left to do.
  if (c.engine() == Engine::kPostgresql) {
    if (auto locked = c.Query("SELECT pg_advisory_xact_lock(17017017)"); !locked) return fail(locked.error());
  }
  auto made = c.Script(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY NOT NULL, "
      "applied_at TEXT NOT NULL)");
  if (!made) return fail(made.error());
  auto current = SchemaVersion(c);
  if (!current) return fail(current.error());
  const int latest = LatestSchemaVersion();
  if (*current > latest) return Newer(where, *current);
  if (c.engine() == Engine::kSqlite) {
    // Before migrations the version was PRAGMA user_version (2 for the baseline); now it is latest + 1, so
    // an intake-inbox from before migrations refuses a file a later migration changed.
    auto user_version = c.QueryInt("PRAGMA user_version");
    if (!user_version) return fail(user_version.error());
    if (*user_version > latest + 1) return Newer(where, *user_version - 1);
    if (*current == 0) {
      if (auto upgraded = SqliteFromBeforeMigrations(c); !upgraded) return fail(upgraded.error());
    }
  }
  // Every migration not recorded yet, in order, even one numbered below the newest applied (two branches
  // each adding one: the later-landed lower number still runs).
  auto applied = c.Query("SELECT version FROM schema_migrations");
  if (!applied) return fail(applied.error());
  std::vector<std::string> done;
  for (const auto& row : *applied) done.push_back(row[0]);
  for (const MigrationText& m : MigrationTexts(c.engine())) {
    if (std::find(done.begin(), done.end(), std::to_string(m.version)) != done.end()) continue;
    if (auto ran = c.Script(m.sql); !ran)
      return fail("migration " + std::to_string(m.version) + " (" + m.name + ") failed: " + ran.error());
    auto recorded = c.Change("INSERT INTO schema_migrations (version, applied_at) VALUES (?1, ?2)",
                             {std::int64_t{m.version}, core::ToRfc3339(now)});
    if (!recorded) return fail(recorded.error());
  }
  if (c.engine() == Engine::kSqlite) {
    if (auto set = c.Script("PRAGMA user_version = " + std::to_string(latest + 1)); !set)
      return fail(set.error());
  }
  if (auto committed = tx->Commit(); !committed) return fail(committed.error());
  return core::Ok{};
}

}  // namespace inbox
