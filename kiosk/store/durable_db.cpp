// Durable, private SQLite files: the mode is set before SQLite first creates the file.
#include "store/durable_db.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace store {
namespace {

// Creates the file with mode 0600 if it is missing, so SQLite (and its -wal and -shm files, which copy the
// database's mode) never make personal data world-readable. An existing file keeps its mode.
core::Status CreatePrivateFile(const std::filesystem::path& file) {
  int fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) return core::Status::Fail("cannot create " + file.string() + ": " + std::strerror(errno));
  ::close(fd);
  return core::Ok{};
}

core::Status Configure(sql::Database& db) {
  if (sqlite3_busy_timeout(db.handle(), 5000) != SQLITE_OK)
    return core::Status::Fail(db.Error("busy_timeout"));
  // The first read of the file: a file that is not a database fails here.
  auto mode = db.QueryText("PRAGMA journal_mode = WAL");
  if (!mode) return core::Status::Fail("cannot set journal_mode=WAL: " + mode.error());
  if (*mode != "wal") {
    return core::Status::Fail("needs journal_mode=WAL but SQLite kept '" + *mode +
                              "' (is the data dir on a file system without shared memory?)");
  }
  // secure_delete: deleted personal data is overwritten with zeros, not left in free space.
  return db.Exec("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON;");
}

}  // namespace

core::Result<sql::Database> OpenDurable(const std::filesystem::path& file) {
  auto created = CreatePrivateFile(file);
  if (!created) return created.problems();
  auto db = sql::Database::Open(file, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX);
  if (!db) return db.problems();
  auto configured = Configure(*db);
  if (!configured) return core::Result<sql::Database>::Fail(file.string() + ": " + configured.error());
  return db;
}

}  // namespace store
