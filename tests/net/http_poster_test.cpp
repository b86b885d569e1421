// Post against a real server on 127.0.0.1: what is sent, how answers and failures are reported.
#include <doctest/doctest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <string>

#include "net/http_poster.h"
#include "net/test_certs.h"
#include "net/test_server.h"

namespace {

using Kind = core::AttemptResult::Kind;
using net_test::Behaviour;
using net_test::Certs;
using net_test::TestServer;

net::PostRequest RequestTo(const TestServer& server) {
  net::PostRequest request;
  request.url = server.Url();
  request.body = R"({"intake_id":"8d2c0f6e","answers":{}})";
  request.tls.ca_file = Certs().ca;
  request.timeout_s = 10;
  request.connect_timeout_s = 5;
  return request;
}

// A port on 127.0.0.1 that nothing listens on (bound, read back, closed).
int FreePort() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  int port = -1;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0) {
    port = ntohs(address.sin_port);
  }
  ::close(fd);
  return port;
}

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

TEST_CASE(
    "a 201 is a response with its status, and the server saw the body, Content-Type and extra headers") {
  REQUIRE_MESSAGE(Certs().ok, Certs().log);
  TestServer server(Certs().server_cert, Certs().server_key);
  REQUIRE(server.ok());
  auto request = RequestTo(server);
  request.headers = {{"webhook-id", "8d2c0f6e"},
                     {"webhook-timestamp", "1732525200"},
                     {"webhook-signature", "v1,abc="},
                     {"Idempotency-Key", "8d2c0f6e"},
                     {"Authorization", "Bearer t0ken"}};

  const auto result = net::Post(request);

  CHECK(result.kind == Kind::kResponse);
  CHECK(result.status == 201);
  CHECK(result.retry_after.empty());
  const auto seen = server.Requests();
  REQUIRE(seen.size() == 1);
  CHECK(seen[0].method == "POST");
  CHECK(seen[0].path == "/intake");
  CHECK(seen[0].body == request.body);
  CHECK(seen[0].Header("Content-Type") == "application/json");
  CHECK(seen[0].Header("webhook-id") == "8d2c0f6e");
  CHECK(seen[0].Header("webhook-timestamp") == "1732525200");
  CHECK(seen[0].Header("webhook-signature") == "v1,abc=");
  CHECK(seen[0].Header("idempotency-key") == "8d2c0f6e");
  CHECK(seen[0].Header("Authorization") == "Bearer t0ken");
  CHECK(seen[0].Header("Expect").empty());
}

TEST_CASE("Retry-After is captured as received") {
  REQUIRE_MESSAGE(Certs().ok, Certs().log);
  TestServer server(Certs().server_cert, Certs().server_key);
  REQUIRE(server.ok());
  SUBCASE("as seconds") {
    server.Set(Behaviour{.status = 503, .retry_after = "120"});
    const auto result = net::Post(RequestTo(server));
    CHECK(result.kind == Kind::kResponse);
    CHECK(result.status == 503);
    CHECK(result.retry_after == "120");
  }
  SUBCASE("as an HTTP date") {
    server.Set(Behaviour{.status = 429, .retry_after = "Wed, 21 Oct 2015 07:28:00 GMT"});
    const auto result = net::Post(RequestTo(server));
    CHECK(result.status == 429);
    CHECK(result.retry_after == "Wed, 21 Oct 2015 07:28:00 GMT");
  }
}

TEST_CASE("a response body is neither kept nor echoed in the detail") {
  REQUIRE_MESSAGE(Certs().ok, Certs().log);
  TestServer server(Certs().server_cert, Certs().server_key);
  REQUIRE(server.ok());
  server.Set(Behaviour{.status = 422, .body = "invalid field name: Maria Lopez, born 1961-04-02"});
  const auto result = net::Post(RequestTo(server));
  CHECK(result.kind == Kind::kResponse);
  CHECK(result.status == 422);
  CHECK(result.detail.find("Maria") == std::string::npos);
}

