// Integration tests: queueing, idempotency, listing and reopening against a real SQLite file.
#include <doctest/doctest.h>

#include <string>

#include "store/outbox.h"
#include "store/outbox_report.h"
#include "temp_dir.h"

using store::Outbox;
using store_test::At;
using store_test::TempDir;

namespace {

std::unique_ptr<Outbox> OpenOrFail(const std::filesystem::path& file) {
  auto outbox = Outbox::Open(file);
  REQUIRE_MESSAGE(outbox.ok(), outbox.error());
  return std::move(*outbox);
}

std::string Payload(const std::string& name) {
  return R"({"schema":1,"answers":{"first_name":")" + name + "\"}}";
}

}  // namespace

TEST_CASE("a queued intake can be listed and its payload read back") {
  TempDir dir;
  auto outbox = OpenOrFail(dir.File("outbox.db"));
  REQUIRE(outbox->Put("intake-1", Payload("Maria"), At(0), false).ok());

  auto rows = outbox->List();
  REQUIRE(rows.ok());
  REQUIRE(rows->size() == 1);
  const auto& row = rows->front();
  CHECK(row.id == "intake-1");
  CHECK(row.created_at == "2026-11-25T09:00:00.000Z");
  CHECK(row.kind == "intake");
  CHECK(row.state == "pending");
  CHECK(row.attempts == 0);
  CHECK(row.next_attempt_at == row.created_at);  // due at once
  CHECK(row.last_error.empty());

  auto payload = outbox->Payload("intake-1");
  REQUIRE(payload.ok());
  REQUIRE(payload->has_value());
  CHECK(**payload == Payload("Maria"));
}

TEST_CASE("ten quick submits of the same intake make one row") {
  TempDir dir;
  auto outbox = OpenOrFail(dir.File("outbox.db"));
  for (int tap = 0; tap < 10; ++tap) {
    auto put = outbox->Put("intake-1", Payload("Maria"), At(tap), false);
    CHECK_MESSAGE(put.ok(), put.error());
  }
  auto rows = outbox->List();
  REQUIRE(rows.ok());
  REQUIRE(rows->size() == 1);
  CHECK(rows->front().created_at == "2026-11-25T09:00:00.000Z");  // the first tap's row, untouched
  auto counts = outbox->Counts();
  REQUIRE(counts.ok());
  CHECK(counts->pending == 1);
  CHECK(counts->total() == 1);
}

TEST_CASE("the first payload wins when an id is queued twice with different payloads") {
  TempDir dir;
  auto outbox = OpenOrFail(dir.File("outbox.db"));
  REQUIRE(outbox->Put("intake-1", Payload("First"), At(0), false).ok());
  CHECK(outbox->Put("intake-1", Payload("Second"), At(5), true).ok());
  auto payload = outbox->Payload("intake-1");
  REQUIRE(payload.ok());
  CHECK(payload->value() == Payload("First"));
  CHECK(outbox->List()->front().kind == "intake");
}

TEST_CASE("a demo intake is queued with kind demo") {
  TempDir dir;
  auto outbox = OpenOrFail(dir.File("outbox.db"));
  REQUIRE(outbox->Put("lead-1", Payload("Ana"), At(0), true).ok());
  CHECK(outbox->List()->front().kind == "demo");
}

TEST_CASE("the list is newest first and honours its limit") {
  TempDir dir;
  auto outbox = OpenOrFail(dir.File("outbox.db"));
  REQUIRE(outbox->Put("b", Payload("B"), At(20), false).ok());
  REQUIRE(outbox->Put("a", Payload("A"), At(10), false).ok());
  REQUIRE(outbox->Put("c", Payload("C"), At(30), false).ok());
  auto all = outbox->List();
  REQUIRE(all.ok());
  REQUIRE(all->size() == 3);
  CHECK((*all)[0].id == "c");
  CHECK((*all)[1].id == "b");
  CHECK((*all)[2].id == "a");
  auto two = outbox->List(2);
  REQUIRE(two.ok());
  REQUIRE(two->size() == 2);
  CHECK((*two)[1].id == "b");
}

TEST_CASE("counts start at zero and follow what is queued") {
  TempDir dir;
  auto outbox = OpenOrFail(dir.File("outbox.db"));
  auto empty = outbox->Counts();
  REQUIRE(empty.ok());
  CHECK(empty->total() == 0);
  REQUIRE(outbox->Put("a", Payload("A"), At(0), false).ok());
  REQUIRE(outbox->Put("b", Payload("B"), At(1), true).ok());
  auto counts = outbox->Counts();
  REQUIRE(counts.ok());
  CHECK(counts->pending == 2);
  CHECK(counts->delivering == 0);
  CHECK(counts->delivered == 0);
  CHECK(counts->parked == 0);
}

