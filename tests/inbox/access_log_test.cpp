// Access log lines: what a client sent cannot forge a line.
#include <doctest/doctest.h>

#include "inbox/rules/access_log.h"

TEST_CASE("a decoded path with a line break, spaces or bytes outside ASCII is escaped in the log") {
  CHECK(core::AccessLogLine("GET", "/login", 200, "") == "GET /login 200");
  CHECK(core::AccessLogLine("POST", "/intakes", 201, "3f1c") == "POST /intakes 201 3f1c");
  CHECK(core::AccessLogLine("GET", "/\nPOST /intakes 201 x", 404, "") ==
        "GET /\\x0aPOST\\x20/intakes\\x20201\\x20x 404");
  CHECK(core::AccessLogLine("G\rET", "/a\\b\x1b[31m\xc3\xa9", 400, "") ==
        "G\\x0dET /a\\x5cb\\x1b[31m\\xc3\\xa9 400");
  CHECK(core::AccessLogLine("GET", std::string(1000, 'a'), 414, "").size() < 300);
}
