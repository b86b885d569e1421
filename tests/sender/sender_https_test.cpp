// The sender end to end: real outbox file, real libcurl, a real HTTPS server on 127.0.0.1 with a
// certificate the test makes. One case per outcome class, as staff would see it in `kiosk outbox`.
#include <doctest/doctest.h>

#include <random>

#include "net/test_certs.h"
#include "net/test_server.h"
#include "sender/sender.h"
#include "store/outbox.h"
#include "store/temp_dir.h"

namespace {

struct EndToEnd {
  store_test::TempDir dir;
  std::unique_ptr<store::Outbox> outbox = std::move(*store::Outbox::Open(dir.File("outbox.sqlite")));
  core::SystemClock clock;
  net_test::TestServer server{net_test::Certs().server_cert, net_test::Certs().server_key};
  sender::SenderOptions options;

  EndToEnd() {
    REQUIRE(net_test::Certs().ok);
    REQUIRE(server.ok());
    net::InitHttp();
    options.delivery.url = server.Url();
    options.delivery.ca_file = net_test::Certs().ca;
    options.delivery.timeout_s = 2;
    options.secrets.webhook_key = "an example key of thirty-two b!!";
    REQUIRE(outbox->Put("intake-1", R"({"intake_id":"intake-1"})", clock.Now(), false).ok());
  }
  sender::PassReport Pass() {
    sender::Sender s(*outbox, options, nullptr, clock, net::Post, [] { return 0.5; });
    auto report = s.RunOnce();
    REQUIRE(report.ok());
    return *report;
  }
  store::OutboxRow Row() { return outbox->List().value().at(0); }
};

}  // namespace

TEST_CASE("a 201 from the endpoint marks the intake delivered") {
  EndToEnd e;
  e.server.Set({.status = 201});
  CHECK(e.Pass().delivered == 1);
  CHECK(e.Row().state == "delivered");
  REQUIRE(e.server.Requests().size() == 1);
  CHECK(e.server.Requests()[0].Header("Idempotency-Key") == "intake-1");
  CHECK(e.server.Requests()[0].Header("webhook-signature").rfind("v1,", 0) == 0);
}

TEST_CASE("a 503 with Retry-After in seconds keeps the intake pending until then") {
  EndToEnd e;
  e.server.Set({.status = 503, .retry_after = "300"});
  CHECK(e.Pass().retried == 1);
  auto row = e.Row();
  CHECK(row.state == "pending");
  CHECK(row.last_error.find("503") != std::string::npos);
  auto due = e.outbox->NextDue();
  REQUIRE(due.ok());
  REQUIRE(due->has_value());
  CHECK(**due >= e.clock.Now() + core::Seconds(295));
}

TEST_CASE("a 429 with Retry-After as an HTTP date is honoured") {
  EndToEnd e;
  e.server.Set({.status = 429, .retry_after = "Fri, 31 Dec 2099 23:59:59 GMT"});
  CHECK(e.Pass().retried == 1);
  auto due = e.outbox->NextDue();
  REQUIRE(due.ok());
  CHECK(**due >= e.clock.Now() + core::Seconds(23 * 3600));  // capped at 24 h, far beyond the backoff
}

TEST_CASE("a 404 parks the intake for staff with the status") {
  EndToEnd e;
  e.server.Set({.status = 404});
  CHECK(e.Pass().parked == 1);
  CHECK(e.Row().state == "parked");
  CHECK(e.Row().last_error.find("404") != std::string::npos);
}

TEST_CASE("a redirect is not followed: the intake is parked, and nothing is posted elsewhere") {
  EndToEnd e;
  e.server.Set({.status = 307, .location = e.server.Url("127.0.0.1", "/elsewhere")});
  CHECK(e.Pass().parked == 1);
  CHECK(e.server.Requests().size() == 1);
}

TEST_CASE("a server that never answers in time leaves the intake pending") {
  EndToEnd e;
  e.options.delivery.timeout_s = 1;
  e.server.Set({.delay = std::chrono::milliseconds(3000)});
  CHECK(e.Pass().retried == 1);
  CHECK(e.Row().state == "pending");
  CHECK(e.Row().last_error.find("timeout") != std::string::npos);
}

TEST_CASE("an endpoint signed by an unknown CA gets nothing, and the intake waits with a TLS alert") {
  EndToEnd e;
  e.options.delivery.ca_file = net_test::Certs().other_ca;
  auto pass = e.Pass();
  CHECK(pass.alerts == 1);
  CHECK(e.Row().state == "pending");
  CHECK(e.Row().last_error.rfind("TLS", 0) == 0);
  CHECK(e.server.Requests().empty());
}

TEST_CASE("a wrong pinned key gets nothing sent; the right one delivers") {
  EndToEnd e;
  e.options.delivery.pinned_public_key = net_test::Certs().other_pin;
  CHECK(e.Pass().alerts == 1);
  CHECK(e.server.Requests().empty());
  e.options.delivery.pinned_public_key = net_test::Certs().server_pin;
  REQUIRE(e.outbox->RetryNow("", e.clock.Now()).ok());
  CHECK(e.Pass().delivered == 1);
}

TEST_CASE("a refused port leaves the intake pending with a network error") {
  EndToEnd e;
  int port = e.server.port();
  e.options.delivery.url = "https://127.0.0.1:" + std::to_string(port == 1 ? 2 : 1) + "/intake";
  CHECK(e.Pass().retried == 1);
  CHECK(e.Row().state == "pending");
}
