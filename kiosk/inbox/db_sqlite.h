// The SQLite engine of the inbox's database: one durable private connection (data_dir/inbox.sqlite, mode
// 0600, WAL, synchronous=FULL, secure_delete) behind DbConnection.
#pragma once

#include <filesystem>

#include "inbox/db_connection.h"
#include "store/sqlite.h"

namespace inbox {

class SqliteConnection final : public DbConnection {
 public:
  static core::Result<std::unique_ptr<SqliteConnection>> Open(const std::filesystem::path& file);

  Engine engine() const override { return Engine::kSqlite; }
  core::Result<SqlRows> Query(std::string_view sql, const SqlParams& params) override;
  core::Result<std::int64_t> Change(std::string_view sql, const SqlParams& params) override;
  core::Status Script(const std::string& sql) override;
  core::Status Begin() override;
  core::Status Commit() override;
  void Rollback() override;
  core::Status LockTable(const std::string&) override { return core::Ok{}; }
  core::Status ReclaimDeleted() override;

  // The SQLite connection itself (its own checks: PRAGMAs, a file from before migrations).
  store::sql::Database& sqlite() { return db_; }

 private:
  explicit SqliteConnection(store::sql::Database db) : db_(std::move(db)) {}
  core::Result<store::sql::Statement> Prepared(std::string_view sql, const SqlParams& params);
  store::sql::Database db_;
};

}  // namespace inbox
