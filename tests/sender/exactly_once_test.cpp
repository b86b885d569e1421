// Exactly once, the hard way: 200 intakes, a real HTTPS receiver on 127.0.0.1 that randomly fails, hangs
// or drops the connection after storing, and the real `kiosk-sender` process killed with SIGKILL at random
// moments and restarted. At the end every row is delivered and the receiver's own log of what it stored
// (one line per store, written as it stores) names each intake id exactly once: a second store of any id
// fails the test. Repeats the receiver deduped are counted and printed. No wall-clock deadline: the test
// waits as long as delivery makes progress (see kStalled), so a slow machine cannot fail it.
#include <doctest/doctest.h>
#include <httplib.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <thread>

#include "core/base/uuid.h"
#include "core/content/json_reader.h"
#include "store/outbox.h"
#include "store/temp_dir.h"

namespace {

void Run(const std::string& command) {
  REQUIRE(std::system((command + " >/dev/null 2>&1").c_str()) == 0);
}

// A throwaway CA and a certificate for 127.0.0.1 signed by it.
void MakeCertificates(const std::filesystem::path& dir) {
  auto d = dir.string();
  Run("openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=test-ca -keyout " + d + "/ca.key -out " +
      d + "/ca.pem");
  Run("openssl req -newkey rsa:2048 -nodes -subj /CN=127.0.0.1 -keyout " + d + "/server.key -out " + d +
      "/server.csr");
  std::ofstream(dir / "san.ext") << "subjectAltName=IP:127.0.0.1,DNS:localhost\n";
  Run("openssl x509 -req -in " + d + "/server.csr -CA " + d + "/ca.pem -CAkey " + d +
      "/ca.key -CAcreateserial -days 2 -extfile " + d + "/san.ext -out " + d + "/server.pem");
}

// The clinic endpoint: dedupes by Idempotency-Key, as a real one should, and misbehaves on purpose. Every
// store is appended to its log file before it answers, naming the intake id read from the body (not the key
// it deduped on), so one intake stored under two keys shows as two lines; the test counts stores per id
// from that file.
struct Receiver {
  httplib::SSLServer server;
  std::thread thread;
  int port = 0;
  std::mutex mutex;
  std::ofstream log;               // one line per store: the intake id in the body
  std::set<std::string> seen;      // Idempotency-Keys stored so far: the receiver's dedupe
  std::set<std::string> answered;  // ids answered 200/201 (the answer may still be lost)
  std::atomic<int> posts{0}, duplicates{0}, failures{0}, drops{0}, hangs{0}, after_answer{0};
  std::mt19937 rng{20261125};

  Receiver(const std::filesystem::path& dir)
      : server((dir / "server.pem").c_str(), (dir / "server.key").c_str()), log(dir / "stored.log") {
    server.Post("/intakes",
                [this](const httplib::Request& req, httplib::Response& res) { Handle(req, res); });
    port = server.bind_to_any_port("127.0.0.1");
    thread = std::thread([this] { server.listen_after_bind(); });
  }
  ~Receiver() {
    server.stop();
    thread.join();
  }
  bool Store(const std::string& key, const std::string& intake_id) {
    std::lock_guard lock(mutex);
    if (seen.count(key)) {
      duplicates++;
      return false;
    }
    seen.insert(key);
    log << intake_id << "\n" << std::flush;
    return true;
  }
  void Handle(const httplib::Request& req, httplib::Response& res) {
    posts++;
    std::string id = req.get_header_value("Idempotency-Key");
    int roll;
    {
      std::lock_guard lock(mutex);
      roll = static_cast<int>(rng() % 100);
      if (answered.count(id)) after_answer++;  // posted again after an answer went out
    }
    if (roll < 15) {  // fails before storing
      failures++;
      res.status = 500;
      return;
    }
    const core::Json body = core::Json::parse(req.body, nullptr, false);
    bool fresh = Store(id, body.is_object() ? body.value("intake_id", "(no intake_id)") : "(not JSON)");
    if (roll < 25) {  // stores, then the connection drops before the answer
      drops++;
      res.set_chunked_content_provider("application/json", [](size_t, httplib::DataSink&) { return false; });
      return;
    }
    if (roll < 33) {  // stores, then hangs past the sender's timeout
      hangs++;
      std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    }
    res.status = fresh ? 201 : 200;
    // a repeat of this id from now on follows an answer (a SIGKILL before the commit, a timeout)
    std::lock_guard lock(mutex);
    answered.insert(id);
  }
};

// Stores per intake id, counted from the receiver's log file (not from its own dedupe set).
std::map<std::string, int> StoresPerId(const std::filesystem::path& log) {
  std::map<std::string, int> stores;
  std::ifstream in(log);
  for (std::string id; std::getline(in, id);) stores[id]++;
  return stores;
}

}  // namespace

