// TLS is always verified: an untrusted CA, a certificate for another name or a wrong pin never sends a byte
// of the request; the right CA and pin do.
#include <doctest/doctest.h>

#include <string>

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
