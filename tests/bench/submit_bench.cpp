// Submit to durable commit: times the real Outbox::Put (one COMMIT, WAL, synchronous=FULL) of an
// intake-sized payload, N times, and next to it one write+fsync of a small file in the same directory, so
// the commit is read against what the disk itself costs. Prints p50/p99; never fails on time.
// usage: submit_bench [N] [DIR on the disk to measure (default: the system temp dir)]
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "core/base/uuid.h"
#include "store/outbox.h"

namespace {

using Clock = std::chrono::steady_clock;

double Ms(Clock::time_point since) {
  return std::chrono::duration<double, std::milli>(Clock::now() - since).count();
}

double Percentile(std::vector<double> ms, int p) {
  std::sort(ms.begin(), ms.end());
  return ms[std::min(ms.size() - 1, ms.size() * static_cast<size_t>(p) / 100)];
}

// One 4 KB write then fsync of a file in `dir`, n times: the floor any durable commit pays.
std::vector<double> FsyncTimes(const std::string& dir, int n) {
  std::string file = dir + "/fsync-probe";
  int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  std::vector<double> ms;
  if (fd < 0) return ms;
  std::string block(4096, 'x');
  for (int i = 0; i < n; ++i) {
    auto t0 = Clock::now();
    if (::pwrite(fd, block.data(), block.size(), 0) != static_cast<ssize_t>(block.size()) || ::fsync(fd) != 0)
      break;
    ms.push_back(Ms(t0));
  }
  ::close(fd);
  ::unlink(file.c_str());
  return ms;
}

}  // namespace

int main(int argc, char** argv) {
  const int n = argc > 1 ? std::atoi(argv[1]) : 300;
  std::string base = argc > 2 ? argv[2] : "/tmp";
  std::string dir = base + "/kiosk-submit-bench-XXXXXX";
  if (n < 1 || ::mkdtemp(dir.data()) == nullptr) {
    std::fprintf(stderr, "usage: submit_bench [N >= 1] [existing DIR]\n");
    return 2;
  }
  int rc = 0;
  {
    auto outbox = store::Outbox::Open(dir + "/outbox.sqlite");
    if (!outbox) {
      std::fprintf(stderr, "submit_bench: %s\n", outbox.error().c_str());
      rc = 1;
    } else {
      core::SystemClock clock;
      // the size of a full visit's intake: answers plus a finger signature PNG in base64
      const std::string signature(9000, 'A');
      std::vector<double> put_ms;
      for (int i = 0; i < n && rc == 0; ++i) {
        std::string id = core::NewUuid();
        std::string payload = R"({"intake_id":")" + id + R"(","signature":")" + signature + R"("})";
        auto t0 = Clock::now();
        if (!(*outbox)->Put(id, payload, clock.Now(), false)) rc = 1;
        put_ms.push_back(Ms(t0));
      }
      auto fsync_ms = FsyncTimes(dir, n);
      if (rc != 0 || fsync_ms.empty()) {
        std::fprintf(stderr, "submit_bench: a commit or an fsync failed in %s\n", dir.c_str());
        rc = 1;
      } else {
        std::printf("submit to durable commit: %d intakes of %zu bytes: p50 %.2f ms, p99 %.2f ms\n", n,
                    signature.size() + 60, Percentile(put_ms, 50), Percentile(put_ms, 99));
        std::printf("one 4 KB write + fsync on the same disk: p50 %.2f ms, p99 %.2f ms\n",
                    Percentile(fsync_ms, 50), Percentile(fsync_ms, 99));
      }
    }
  }
  std::error_code ignored;
  std::filesystem::remove_all(dir, ignored);
  return rc;
}
