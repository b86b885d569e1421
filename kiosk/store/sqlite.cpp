// The SQLite wrapper: turns return codes into core::Result values with sqlite3_errmsg text.
#include "store/sqlite.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

namespace store::sql {

namespace {

std::string Message(sqlite3* db, std::string_view context) {
  std::string out(context);
  out += ": ";
  out += db ? sqlite3_errmsg(db) : "no database connection";
  return out;
}

}  // namespace

// ---- Database ----

core::Result<Database> Database::Open(const std::filesystem::path& file, int flags) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(file.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string why = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close(db);  // a handle is allocated even when opening fails; closing null is a no-op
    return core::Result<Database>::Fail("cannot open database " + file.string() + ": " + why);
  }
  sqlite3_extended_result_codes(db, 1);
  return Database(db);
}

namespace {

// Creates the file with `mode` if it is missing, so SQLite (and its -wal and -shm files, which copy the
// database's mode) never make personal data world-readable. An existing file keeps its mode.
core::Status CreatePrivateFile(const std::filesystem::path& file, unsigned mode) {
  int fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, mode);
  if (fd >= 0) {
    bool exact = ::fchmod(fd, mode) == 0;  // the umask may have taken bits away (0660 under umask 022)
    ::close(fd);
    if (!exact)
      return core::Status::Fail("cannot set the mode of " + file.string() + ": " + std::strerror(errno));
    return core::Ok{};
  }
  if (errno == EEXIST) return core::Ok{};
  return core::Status::Fail("cannot create database file " + file.string() + ": " + std::strerror(errno));
}

core::Status Configure(Database& db) {
  if (sqlite3_busy_timeout(db.handle(), 5000) != SQLITE_OK)
    return core::Status::Fail(db.Error("busy_timeout"));
  // The first read of the file: a file that is not a database fails here.
  auto mode = db.QueryText("PRAGMA journal_mode = WAL");
  if (!mode) return core::Status::Fail("cannot set journal_mode=WAL: " + mode.error());
  if (*mode != "wal") {
    return core::Status::Fail("the database needs journal_mode=WAL but SQLite kept '" + *mode +
                              "' (is the data dir on a file system without shared memory?)");
  }
  // secure_delete: deleted personal data is overwritten with zeros, not left in free space.
  return db.Exec("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON;");
}

}  // namespace

core::Result<Database> OpenPrivate(const std::filesystem::path& file, unsigned mode) {
  auto created = CreatePrivateFile(file, mode);
  if (!created) return created.problems();
  auto db = Database::Open(file, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX);
  if (!db) return db.problems();
  auto configured = Configure(*db);
  if (!configured) return configured.problems();
  return db;
}

Database::Database(Database&& other) noexcept : db_(std::exchange(other.db_, nullptr)) {}

Database& Database::operator=(Database&& other) noexcept {
  if (this != &other) {
    sqlite3_close_v2(db_);
    db_ = std::exchange(other.db_, nullptr);
  }
  return *this;
}

Database::~Database() {
  sqlite3_close_v2(db_);
}

core::Status Database::Exec(const std::string& sql) {
  char* err = nullptr;
  int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err);
  if (rc == SQLITE_OK) return core::Ok{};
  std::string why = err ? err : sqlite3_errstr(rc);
  sqlite3_free(err);
  return core::Status::Fail("sqlite exec failed: " + why);
}

core::Result<Statement> Database::Prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_finalize(stmt);
    return core::Result<Statement>::Fail(Message(db_, "cannot prepare statement"));
  }
  if (stmt == nullptr) return core::Result<Statement>::Fail("cannot prepare statement: empty SQL");
  return Statement(db_, stmt);
}

core::Result<std::string> Database::QueryText(std::string_view sql) {
  auto stmt = Prepare(sql);
  if (!stmt) return stmt.problems();
  auto row = stmt->Step();
  if (!row) return row.problems();
  if (!*row) return core::Result<std::string>::Fail("query returned no rows: " + std::string(sql));
  return stmt->Text(0);
}

