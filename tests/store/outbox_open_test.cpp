// Integration tests: opening the outbox file, its durable settings, and opening failures as error values.
#include <doctest/doctest.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <string>

#include "store/outbox.h"
#include "store/outbox_schema.h"
#include "store/sqlite.h"
#include "temp_dir.h"

using store::Outbox;
using store_test::TempDir;

TEST_CASE("the outbox runs in WAL mode with synchronous FULL") {
  TempDir dir;
  auto outbox = Outbox::Open(dir.File("outbox.db"));
  REQUIRE_MESSAGE(outbox.ok(), outbox.error());
  auto settings = (*outbox)->Settings();
  REQUIRE(settings.ok());
  CHECK(settings->journal_mode == "wal");
  CHECK(settings->synchronous == 2);  // FULL
  CHECK(settings->foreign_keys);
  CHECK(settings->busy_timeout_ms == 5000);
  CHECK(settings->schema_version == store::kOutboxSchemaVersion);

  // WAL is a property of the file: a separate plain connection sees it too.
  auto raw = store::sql::Database::Open(dir.File("outbox.db"), SQLITE_OPEN_READONLY);
  REQUIRE(raw.ok());
  CHECK(raw->QueryText("PRAGMA journal_mode").value() == "wal");
  CHECK(raw->QueryInt("PRAGMA user_version").value() == store::kOutboxSchemaVersion);
}

TEST_CASE("a new outbox file is readable by its owner and group only, whatever the umask") {
  TempDir dir;
  mode_t old = ::umask(022);  // as under runuser: 0660 must not become 0640 (the sender could not write)
  auto outbox = Outbox::Open(dir.File("outbox.db"));
  REQUIRE(outbox.ok());
  REQUIRE((*outbox)->Put("intake-1", R"({"a":1})", store_test::At(0), false).ok());
  for (const char* name : {"outbox.db", "outbox.db-wal", "outbox.db-shm"}) {
    struct stat st {};
    REQUIRE(::stat(dir.File(name).c_str(), &st) == 0);
    CHECK_MESSAGE((st.st_mode & 0777) == 0660, name);
  }
  ::umask(old);
}

TEST_CASE("opening in a directory that does not exist is an error value") {
  TempDir dir;
  auto outbox = Outbox::Open(dir.File("missing") / "outbox.db");
  REQUIRE_FALSE(outbox.ok());
  CHECK(outbox.error().find("outbox.db") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir.File("missing")));  // Open never makes the data dir
}

TEST_CASE("opening under a path whose parent is a file is an error value") {
  TempDir dir;
  std::ofstream(dir.File("plain-file")) << "not a directory";
  auto outbox = Outbox::Open(dir.File("plain-file") / "outbox.db");
  CHECK_FALSE(outbox.ok());
}

TEST_CASE("opening a directory as the outbox file is an error value") {
  TempDir dir;
  std::filesystem::create_directory(dir.File("outbox.db"));
  auto outbox = Outbox::Open(dir.File("outbox.db"));
  CHECK_FALSE(outbox.ok());
}

TEST_CASE("opening a file that is not a database is an error value") {
  TempDir dir;
  std::ofstream(dir.File("outbox.db")) << std::string(4096, 'x');
  auto outbox = Outbox::Open(dir.File("outbox.db"));
  REQUIRE_FALSE(outbox.ok());
  CHECK(outbox.error().find("not a database") != std::string::npos);
}

TEST_CASE("opening in an unwritable directory is an error value") {
  TempDir dir;
  auto locked = dir.File("locked");
  std::filesystem::create_directory(locked);
  std::filesystem::permissions(locked,
                               std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec);
  if (::geteuid() != 0) {
    auto outbox = Outbox::Open(locked / "outbox.db");
    CHECK_FALSE(outbox.ok());
  } else {
    // Root ignores directory permissions: try as an unprivileged user in a child process.
    pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
      if (::setgid(65534) != 0 || ::setuid(65534) != 0) ::_exit(3);
      auto outbox = Outbox::Open(locked / "outbox.db");
      ::_exit(outbox.ok() ? 1 : (outbox.error().empty() ? 2 : 0));
    }
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
  }
  std::filesystem::permissions(locked, std::filesystem::perms::owner_all);
}

TEST_CASE("an outbox written by a newer kiosk is refused") {
  TempDir dir;
  REQUIRE(Outbox::Open(dir.File("outbox.db")).ok());
  {
    auto raw = store::sql::Database::Open(dir.File("outbox.db"), SQLITE_OPEN_READWRITE);
    REQUIRE(raw.ok());
    REQUIRE(raw->Exec("PRAGMA user_version = 99").ok());
  }
  auto outbox = Outbox::Open(dir.File("outbox.db"));
  REQUIRE_FALSE(outbox.ok());
  CHECK(outbox.error().find("newer") != std::string::npos);
}
