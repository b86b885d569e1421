// The inbox's SQLite file (data_dir/inbox.sqlite): one durable connection (mode 0600, WAL,
// synchronous=FULL) shared by the HTTP threads under a mutex, and its tables.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>

#include "core/base/result.h"
#include "store/sqlite.h"

namespace inbox {

class InboxDb {
 public:
  static core::Result<std::unique_ptr<InboxDb>> Open(const std::filesystem::path& file);

  // The connection, for one operation at a time: hold the lock while using it.
  std::unique_lock<std::mutex> Lock() { return std::unique_lock(mutex_); }
  store::sql::Database& db() { return db_; }

 private:
  explicit InboxDb(store::sql::Database db) : db_(std::move(db)) {}
  std::mutex mutex_;
  store::sql::Database db_;
};

}  // namespace inbox