core::Result<std::int64_t> Database::QueryInt(std::string_view sql) {
  auto stmt = Prepare(sql);
  if (!stmt) return stmt.problems();
  auto row = stmt->Step();
  if (!row) return row.problems();
  if (!*row) return core::Result<std::int64_t>::Fail("query returned no rows: " + std::string(sql));
  return stmt->Int(0);
}

int Database::Changes() const {
  return sqlite3_changes(db_);
}

std::string Database::Error(std::string_view context) const {
  return Message(db_, context);
}

// ---- Statement ----

Statement::Statement(Statement&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)), stmt_(std::exchange(other.stmt_, nullptr)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(stmt_);
    db_ = std::exchange(other.db_, nullptr);
    stmt_ = std::exchange(other.stmt_, nullptr);
  }
  return *this;
}

Statement::~Statement() {
  sqlite3_finalize(stmt_);
}

core::Status Statement::Check(int rc, std::string_view what) const {
  if (rc == SQLITE_OK) return core::Ok{};
  return core::Status::Fail(Message(db_, what));
}

core::Status Statement::Bind(int index, std::string_view text) {
  return Check(sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8),
               "cannot bind text parameter " + std::to_string(index));
}

core::Status Statement::Bind(int index, std::int64_t value) {
  return Check(sqlite3_bind_int64(stmt_, index, value),
               "cannot bind integer parameter " + std::to_string(index));
}

core::Status Statement::BindNull(int index) {
  return Check(sqlite3_bind_null(stmt_, index), "cannot bind null parameter " + std::to_string(index));
}

core::Result<bool> Statement::Step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return core::Result<bool>::Fail(Message(db_, "sqlite step failed"));
}

core::Status Statement::Run() {
  auto row = Step();
  if (!row) return row.problems();
  if (*row) return core::Status::Fail("statement returned rows where none were expected");
  return core::Ok{};
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

bool Statement::IsNull(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

std::string Statement::Text(int column) const {
  const unsigned char* text = sqlite3_column_text(stmt_, column);  // before column_bytes, as documented
  int size = sqlite3_column_bytes(stmt_, column);
  if (text == nullptr) return std::string();
  return std::string(reinterpret_cast<const char*>(text), static_cast<size_t>(size));
}

std::optional<std::string> Statement::OptionalText(int column) const {
  if (IsNull(column)) return std::nullopt;
  return Text(column);
}

int Statement::ColumnCount() const {
  return sqlite3_column_count(stmt_);
}

std::int64_t Statement::Int(int column) const {
  return sqlite3_column_int64(stmt_, column);
}

// ---- Transaction ----

core::Result<Transaction> Transaction::Begin(Database& db) {
  auto begun = db.Exec("BEGIN IMMEDIATE");
  if (!begun) return begun.problems();
  return Transaction(&db);
}

Transaction::Transaction(Transaction&& other) noexcept : db_(std::exchange(other.db_, nullptr)) {}

Transaction::~Transaction() {
  // A failed COMMIT (disk full, I/O error) may already have rolled back; only roll back what is still open.
  if (db_ != nullptr && sqlite3_get_autocommit(db_->handle()) == 0) {
    sqlite3_exec(db_->handle(), "ROLLBACK", nullptr, nullptr, nullptr);
  }
}

core::Status Transaction::Commit() {
  if (db_ == nullptr) return core::Status::Fail("transaction already finished");
  auto committed = db_->Exec("COMMIT");
  if (committed) db_ = nullptr;
  return committed;
}

core::Result<std::size_t> UpdateRows(Database& db, std::string_view update,
                                     const std::vector<Param>& params) {
  auto tx = Transaction::Begin(db);
  if (!tx) return tx.problems();
  auto stmt = db.Prepare(update);
  if (!stmt) return stmt.problems();
  int index = 1;
  for (const Param& p : params) {
    auto bound = p.is_number ? stmt->Bind(index, p.number) : stmt->Bind(index, p.text);
    if (!bound) return bound.problems();
    ++index;
  }
  auto ran = stmt->Run();
  if (!ran) return ran.problems();
  auto changed = static_cast<std::size_t>(std::max(0, db.Changes()));
  auto committed = tx->Commit();
  if (!committed) return committed.problems();
  return changed;
}

}  // namespace store::sql
