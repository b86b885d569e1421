// Low findings of issue 16 against a real inbox: a session cookie that did not slide, a CSRF token taken
// from the query string, httplib's own error answers without the security headers.
#include <doctest/doctest.h>

#include "staff_client.h"

using namespace inbox_test;

TEST_CASE("the session cookie slides with the session: every page sets it again for session_minutes") {
  Staff s;
  REQUIRE(Status(s.SignIn("vanessa", kPassword)) == 303);
  s.clock.Advance(std::chrono::minutes(20));
  auto page = s.Get("/");
  REQUIRE(Status(page) == 200);
  bool slid = false;
  for (const auto& [key, value] : page->headers) {
    if (key == "Set-Cookie" && value.rfind("__Host-inbox_session=" + s.session + ";", 0) == 0)
      slid = value.find("Max-Age=1800") != std::string::npos;
  }
  CHECK(slid);  // else the browser drops it 30 min after sign-in, however active staff are
}

TEST_CASE("a CSRF token is taken from the form body only, never from the query string") {
  Staff s;
  REQUIRE(Status(s.SignIn("vanessa", kPassword)) == 303);
  const std::string csrf = s.Csrf();
  CHECK(Status(s.Client()->Post("/logout?csrf=" + csrf, s.Cookie(), "",
                                "application/x-www-form-urlencoded")) == 403);
  CHECK(Status(s.Get("/")) == 200);  // still signed in
  CHECK(Status(s.PostForm("/logout", {{"csrf", csrf}})) == 303);
  CHECK(Status(s.Get("/")) == 303);
}

TEST_CASE("httplib's own error answers (414, 413) carry the security headers") {
  Staff s;
  auto too_long = s.Client()->Get("/" + std::string(10000, 'a'));
  REQUIRE(Status(too_long) == 414);
  CHECK(too_long->get_header_value("Content-Security-Policy").find("default-src 'none'") !=
        std::string::npos);
  CHECK(too_long->get_header_value("X-Frame-Options") == "DENY");
  auto too_big = s.Client()->Post("/intakes", std::string(3 * 1024 * 1024, 'x'), "application/json");
  REQUIRE(Status(too_big) == 413);
  CHECK(too_big->get_header_value("X-Content-Type-Options") == "nosniff");
}
