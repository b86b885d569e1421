// One connection to the inbox's database, whichever engine holds it (SQLite or PostgreSQL): statements with
// parameters ?1, ?2... (text or integer), rows read as text, write transactions. The stores write their SQL
// once for both engines; what differs between them is behind this interface (db_sqlite, db_postgresql).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/base/result.h"

namespace inbox {

using SqlParam = std::variant<std::string, std::int64_t>;
using SqlParams = std::vector<SqlParam>;
using SqlRow = std::vector<std::string>;  // every value as text; NULL as ""
using SqlRows = std::vector<SqlRow>;

enum class Engine { kSqlite, kPostgresql };

class DbConnection {
 public:
  virtual ~DbConnection() = default;
  virtual Engine engine() const = 0;

  // Runs one statement binding `params` from ?1; answers its rows (a RETURNING clause's too).
  virtual core::Result<SqlRows> Query(std::string_view sql, const SqlParams& params = {}) = 0;
  // Runs one INSERT, UPDATE or DELETE binding `params` from ?1; answers how many rows it changed.
  virtual core::Result<std::int64_t> Change(std::string_view sql, const SqlParams& params = {}) = 0;
  // Runs several statements without parameters (a migration's text).
  virtual core::Status Script(const std::string& sql) = 0;

  // A write transaction: SQLite's BEGIN IMMEDIATE (the file's one writer), PostgreSQL's READ COMMITTED.
  virtual core::Status Begin() = 0;
  virtual core::Status Commit() = 0;
  virtual void Rollback() = 0;
  // Inside a transaction: no other connection writes `table` until it ends (SQLite: BEGIN IMMEDIATE holds
  // the whole file already; PostgreSQL: LOCK TABLE ... SHARE ROW EXCLUSIVE).
  virtual core::Status LockTable(const std::string& table) = 0;
  // After deleting intakes: makes the engine let go of their old copies where it can. SQLite: the
  // write-ahead log copied back and cut to nothing (fails when a reader holds it). PostgreSQL: VACUUM of
  // intakes, so their space is reused (the bytes stay in the data files until overwritten).
  virtual core::Status ReclaimDeleted() = 0;

  // Shorthand: the first column of the first row as an integer (0 when no row).
  core::Result<std::int64_t> QueryInt(std::string_view sql, const SqlParams& params = {});
};

// Begin on construction; Rollback on destruction unless Commit() succeeded.
class SqlTransaction {
 public:
  static core::Result<SqlTransaction> Begin(DbConnection& c);
  SqlTransaction(SqlTransaction&& other) noexcept : c_(other.c_) { other.c_ = nullptr; }
  SqlTransaction& operator=(SqlTransaction&&) = delete;
  SqlTransaction(const SqlTransaction&) = delete;
  SqlTransaction& operator=(const SqlTransaction&) = delete;
  ~SqlTransaction();
  core::Status Commit();

 private:
  explicit SqlTransaction(DbConnection* c) : c_(c) {}
  DbConnection* c_;
};

}  // namespace inbox
