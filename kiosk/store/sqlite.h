// A small RAII wrapper over the SQLite C API: a connection, prepared statements and a transaction guard.
// Every failure comes back as a core::Result/Status carrying sqlite3_errmsg text; nothing throws.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.h"

struct sqlite3;
struct sqlite3_stmt;

namespace store::sql {

class Statement;

// One open connection. Move-only; closes on destruction. Use a connection from one thread at a time.
class Database {
 public:
  // flags are SQLITE_OPEN_* values, e.g. SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE.
  static core::Result<Database> Open(const std::filesystem::path& file, int flags);

  Database(Database&& other) noexcept;
  Database& operator=(Database&& other) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  ~Database();

  // Runs one or more statements that return no rows the caller needs (DDL, PRAGMA setters, BEGIN...).
  core::Status Exec(const std::string& sql);
  core::Result<Statement> Prepare(std::string_view sql);

  // Convenience for single-value queries such as "PRAGMA journal_mode": the first column of the first row.
  core::Result<std::string> QueryText(std::string_view sql);
  core::Result<std::int64_t> QueryInt(std::string_view sql);

  // Rows changed by the most recent INSERT/UPDATE/DELETE on this connection.
  int Changes() const;
  // "CONTEXT: sqlite message" for the connection's most recent error.
  std::string Error(std::string_view context) const;
  sqlite3* handle() const { return db_; }

 private:
  explicit Database(sqlite3* db) : db_(db) {}
  sqlite3* db_ = nullptr;
};

// Opens a database holding personal data, durable and private: journal_mode=WAL, synchronous=FULL,
// foreign_keys=ON, secure_delete=ON, busy_timeout=5000. A missing file is created with exactly `mode`
// (whatever the umask): 0600 for one program's own data, 0660 for the outbox, which the UI and the sender
// (two users in one group) share. SQLite gives its -wal and -shm files the database's mode.
core::Result<Database> OpenPrivate(const std::filesystem::path& file, unsigned mode = 0600);

// A prepared statement. Parameters are 1-based (SQLite's convention), columns 0-based.
class Statement {
 public:
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  core::Status Bind(int index, std::string_view text);
  core::Status Bind(int index, std::int64_t value);
  core::Status BindNull(int index);

  // true: a row is ready to read; false: the statement is done.
  core::Result<bool> Step();
  // Step() for statements that return no rows: fails if the statement did not run to completion.
  core::Status Run();
  // Ready to run again with new bindings.
  void Reset();

  int ColumnCount() const;
  bool IsNull(int column) const;
  std::string Text(int column) const;  // "" for NULL
  std::optional<std::string> OptionalText(int column) const;
  std::int64_t Int(int column) const;

 private:
  friend class Database;
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  core::Status Check(int rc, std::string_view what) const;
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

// BEGIN IMMEDIATE on construction; ROLLBACK on destruction unless Commit() succeeded.
class Transaction {
 public:
  static core::Result<Transaction> Begin(Database& db);

  Transaction(Transaction&& other) noexcept;
  Transaction& operator=(Transaction&&) = delete;
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();

  core::Status Commit();

 private:
  explicit Transaction(Database* db) : db_(db) {}
  Database* db_ = nullptr;  // null once committed, rolled back or moved from
};

// One bound parameter of UpdateRows: text, or an integer.
struct Param {
  Param(const std::string& text) : text(text) {}
  Param(std::int64_t number) : is_number(true), number(number) {}
  std::string_view text;
  bool is_number = false;
  std::int64_t number = 0;
};

// Runs one UPDATE/INSERT/DELETE, binding `params` from ?1 in order, in its own transaction; returns the
// rows it changed.
core::Result<std::size_t> UpdateRows(Database& db, std::string_view update, const std::vector<Param>& params);

}  // namespace store::sql
