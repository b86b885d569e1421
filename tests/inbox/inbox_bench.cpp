// Benchmark (label bench): signed intakes stored per second by a real intake inbox over loopback HTTPS,
// with concurrent senders (4, or --senders K) each posting like the kiosk's sender (libcurl, one kept-alive
// TLS connection per sender, Standard Webhooks signature). Prints figures; fails only if an intake was not
// stored once. `inbox_bench [--senders K] N` serves HTTPS itself in this process (direct);
// `inbox_bench [--senders K] N URL CA SECRET_FILE` posts to an inbox already running there
// (tests/inbox/arrangement.py --bench: nginx in front, as installed). Under with_postgresql.py
// (inbox_bench_postgresql) the local inbox stores into PostgreSQL.
#define DOCTEST_CONFIG_IMPLEMENT
#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "inbox_fixture.h"
#include "net/http_poster.h"

using namespace inbox_test;

int main(int argc, char** argv) {
  int kSenders = 4;
  if (argc > 2 && std::string(argv[1]) == "--senders") {
    kSenders = std::max(1, std::atoi(argv[2]));
    argc -= 2;
    argv += 2;
  }
  const int per_sender = argc > 1 ? std::atoi(argv[1]) : 500;
  doctest::Context context;  // the fixture's REQUIREs report through doctest outside a test case
  context.setAsDefaultForAssertsOutOfTestCases();
  net::InitHttp();
  const bool external = argc > 4;
  std::unique_ptr<Inbox> local;
  if (!external) local = std::make_unique<Inbox>();
  std::string key = Key(kSecret1), ca, url;
  if (external) {
    url = argv[2];
    ca = argv[3];
    auto secret = core::ReadFile(argv[4]);
    REQUIRE(secret.ok());
    key = Key(secret->substr(0, secret->find_first_of("\r\n")));
  } else {
    url = "https://127.0.0.1:" + std::to_string(local->server->port()) + "/intakes";
    ca = net_test::Certs().ca;
  }
  auto now = [&] {
    return external ? std::chrono::duration_cast<std::chrono::seconds>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count()
                    : local->Now();
  };
  std::vector<std::vector<std::string>> bodies(kSenders);
  for (auto& list : bodies) {
    for (int i = 0; i < per_sender; ++i) list.push_back(BaseIntake().dump());
  }
  std::atomic<int> stored = 0, other = 0;
  const auto started = std::chrono::steady_clock::now();
  std::vector<std::thread> senders;
  for (int s = 0; s < kSenders; ++s) {
    senders.emplace_back([&, s] {
      for (const auto& body : bodies[s]) {
        const std::string id = Json::parse(body)["intake_id"];
        const long long stamp = now();
        net::PostRequest req{url,
                             body,
                             {{"webhook-id", id},
                              {"webhook-timestamp", std::to_string(stamp)},
                              {"webhook-signature", net::WebhookSignature(key, id, stamp, body)}},
                             {ca, ""}};
        auto result = net::Post(req);
        (result.kind == core::AttemptResult::Kind::kResponse && result.status == 201 ? stored : other)++;
      }
    });
  }
  for (auto& t : senders) t.join();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  const long long count = external ? stored.load() : local->Count();
  std::printf("inbox_bench: %d senders x %d intakes (%zu bytes each): %d stored (201), %d other, in %.2f s\n",
              kSenders, per_sender, bodies[0][0].size(), stored.load(), other.load(), seconds);
  // The store: SQLite, or PostgreSQL under with_postgresql.py (--durable: fsync and synchronous_commit on).
  const char* store = external                   ? "the running inbox's store"
                      : TestPostgresql().empty() ? "SQLite synchronous=FULL"
                                                 : "PostgreSQL, commits durable";
  std::printf(
      "inbox_bench: %.0f signed intakes stored per second (one kept-alive TLS connection per sender, %s, "
      "%s)\n",
      stored.load() / seconds, store, external ? "nginx in front" : "direct");
  return count == kSenders * per_sender && other == 0 ? 0 : 1;
}