TEST_CASE("an unknown id has no payload") {
  TempDir dir;
  auto outbox = OpenOrFail(dir.File("outbox.db"));
  auto payload = outbox->Payload("nobody");
  REQUIRE(payload.ok());
  CHECK_FALSE(payload->has_value());
}

TEST_CASE("a bad intake id or payload is refused and leaves the queue alone") {
  TempDir dir;
  auto outbox = OpenOrFail(dir.File("outbox.db"));
  CHECK_FALSE(outbox->Put("", Payload("A"), At(0), false).ok());
  CHECK_FALSE(outbox->Put("has space", Payload("A"), At(0), false).ok());
  CHECK_FALSE(outbox->Put("line\nbreak", Payload("A"), At(0), false).ok());
  CHECK_FALSE(outbox->Put(std::string(store::kMaxIntakeIdBytes + 1, 'a'), Payload("A"), At(0), false).ok());
  CHECK_FALSE(outbox->Put("ok-id", "", At(0), false).ok());
  CHECK_FALSE(outbox->Put("ok-id", "[1,2]", At(0), false).ok());
  CHECK_FALSE(outbox->Put("ok-id", R"({"first_name":"Maria")", At(0), false).ok());
  CHECK_FALSE(outbox->Put("ok-id", R"({"a":)" + std::string(100000, '[') + "}", At(0), false).ok());
  auto refused = outbox->Put("ok-id", R"({"first_name":"Maria")", At(0), false);
  CHECK(refused.error().find("Maria") == std::string::npos);  // errors never echo the payload
  CHECK(outbox->Counts()->total() == 0);
  CHECK(outbox->Put("0b6f3c2e-1d4a-4c1e-9a53-7f0e2b9d8c11", Payload("A"), At(0), false).ok());
}

TEST_CASE("queued intakes are still there after the outbox is reopened") {
  TempDir dir;
  {
    auto outbox = OpenOrFail(dir.File("outbox.db"));
    REQUIRE(outbox->Put("intake-1", Payload("Maria"), At(0), false).ok());
    REQUIRE(outbox->Put("intake-2", Payload("Ana"), At(1), true).ok());
  }
  auto reopened = OpenOrFail(dir.File("outbox.db"));
  auto rows = reopened->List();
  REQUIRE(rows.ok());
  REQUIRE(rows->size() == 2);
  CHECK((*rows)[0].id == "intake-2");
  CHECK(reopened->Payload("intake-1")->value() == Payload("Maria"));
}

TEST_CASE("two connections on the same file see each other's intakes") {
  TempDir dir;
  auto ui = OpenOrFail(dir.File("outbox.db"));
  auto sender = OpenOrFail(dir.File("outbox.db"));
  REQUIRE(ui->Put("intake-1", Payload("Maria"), At(0), false).ok());
  CHECK(sender->Payload("intake-1")->value() == Payload("Maria"));
  CHECK(sender->Put("intake-1", Payload("Maria"), At(1), false).ok());
  CHECK(ui->Counts()->total() == 1);
}

TEST_CASE("the outbox listing shows no personal data") {
  TempDir dir;
  auto outbox = OpenOrFail(dir.File("outbox.db"));
  REQUIRE(
      outbox->Put("intake-1", R"({"first_name":"Maria","email":"maria@example.com"})", At(0), false).ok());
  auto rows = outbox->List();
  REQUIRE(rows.ok());
  auto table = store::FormatOutboxTable(*rows);
  CHECK(table.find("intake-1") != std::string::npos);
  CHECK(table.find("Maria") == std::string::npos);
  CHECK(table.find("example.com") == std::string::npos);
}

TEST_CASE("a full disk refuses the commit with the disk named, keeps nothing half-written, then takes it") {
  TempDir dir;
  auto outbox = OpenOrFail(dir.File("outbox.db"));
  REQUIRE(outbox->Put("intake-1", Payload("Maria"), At(0), false).ok());
  REQUIRE(outbox->StopGrowing().ok());
  const std::string big = Payload(std::string(64 * 1024, 'x'));  // needs new pages, like a signature does

  auto full = outbox->Put("intake-2", big, At(1), false);
  REQUIRE_FALSE(full.ok());
  CHECK_MESSAGE(full.error().find("disk is full") != std::string::npos, full.error());
  CHECK(outbox->Counts()->pending == 1);  // intake-1 only: no half row, nothing claims intake-2
  CHECK_FALSE(outbox->Payload("intake-2")->has_value());
  CHECK(outbox->Put("intake-2", big, At(2), false).error().find("disk is full") != std::string::npos);

  outbox = OpenOrFail(dir.File("outbox.db"));  // space again (a new connection has no page limit)
  REQUIRE(outbox->Put("intake-2", big, At(3), false).ok());
  CHECK(outbox->Payload("intake-2")->value() == big);
  CHECK(outbox->Counts()->pending == 2);
}
