// Integration tests: a real child process killed with SIGKILL never loses an intake whose Put returned.
#include <doctest/doctest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "store/outbox.h"
#include "store/sqlite.h"
#include "temp_dir.h"

using store::Outbox;
using store_test::At;
using store_test::TempDir;

namespace {

std::string PayloadWithId(const std::string& id) {
  return R"({"schema":1,"id":")" + id + R"(","answers":{}})";
}

// The child never returns into doctest: it ends by SIGKILL, or _exit with a code naming what failed.
[[noreturn]] void PutThenDie(const std::filesystem::path& file, const std::string& id) {
  auto outbox = Outbox::Open(file);
  if (!outbox) ::_exit(2);
  if (!(*outbox)->Put(id, PayloadWithId(id), At(0), false)) ::_exit(3);
  ::raise(SIGKILL);
  ::_exit(4);
}

void ExpectKilled(pid_t child) {
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  INFO("child exit code (2 open failed, 3 put failed): " << (WIFEXITED(status) ? WEXITSTATUS(status) : -1));
  REQUIRE(WIFSIGNALED(status));
  CHECK(WTERMSIG(status) == SIGKILL);
}

void ExpectIntact(const std::filesystem::path& file) {
  auto raw = store::sql::Database::Open(file, SQLITE_OPEN_READONLY);
  REQUIRE(raw.ok());
  CHECK(raw->QueryText("PRAGMA integrity_check").value() == "ok");
}

}  // namespace

TEST_CASE("an intake survives its process being killed right after Put returns") {
  TempDir dir;
  auto file = dir.File("outbox.db");
  for (int run = 0; run < 5; ++run) {
    std::string id = "killed-" + std::to_string(run);
    pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) PutThenDie(file, id);
    ExpectKilled(child);

    auto outbox = Outbox::Open(file);
    REQUIRE_MESSAGE(outbox.ok(), outbox.error());
    auto payload = (*outbox)->Payload(id);
    REQUIRE(payload.ok());
    REQUIRE_MESSAGE(payload->has_value(), id);
    CHECK(payload->value() == PayloadWithId(id));
    CHECK((*outbox)->Counts()->pending == static_cast<size_t>(run + 1));
  }
  ExpectIntact(file);
}

TEST_CASE("every Put that returned survives a kill at an arbitrary moment") {
  TempDir dir;
  auto file = dir.File("outbox.db");
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    ::close(fds[0]);
    auto outbox = Outbox::Open(file);
    if (!outbox) ::_exit(2);
    for (int i = 0;; ++i) {
      std::string id = "busy-" + std::to_string(i);
      if (!(*outbox)->Put(id, PayloadWithId(id), At(i), false)) ::_exit(3);
      int32_t done = i;  // reported only after Put returned
      if (::write(fds[1], &done, sizeof done) != sizeof done) ::_exit(4);
    }
  }
  ::close(fds[1]);
  std::vector<int32_t> committed;
  int32_t done = 0;
  while (committed.size() < 25 && ::read(fds[0], &done, sizeof done) == sizeof done)
    committed.push_back(done);
  ::kill(child, SIGKILL);  // somewhere inside a later Put
  ExpectKilled(child);
  ::close(fds[0]);
  REQUIRE(committed.size() == 25);

  auto outbox = Outbox::Open(file);
  REQUIRE_MESSAGE(outbox.ok(), outbox.error());
  for (int32_t i : committed) {
    std::string id = "busy-" + std::to_string(i);
    auto payload = (*outbox)->Payload(id);
    REQUIRE(payload.ok());
    CHECK_MESSAGE(payload->has_value(), id);
  }
  CHECK((*outbox)->Counts()->total() >= committed.size());
  ExpectIntact(file);
}
