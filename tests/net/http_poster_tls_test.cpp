// TLS is always verified: an untrusted CA, a certificate for another name or a wrong pin never sends a byte
// of the request; the right CA and pin do. Posts from one thread keep their connection, never across other
// TLS settings.
#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <thread>

#include "net/http_poster.h"
#include "net/test_certs.h"
#include "net/test_server.h"

namespace {

using Kind = core::AttemptResult::Kind;
using net_test::Certs;
using net_test::TestServer;

net::PostRequest RequestTo(const std::string& url, const std::string& ca_file) {
  net::PostRequest request;
  request.url = url;
  request.body = R"({"intake_id":"tls","answers":{"name":"must not leak"}})";
  request.tls.ca_file = ca_file;
  request.timeout_s = 10;
  request.connect_timeout_s = 5;
  return request;
}

}  // namespace

TEST_CASE("a server whose certificate comes from an untrusted CA is a TLS error and receives nothing") {
  REQUIRE_MESSAGE(Certs().ok, Certs().log);
  TestServer server(Certs().server_cert, Certs().server_key);
  REQUIRE(server.ok());
  const auto result = net::Post(RequestTo(server.Url(), Certs().other_ca));
  CHECK(result.kind == Kind::kTlsError);
  CHECK(result.status == 0);
  CHECK(server.Requests().empty());
  CHECK(result.detail.find("certificate") != std::string::npos);
}

TEST_CASE("the system's CAs do not vouch for a test server") {
  REQUIRE_MESSAGE(Certs().ok, Certs().log);
  TestServer server(Certs().server_cert, Certs().server_key);
  REQUIRE(server.ok());
  const auto result = net::Post(RequestTo(server.Url(), ""));
  CHECK(result.kind == Kind::kTlsError);
  CHECK(server.Requests().empty());
}

TEST_CASE("a certificate for another name is a TLS error and receives nothing") {
  REQUIRE_MESSAGE(Certs().ok, Certs().log);
  TestServer server(Certs().wrong_name_cert, Certs().wrong_name_key);
  REQUIRE(server.ok());
  const auto result = net::Post(RequestTo(server.Url(), Certs().ca));
  CHECK(result.kind == Kind::kTlsError);
  CHECK(server.Requests().empty());
  CHECK(result.detail.find("name") != std::string::npos);
}

TEST_CASE("a missing CA file is a TLS error") {
  REQUIRE_MESSAGE(Certs().ok, Certs().log);
  TestServer server(Certs().server_cert, Certs().server_key);
  REQUIRE(server.ok());
  const auto result = net::Post(RequestTo(server.Url(), Certs().ca + ".missing"));
  CHECK(result.kind == Kind::kTlsError);
  CHECK(server.Requests().empty());
}

TEST_CASE("a wrong pin is a TLS error and the server receives nothing") {
  REQUIRE_MESSAGE(Certs().ok, Certs().log);
  TestServer server(Certs().server_cert, Certs().server_key);
  REQUIRE(server.ok());
  auto request = RequestTo(server.Url(), Certs().ca);
  request.tls.pinned_public_key = Certs().other_pin;
  const auto result = net::Post(request);
  CHECK(result.kind == Kind::kTlsError);
  CHECK(server.Requests().empty());
  CHECK(result.detail.find("pinned") != std::string::npos);
}

TEST_CASE("the right pin is accepted") {
  REQUIRE_MESSAGE(Certs().ok, Certs().log);
  TestServer server(Certs().server_cert, Certs().server_key);
  REQUIRE(server.ok());
  auto request = RequestTo(server.Url(), Certs().ca);
  request.tls.pinned_public_key = Certs().server_pin;
  const auto result = net::Post(request);
  CHECK(result.kind == Kind::kResponse);
  CHECK(result.status == 201);
  CHECK(server.Requests().size() == 1);
}

TEST_CASE("localhost is verified against the certificate's DNS name") {
  REQUIRE_MESSAGE(Certs().ok, Certs().log);
  TestServer server(Certs().server_cert, Certs().server_key);
  REQUIRE(server.ok());
  const auto result = net::Post(RequestTo(server.Url("localhost"), Certs().ca));
  CHECK(result.kind == Kind::kResponse);
  CHECK(result.status == 201);
}

TEST_CASE("posts from one thread to one endpoint share one kept-alive connection") {
  REQUIRE_MESSAGE(Certs().ok, Certs().log);
  TestServer server(Certs().server_cert, Certs().server_key);
  REQUIRE(server.ok());
  for (int i = 0; i < 3; ++i) CHECK(net::Post(RequestTo(server.Url(), Certs().ca)).status == 201);
  const auto requests = server.Requests();
  REQUIRE(requests.size() == 3);
  CHECK(requests[1].remote_port == requests[0].remote_port);
  CHECK(requests[2].remote_port == requests[0].remote_port);
}

TEST_CASE("a kept connection is never reused for other TLS settings: a wrong pin or no CA still fails") {
  REQUIRE_MESSAGE(Certs().ok, Certs().log);
  TestServer server(Certs().server_cert, Certs().server_key);
  REQUIRE(server.ok());
  auto request = RequestTo(server.Url(), Certs().ca);
  request.tls.pinned_public_key = Certs().server_pin;
  REQUIRE(net::Post(request).status == 201);
  request.tls.pinned_public_key = Certs().other_pin;
  const auto wrong_pin = net::Post(request);
  CHECK(wrong_pin.kind == Kind::kTlsError);
  CHECK(wrong_pin.detail.find("pinned") != std::string::npos);
  const auto system_cas = net::Post(RequestTo(server.Url(), ""));
  CHECK(system_cas.kind == Kind::kTlsError);
  CHECK(server.Requests().size() == 1);
}

TEST_CASE("a kept connection the server has closed is posted on again, on a fresh one") {
  REQUIRE_MESSAGE(Certs().ok, Certs().log);
  TestServer server(Certs().server_cert, Certs().server_key);
  REQUIRE(server.ok());
  server.SetKeepAliveTimeout(1);
  CHECK(net::Post(RequestTo(server.Url(), Certs().ca)).status == 201);
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  CHECK(net::Post(RequestTo(server.Url(), Certs().ca)).status == 201);
  const auto requests = server.Requests();
  REQUIRE(requests.size() == 2);
  CHECK(requests[1].remote_port != requests[0].remote_port);
}
