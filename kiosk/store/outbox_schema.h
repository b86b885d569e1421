// The outbox's table layout and its migrations, tracked by PRAGMA user_version.
#pragma once

#include "core/base/result.h"
#include "store/sqlite.h"

namespace store {

// The schema version this build writes. Raise it by appending a step in outbox_schema.cpp.
inline constexpr int kOutboxSchemaVersion = 4;

// Brings the database up to kOutboxSchemaVersion inside one BEGIN IMMEDIATE transaction, so two processes
// opening the same file at once (the UI and the sender) migrate it once. Refuses a file written by a newer
// build rather than guess at columns it does not know.
core::Status MigrateOutbox(sql::Database& db);

}  // namespace store