namespace {

pid_t StartSender(const std::filesystem::path& config, const std::filesystem::path& log) {
  std::fflush(nullptr);  // nothing buffered in this process is written twice by the child
  pid_t pid = fork();
  if (pid == 0) {
    if (!std::freopen(log.c_str(), "a", stderr) || !std::freopen(log.c_str(), "a", stdout)) _exit(126);
    execl(KIOSK_SENDER_BINARY, KIOSK_SENDER_BINARY, "--config", config.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  return pid;
}

}  // namespace

TEST_CASE("200 intakes reach a flaky receiver exactly once through 20 SIGKILLs of the sender") {
  store_test::TempDir dir;
  MakeCertificates(dir.path());
  Receiver receiver(dir.path());
  REQUIRE(receiver.port > 0);
  std::ofstream(dir.File("secret")) << "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\n";
  std::ofstream(dir.File("kiosk.json"))
      << R"({"kiosk_id": "torture", "data_dir": ")" << dir.path().string()
      << R"(", "delivery": {"url": "https://127.0.0.1:)" << receiver.port << R"(/intakes", "ca_file": ")"
      << dir.File("ca.pem").string() << R"(", "webhook_secret_file": ")" << dir.File("secret").string()
      << R"(", "timeout_s": 1, "backoff_base_s": 1, "backoff_cap_s": 2}})";
  std::vector<std::string> ids;
  {
    auto outbox = store::Outbox::Open(dir.File("outbox.sqlite"));
    REQUIRE(outbox.ok());
    for (int i = 0; i < 200; ++i) {
      ids.push_back(core::NewUuid());
      std::string payload = R"({"intake_id":")" + ids.back() + R"(","n":)" + std::to_string(i) + "}";
      REQUIRE((*outbox)->Put(ids.back(), payload, core::SystemClock().Now(), false).ok());  // due now
    }
  }
  std::mt19937 rng(7);
  const int KILLS = std::getenv("KILLS") ? std::atoi(std::getenv("KILLS")) : 20;
  int kills = 0;
  auto started = std::chrono::steady_clock::now();
  for (; kills < KILLS; ++kills) {
    pid_t pid = StartSender(dir.File("kiosk.json"), dir.File("sender.log"));
    std::this_thread::sleep_for(std::chrono::milliseconds(150 + rng() % 500));
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    CHECK(WIFSIGNALED(status));
  }
  // The last sender runs until everything is delivered, for as long as it keeps making progress: a loaded
  // machine or a sanitizer build is slow, so there is no deadline on the whole. It fails when no post has
  // reached the receiver and nothing was delivered for kStalled, longer than anything the sender waits for
  // (a killed sender's lease: 2 x timeout_s + 5 = 7 s; a backoff: at most backoff_cap_s = 2 s; a hung
  // post: timeout_s = 1 s), so a row the sender no longer tries is caught; ctest's TIMEOUT bounds the rest.
  constexpr auto kStalled = std::chrono::seconds(60);
  pid_t pid = StartSender(dir.File("kiosk.json"), dir.File("sender.log"));
  auto outbox = std::move(*store::Outbox::Open(dir.File("outbox.sqlite")));
  store::OutboxCounts counts;
  auto progress_at = std::chrono::steady_clock::now();
  std::pair<std::size_t, int> seen{0, -1};  // delivered, posts
  for (;;) {
    counts = *outbox->Counts();
    if (counts.delivered == 200) break;
    auto now = std::chrono::steady_clock::now();
    if (std::pair<std::size_t, int> progress{counts.delivered, receiver.posts.load()}; progress != seen) {
      seen = progress;
      progress_at = now;
    } else if (now - progress_at > kStalled) {
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  kill(pid, SIGTERM);
  waitpid(pid, nullptr, 0);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

  if (counts.delivered != 200) {
    std::ifstream log(dir.File("sender.log"));
    std::string text((std::istreambuf_iterator<char>(log)), std::istreambuf_iterator<char>());
    MESSAGE("no progress for " << kStalled.count() << " s after " << seconds << " s: " << counts.delivered
                               << " delivered, " << counts.pending << " pending, " << counts.delivering
                               << " delivering, " << counts.parked
                               << " parked; sender log (last 3000 chars):\n"
                               << text.substr(text.size() > 3000 ? text.size() - 3000 : 0));
  }
  REQUIRE(counts.delivered == 200);
  auto stores = StoresPerId(dir.File("stored.log"));
  CHECK(stores.size() == 200);
  int stored_twice = 0;
  for (const auto& id : ids) {
    CAPTURE(id);
    CHECK(stores[id] == 1);  // 0: never stored; 2 or more: the receiver stored a duplicate
    if (stores[id] > 1) stored_twice++;
  }
  for (const auto& [id, n] : stores) {
    CAPTURE(id);
    CHECK(std::find(ids.begin(), ids.end(), id) != ids.end());  // nothing stored that was never queued
  }
  CHECK(stored_twice == 0);
  MESSAGE("exactly once: " << receiver.posts.load() << " posts for 200 intakes, " << kills << " SIGKILLs, "
                           << receiver.failures.load() << " answered 500, " << receiver.drops.load()
                           << " dropped after storing, " << receiver.hangs.load()
                           << " hung past the timeout, " << receiver.duplicates.load()
                           << " repeats deduped by Idempotency-Key (" << receiver.after_answer.load()
                           << " after a whole answer), " << stores.size() << " ids stored, " << stored_twice
                           << " stored twice, " << seconds << " s");
}
