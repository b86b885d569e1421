// The PostgreSQL engine of the inbox's database (libpqxx): one libpq connection behind DbConnection, made
// again on its next use when the server went away (a restart, a standby promoted).
#pragma once

#include <memory>
#include <string>

#include "inbox/db_connection.h"

namespace inbox {

class PostgresqlConnection final : public DbConnection {
 public:
  // conninfo: a libpq connection string ("host=/run/postgresql dbname=inbox", "postgresql://...").
  static core::Result<std::unique_ptr<PostgresqlConnection>> Open(const std::string& conninfo);
  ~PostgresqlConnection() override;

  Engine engine() const override { return Engine::kPostgresql; }
  core::Result<SqlRows> Query(std::string_view sql, const SqlParams& params) override;
  core::Result<std::int64_t> Change(std::string_view sql, const SqlParams& params) override;
  core::Status Script(const std::string& sql) override;
  core::Status Begin() override;
  core::Status Commit() override;
  void Rollback() override;
  core::Status LockTable(const std::string& table) override;
  core::Status ReclaimDeleted() override;

 private:
  struct State;
  explicit PostgresqlConnection(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace inbox
