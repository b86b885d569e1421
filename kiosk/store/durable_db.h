// Opening a SQLite file that holds personal data: created with mode 0600, WAL, synchronous=FULL,
// foreign keys, secure_delete and a busy timeout. Used by the outbox and the intake inbox.
#pragma once

#include <filesystem>

#include "core/result.h"
#include "store/sqlite.h"

namespace store {

core::Result<sql::Database> OpenDurable(const std::filesystem::path& file);

}  // namespace store