TEST_CASE("a large response body is cut short and the status still counts") {
  REQUIRE_MESSAGE(Certs().ok, Certs().log);
  TestServer server(Certs().server_cert, Certs().server_key);
  REQUIRE(server.ok());
  server.Set(Behaviour{.status = 200, .body = std::string(4 * 1024 * 1024, 'a')});
  const auto result = net::Post(RequestTo(server));
  CHECK(result.kind == Kind::kResponse);
  CHECK(result.status == 200);
}

TEST_CASE("a redirect is not followed but returned as its status") {
  REQUIRE_MESSAGE(Certs().ok, Certs().log);
  TestServer server(Certs().server_cert, Certs().server_key);
  REQUIRE(server.ok());
  server.Set(Behaviour{.status = 302, .location = server.Url("127.0.0.1", "/elsewhere")});
  const auto result = net::Post(RequestTo(server));
  CHECK(result.kind == Kind::kResponse);
  CHECK(result.status == 302);
  REQUIRE(server.Requests().size() == 1);
  CHECK(server.Requests()[0].path == "/intake");
}

TEST_CASE("a server that trickles bytes is cut off by the low-speed limit as a timeout") {
  REQUIRE_MESSAGE(Certs().ok, Certs().log);
  TestServer server(Certs().server_cert, Certs().server_key);
  REQUIRE(server.ok());
  server.Set(Behaviour{.trickle = true});
  auto request = RequestTo(server);
  request.timeout_s = 20;
  request.low_speed_bytes_per_s = 1000;
  request.low_speed_time_s = 1;
  const auto start = std::chrono::steady_clock::now();
  const auto result = net::Post(request);
  const double elapsed = SecondsSince(start);
  CHECK(result.kind == Kind::kTimeout);
  CHECK(result.status == 0);
  CHECK(elapsed < 10);
  CHECK(result.detail.find("too slow") != std::string::npos);
}

TEST_CASE("a server slower than the overall timeout is a timeout") {
  REQUIRE_MESSAGE(Certs().ok, Certs().log);
  TestServer server(Certs().server_cert, Certs().server_key);
  REQUIRE(server.ok());
  server.Set(Behaviour{.delay = std::chrono::milliseconds(10000)});
  auto request = RequestTo(server);
  request.timeout_s = 1;
  request.low_speed_time_s = 0;  // off: only the overall timeout applies
  const auto start = std::chrono::steady_clock::now();
  const auto result = net::Post(request);
  CHECK(result.kind == Kind::kTimeout);
  CHECK(SecondsSince(start) < 5);
}

TEST_CASE("a refused port is a network error") {
  const int port = FreePort();
  REQUIRE(port > 0);
  net::PostRequest request;
  request.url = "https://127.0.0.1:" + std::to_string(port) + "/intake";
  request.body = "{}";
  const auto result = net::Post(request);
  CHECK(result.kind == Kind::kNetworkError);
  CHECK(result.status == 0);
  CHECK_FALSE(result.detail.empty());
}

TEST_CASE("a connection dropped in the middle of a response is a network error") {
  REQUIRE_MESSAGE(Certs().ok, Certs().log);
  TestServer server(Certs().server_cert, Certs().server_key);
  REQUIRE(server.ok());
  server.Set(Behaviour{.status = 200, .drop = true});
  const auto result = net::Post(RequestTo(server));
  CHECK(result.kind == Kind::kNetworkError);
  CHECK(result.detail.find("partial") != std::string::npos);
}

TEST_CASE("plain http to 127.0.0.1 is posted") {
  TestServer server;
  REQUIRE(server.ok());
  net::PostRequest request;
  request.url = server.Url();
  request.body = "{\"plain\":true}";
  const auto result = net::Post(request);
  CHECK(result.kind == Kind::kResponse);
  CHECK(result.status == 201);
  REQUIRE(server.Requests().size() == 1);
  CHECK(server.Requests()[0].body == request.body);
}

TEST_CASE("a header with a line break is refused and nothing is sent") {
  TestServer server;
  REQUIRE(server.ok());
  net::PostRequest request;
  request.url = server.Url();
  request.body = "{}";
  request.headers = {{"Authorization", "Bearer x\r\nX-Injected: yes"}};
  const auto result = net::Post(request);
  CHECK(result.kind == Kind::kNetworkError);
  CHECK(result.detail.find("Bearer") == std::string::npos);
  CHECK(server.Requests().empty());
}
