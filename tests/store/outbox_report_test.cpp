// Unit tests for the `kiosk outbox` table and counts formatting.
#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "store/outbox_report.h"

using store::OutboxRow;

namespace {

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

OutboxRow Row(std::string id, std::string state, int attempts, std::string error) {
  return OutboxRow{std::move(id), "2026-11-25T09:30:00.125Z", "intake",        std::move(state),
                   attempts,      "2026-11-25T09:31:00.000Z", std::move(error)};
}

}  // namespace

TEST_CASE("an empty outbox prints that it is empty") {
  CHECK(store::FormatOutboxTable({}) == "outbox is empty\n");
}

TEST_CASE("the table has a header and one aligned line per row") {
  auto text = store::FormatOutboxTable({Row("a-very-long-intake-id-0001", "pending", 0, ""),
                                        Row("b2", "parked", 12, "HTTP 422 Unprocessable Entity")});
  auto lines = Lines(text);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0].rfind("id", 0) == 0);
  for (const char* column : {"created", "kind", "state", "attempts", "next attempt", "last error"}) {
    CHECK(lines[0].find(column) != std::string::npos);
  }
  // Every column starts at the same offset on every line.
  for (const char* column : {"created", "kind", "state", "attempts", "next attempt", "last error"}) {
    auto at = lines[0].find(column);
    CHECK(lines[1][at - 1] == ' ');
    CHECK(lines[1][at] != ' ');
    CHECK(lines[2][at - 1] == ' ');
    CHECK(lines[2][at] != ' ');
  }
  CHECK(lines[1].find("a-very-long-intake-id-0001") == 0);
  CHECK(lines[2].substr(lines[0].find("attempts"), 3) == "12 ");
  CHECK(lines[2].substr(lines[0].find("last error")) == "HTTP 422 Unprocessable Entity");
}

TEST_CASE("a missing next attempt or last error shows as a dash") {
  OutboxRow row = Row("id-1", "delivered", 1, "");
  row.next_attempt_at.clear();
  auto lines = Lines(store::FormatOutboxTable({row}));
  REQUIRE(lines.size() == 2);
  CHECK(lines[1].substr(lines[0].find("next attempt"), 1) == "-");
  CHECK(lines[1].substr(lines[0].find("last error")) == "-");
}

TEST_CASE("control characters in a stored value cannot break the table") {
  auto text = store::FormatOutboxTable({Row("id\n\x1b[2J", "pending", 0, "line one\nline two\r\x1b")});
  auto lines = Lines(text);
  REQUIRE(lines.size() == 2);
  CHECK(text.find('\x1b') == std::string::npos);
  CHECK(text.find('\r') == std::string::npos);
  CHECK(lines[1].find("id??[2J") == 0);
  CHECK(lines[1].find("line one line two") != std::string::npos);
}

TEST_CASE("a long last error is shortened on a character boundary") {
  std::string error(79, 'x');
  error += "\xC3\xA9 and much more after it";  // a two-byte character straddles the 80-byte cut
  auto lines = Lines(store::FormatOutboxTable({Row("id-1", "parked", 3, error)}));
  REQUIRE(lines.size() == 2);
  auto cell = lines[1].substr(lines[0].find("last error"));
  CHECK(cell == std::string(79, 'x') + "...");
}

TEST_CASE("counts print every state and the total") {
  store::OutboxCounts counts{2, 1, 14, 1};
  CHECK(store::FormatOutboxCounts(counts) == "pending 2, delivering 1, delivered 14, parked 1 (18 in all)");
}

TEST_CASE("the content running is one line, or says that no kiosk UI has recorded any") {
  CHECK(store::FormatRunningContent(std::nullopt) ==
        "content running: not recorded yet (no kiosk UI has started on this outbox)");
  store::Outbox::RunningContent running{"glowup-microneedling", "2030.3.1", "2026-11-25T09:30:00.125Z"};
  CHECK(store::FormatRunningContent(running) ==
        "content running: glowup-microneedling 2030.3.1 (since 2026-11-25T09:30:00.125Z)");
  running.content_version = "2030\n\x1b[2J";  // a stored value cannot reach the terminal as a control
  CHECK(store::FormatRunningContent(running).find('\x1b') == std::string::npos);
}
