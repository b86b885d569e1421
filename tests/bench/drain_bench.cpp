// Benchmark: queue 10,000 intakes and drain them through the real sender (libcurl, HTTPS, signed) to a
// loopback receiver. Prints figures; never fails on time. Run: ctest --test-dir build -L bench -V
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <string>

#include "core/base/uuid.h"
#include "net/test_certs.h"
#include "net/test_server.h"
#include "sender/sender.h"
#include "store/outbox.h"
#include "store/temp_dir.h"

int main(int argc, char** argv) {
  const int n = argc > 1 ? std::atoi(argv[1]) : 10000;
  const auto& certs = net_test::Certs();
  if (!certs.ok) {
    std::fprintf(stderr, "could not make certificates: %s\n", certs.log.c_str());
    return 1;
  }
  store_test::TempDir dir;
  auto outbox = std::move(*store::Outbox::Open(dir.File("outbox.sqlite")));
  core::SystemClock clock;
  // a payload the size of a real intake with a signature (~6 KB)
  std::string filler(4500, 'x');
  auto t0 = std::chrono::steady_clock::now();
  for (int i = 0; i < n; ++i) {
    std::string id = core::NewUuid();
    std::string payload = R"({"intake_id":")" + id + R"(","signature":")" + filler + R"("})";
    if (!outbox->Put(id, payload, clock.Now(), false).ok()) return 1;
  }
  double put_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

  net_test::TestServer server(certs.server_cert, certs.server_key);
  server.Set({.status = 201});
  net::InitHttp();
  sender::SenderOptions options;
  options.delivery.url = server.Url();
  options.delivery.ca_file = certs.ca;
  options.secrets.webhook_key = "an example key of thirty-two b!!";
  sender::Sender s(*outbox, options, nullptr, clock, net::Post, [] { return 0.5; });
  auto t1 = std::chrono::steady_clock::now();
  auto pass = s.RunOnce();
  double drain_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count();
  if (!pass || pass->delivered != n) {
    std::fprintf(stderr, "drain incomplete: %s\n",
                 pass ? std::to_string(pass->delivered).c_str() : pass.error().c_str());
    return 1;
  }
  std::printf("outbox: %d intakes committed in %.2f s (%.0f per second, each its own fsync'd transaction)\n",
              n, put_s, n / put_s);
  std::printf("drain: %d intakes delivered over HTTPS to 127.0.0.1 in %.2f s: %.0f intakes per second\n", n,
              drain_s, n / drain_s);
  std::printf("receiver saw %zu requests\n", server.Requests().size());
  return 0;
}
