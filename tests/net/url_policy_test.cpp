// The delivery URL policy: https:// anywhere, plain http:// only to loopback. Nothing here connects.
#include <doctest/doctest.h>

#include <string>

#include "net/http_poster.h"

namespace {

bool Allowed(const std::string& url) {
  return net::CheckUrlAllowed(url).ok();
}

}  // namespace

TEST_CASE("https is allowed to any host") {
  CHECK(Allowed("https://intake.example.org/webhooks/kiosk"));
  CHECK(Allowed("https://203.0.113.7:8443/x?token=abc"));
  CHECK(Allowed("HTTPS://Intake.Example.org/"));
}

TEST_CASE("plain http is allowed to loopback addresses and localhost") {
  CHECK(Allowed("http://127.0.0.1:8080/intake"));
  CHECK(Allowed("http://127.5.6.7/intake"));
  CHECK(Allowed("http://localhost:9000/"));
  CHECK(Allowed("http://LocalHost/"));
  CHECK(Allowed("http://[::1]:8080/intake"));
  CHECK(Allowed("http://[0:0:0:0:0:0:0:1]/intake"));
}

TEST_CASE("plain http to any other host is refused") {
  CHECK_FALSE(Allowed("http://intake.example.org/"));
  CHECK_FALSE(Allowed("http://10.0.0.5/intake"));
  CHECK_FALSE(Allowed("http://128.0.0.1/intake"));
  CHECK_FALSE(Allowed("http://192.168.1.20:8080/"));
  CHECK_FALSE(Allowed("http://[::2]/"));
  CHECK_FALSE(Allowed("http://[::ffff:10.0.0.1]/"));
}

TEST_CASE("a loopback-looking userinfo or subdomain does not make a remote host loopback") {
  CHECK_FALSE(Allowed("http://127.0.0.1@intake.example.org/"));
  CHECK_FALSE(Allowed("http://localhost@intake.example.org/"));
  CHECK_FALSE(Allowed("http://localhost.example.org/"));
  CHECK_FALSE(Allowed("http://127.0.0.1.example.org/"));
}

TEST_CASE("other schemes and malformed URLs are refused") {
  CHECK_FALSE(Allowed("ftp://127.0.0.1/intake"));
  CHECK_FALSE(Allowed("file:///etc/passwd"));
  CHECK_FALSE(Allowed("intake.example.org/path"));
  CHECK_FALSE(Allowed("not a url"));
  CHECK_FALSE(Allowed(""));
}

TEST_CASE("a refusal says why without repeating the path or query, which may hold a token") {
  const auto status = net::CheckUrlAllowed("http://intake.example.org/hook?token=s3cr3t-value");
  REQUIRE_FALSE(status.ok());
  CHECK(status.error().find("intake.example.org") != std::string::npos);
  CHECK(status.error().find("https://") != std::string::npos);
  CHECK(status.error().find("s3cr3t") == std::string::npos);
}

TEST_CASE("posting to a refused URL fails before any connection and says so") {
  net::PostRequest request;
  request.url = "http://intake.invalid/hook";
  request.body = "{}";
  const auto result = net::Post(request);
  CHECK(result.kind == core::AttemptResult::Kind::kTlsError);
  CHECK(result.status == 0);
  CHECK(result.detail.find("refused") != std::string::npos);
}
