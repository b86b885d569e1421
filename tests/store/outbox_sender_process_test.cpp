// Integration test: two sender processes draining one outbox file never claim the same intake.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <fstream>
#include <map>
#include <string>

#include "store/outbox.h"
#include "temp_dir.h"

using store::Outbox;
using store_test::At;
using store_test::TempDir;

namespace {

constexpr int kRows = 300;
constexpr int kSenders = 2;

std::string IdOf(int i) {
  std::string n = std::to_string(i);
  return "intake-" + std::string(3 - n.size(), '0') + n;
}

std::filesystem::path LogOf(const TempDir& dir, int sender) {
  return dir.File("claimed-" + std::to_string(sender) + ".txt");
}

// A sender process. Each round it reports ready on `channel` and waits for the parent's go, so the senders
// call Claim at the same moment (left free, one of them tends to hold the write lock while the other backs
// off). It ends with _exit, never returning into doctest: 0 once it finds nothing to claim, otherwise a
// code naming what failed. Every claimed id is appended to `log` as one line before the row is marked.
[[noreturn]] void RunSender(const std::filesystem::path& file, const std::filesystem::path& log,
                            int channel) {
  int out = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  if (out < 0) ::_exit(2);
  auto outbox = Outbox::Open(file);
  if (!outbox) ::_exit(3);
  for (;;) {
    char go = 0;
    if (::send(channel, "r", 1, MSG_NOSIGNAL) != 1 || ::recv(channel, &go, 1, 0) != 1) ::_exit(4);
    auto claim = (*outbox)->Claim(At(1000), core::Seconds{600});  // one moment: no lease ever expires
    if (!claim) ::_exit(5);
    if (!claim->has_value()) ::_exit(0);
    std::string line = (*claim)->id + "\n";
    if (::write(out, line.data(), line.size()) != static_cast<ssize_t>(line.size())) ::_exit(6);
    if (!(*outbox)->MarkDelivered((*claim)->id, (*claim)->attempts, At(1001))) ::_exit(7);
  }
}

// The parent's side of the rounds: waits until every sender still running is ready, then lets them all go.
// A sender that has exited (or failed) shows as end of file and drops out.
void RunRounds(const std::array<int, kSenders>& channels) {
  std::array<bool, kSenders> running;
  running.fill(true);
  for (int round = 0; round <= kRows + 1; ++round) {
    bool any = false;
    for (int s = 0; s < kSenders; ++s) {
      char ready = 0;
      if (running[s]) running[s] = ::recv(channels[s], &ready, 1, 0) == 1;
      any = any || running[s];
    }
    if (!any) return;
    for (int s = 0; s < kSenders; ++s) {
      if (running[s]) running[s] = ::send(channels[s], "g", 1, MSG_NOSIGNAL) == 1;
    }
  }
  FAIL("the senders were still claiming after more rounds than there are rows");
}

void ExpectCleanExit(pid_t child) {
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  INFO("sender exit code (2 log, 3 open, 4 channel, 5 claim, 6 write, 7 mark): "
       << (WIFEXITED(status) ? WEXITSTATUS(status) : -1));
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
}

}  // namespace

TEST_CASE("two sender processes on one outbox claim every intake exactly once") {
  TempDir dir;
  auto file = dir.File("outbox.db");
  {
    auto outbox = Outbox::Open(file);  // closed again before fork: a connection never crosses a fork
    REQUIRE_MESSAGE(outbox.ok(), outbox.error());
    for (int i = 0; i < kRows; ++i) {
      REQUIRE((*outbox)->Put(IdOf(i), R"({"schema":1})", At(i), false).ok());
    }
  }

  std::array<pid_t, kSenders> children{};
  std::array<int, kSenders> channels{};
  for (int s = 0; s < kSenders; ++s) {
    int pair[2];
    REQUIRE(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) == 0);
    children[s] = ::fork();
    REQUIRE(children[s] >= 0);
    if (children[s] == 0) RunSender(file, LogOf(dir, s), pair[1]);
    ::close(pair[1]);
    channels[s] = pair[0];
  }
  RunRounds(channels);
  for (int channel : channels) ::close(channel);  // a sender still waiting for go now ends (code 4)
  for (pid_t child : children) ExpectCleanExit(child);

  std::map<std::string, int> claims;
  for (int s = 0; s < kSenders; ++s) {
    std::ifstream log(LogOf(dir, s));
    int mine = 0;
    for (std::string id; std::getline(log, id); ++mine) ++claims[id];
    CHECK_MESSAGE(mine > 0, "sender " << s << " claimed nothing");
  }
  CHECK(claims.size() == static_cast<std::size_t>(kRows));
  for (int i = 0; i < kRows; ++i) CHECK_MESSAGE(claims[IdOf(i)] == 1, IdOf(i));

  auto outbox = Outbox::Open(file);
  REQUIRE_MESSAGE(outbox.ok(), outbox.error());
  auto counts = (*outbox)->Counts();
  REQUIRE(counts.ok());
  CHECK(counts->delivered == static_cast<std::size_t>(kRows));
  CHECK(counts->total() == static_cast<std::size_t>(kRows));
  auto rows = (*outbox)->List(kRows);
  REQUIRE(rows.ok());
  for (const auto& row : *rows) CHECK_MESSAGE(row.attempts == 1, row.id);
}
