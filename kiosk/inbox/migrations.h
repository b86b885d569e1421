// Versioned schema migrations, one mechanism for both engines: a table schema_migrations holds each version
// applied; each migration is a numbered SQL text per engine (kiosk/inbox/migrations/ENGINE/NNNN_name.sql,
// built into the program). At start the pending ones run in order in one transaction; a database newer than
// the program is refused.
#pragma once

#include <string>
#include <vector>

#include "core/base/clock.h"
#include "inbox/db_connection.h"

namespace inbox {

struct MigrationText {
  int version = 0;
  std::string name, sql;
};

// The migrations of one engine, by version (generated from kiosk/inbox/migrations/).
const std::vector<MigrationText>& MigrationTexts(Engine engine);

// The newest version this program knows (the last migration's; the same for both engines).
int LatestSchemaVersion();

// Brings the database to LatestSchemaVersion(). `where` names it in errors (the file, or "the PostgreSQL
// database"). Several inboxes starting at once on one PostgreSQL database migrate one after the other.
core::Status Migrate(DbConnection& c, const std::string& where, core::TimePoint now);

// The version the database is at (0: none applied).
core::Result<int> SchemaVersion(DbConnection& c);

}  // namespace inbox
