// DbConnection on SQLite: statements prepared and bound through store::sql.
#include "inbox/db_sqlite.h"

#include <sqlite3.h>

#include <memory>

namespace inbox {

core::Result<std::unique_ptr<SqliteConnection>> SqliteConnection::Open(const std::filesystem::path& file) {
  auto db = store::sql::OpenPrivate(file);
  if (!db) return db.problems();
  return std::unique_ptr<SqliteConnection>(new SqliteConnection(std::move(*db)));
}

core::Result<store::sql::Statement> SqliteConnection::Prepared(std::string_view sql,
                                                               const SqlParams& params) {
  auto stmt = db_.Prepare(sql);
  if (!stmt) return stmt.problems();
  int index = 1;
  for (const SqlParam& p : params) {
    auto bound = std::holds_alternative<std::int64_t>(p) ? stmt->Bind(index, std::get<std::int64_t>(p))
                                                         : stmt->Bind(index, std::get<std::string>(p));
    if (!bound) return bound.problems();
    ++index;
  }
  return stmt;
}

core::Result<SqlRows> SqliteConnection::Query(std::string_view sql, const SqlParams& params) {
  auto stmt = Prepared(sql, params);
  if (!stmt) return stmt.problems();
  const int columns = stmt->ColumnCount();
  SqlRows rows;
  for (;;) {
    auto row = stmt->Step();
    if (!row) return row.problems();
    if (!*row) return rows;
    SqlRow values;
    values.reserve(static_cast<size_t>(columns));
    for (int i = 0; i < columns; ++i) values.push_back(stmt->Text(i));
    rows.push_back(std::move(values));
  }
}

core::Result<std::int64_t> SqliteConnection::Change(std::string_view sql, const SqlParams& params) {
  auto stmt = Prepared(sql, params);
  if (!stmt) return stmt.problems();
  if (auto ran = stmt->Run(); !ran) return ran.problems();
  return static_cast<std::int64_t>(db_.Changes());
}

core::Status SqliteConnection::Script(const std::string& sql) {
  return db_.Exec(sql);
}

core::Status SqliteConnection::Begin() {
  return db_.Exec("BEGIN IMMEDIATE");
}

core::Status SqliteConnection::Commit() {
  auto committed = db_.Exec("COMMIT");
  if (!committed) Rollback();
  return committed;
}

void SqliteConnection::Rollback() {
  // A failed COMMIT (disk full, I/O error) may already have rolled back; only roll back what is still open.
  if (sqlite3_get_autocommit(db_.handle()) == 0)
    sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

core::Status SqliteConnection::ReclaimDeleted() {
  auto busy = db_.QueryInt("PRAGMA wal_checkpoint(TRUNCATE)");
  if (!busy) return core::Status::Fail("the write-ahead log was not truncated: " + busy.error());
  if (*busy != 0) return core::Status::Fail("the write-ahead log was not truncated: another reader holds it");
  return core::Ok{};
}

}  // namespace inbox
