// Integration tests: the sender's side of the outbox (claim, lease, outcome, retry, purge) on a real file.
#include <doctest/doctest.h>
#include <sqlite3.h>

#include <chrono>
#include <fstream>
#include <iterator>
#include <string>

#include "store/outbox.h"
#include "store/sqlite.h"
#include "temp_dir.h"

using store::Outbox;
using store_test::At;
using store_test::TempDir;

namespace {

constexpr core::Seconds kLease{60};

std::unique_ptr<Outbox> OpenOrFail(const std::filesystem::path& file) {
  auto outbox = Outbox::Open(file);
  REQUIRE_MESSAGE(outbox.ok(), outbox.error());
  return std::move(*outbox);
}

std::string Payload(const std::string& name) {
  return R"({"schema":1,"answers":{"first_name":")" + name + "\"}}";
}

// Claims at `now` and requires a row.
store::ClaimedIntake ClaimOrFail(Outbox& outbox, core::TimePoint now, bool demo = false) {
  auto claim = outbox.Claim(now, kLease, demo);
  REQUIRE_MESSAGE(claim.ok(), claim.error());
  REQUIRE(claim->has_value());
  return **claim;
}

void ExpectNothingDue(Outbox& outbox, core::TimePoint now, bool demo = false) {
  auto claim = outbox.Claim(now, kLease, demo);
  REQUIRE_MESSAGE(claim.ok(), claim.error());
  CHECK_FALSE(claim->has_value());
}

store::OutboxRow RowOf(Outbox& outbox, const std::string& id) {
  auto rows = outbox.List();
  REQUIRE(rows.ok());
  for (const auto& row : *rows) {
    if (row.id == id) return row;
  }
  FAIL("no row " << id);
  return {};
}

// Changes the file behind the outbox's back, as a hand edit or a damaged copy would.
void EditByHand(const std::filesystem::path& file, const std::string& sql) {
  auto raw = store::sql::Database::Open(file, SQLITE_OPEN_READWRITE);
  REQUIRE(raw.ok());
  REQUIRE(raw->QueryInt("PRAGMA busy_timeout = 5000").ok());
  auto done = raw->Exec(sql);
  REQUIRE_MESSAGE(done.ok(), done.error());
}

std::string ReadFile(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

TEST_CASE("claim returns the oldest due row and nothing when none is due") {
  TempDir dir;
  auto outbox = OpenOrFail(dir.File("outbox.db"));
  ExpectNothingDue(*outbox, At(100));
  REQUIRE(outbox->Put("b", Payload("B"), At(20), false).ok());
  REQUIRE(outbox->Put("a", Payload("A"), At(10), false).ok());
  REQUIRE(outbox->Put("c", Payload("C"), At(30), false).ok());

  auto first = ClaimOrFail(*outbox, At(100));
  CHECK(first.id == "a");
  CHECK(first.payload == Payload("A"));
  CHECK(first.kind == "intake");
  CHECK(ClaimOrFail(*outbox, At(100)).id == "b");
  CHECK(ClaimOrFail(*outbox, At(100)).id == "c");
  ExpectNothingDue(*outbox, At(100));  // all three are leased now
}

TEST_CASE("a row not yet due is not claimed") {
  TempDir dir;
  auto outbox = OpenOrFail(dir.File("outbox.db"));
  REQUIRE(outbox->Put("later", Payload("L"), At(50), false).ok());
  ExpectNothingDue(*outbox, At(49));
  CHECK(ClaimOrFail(*outbox, At(50)).id == "later");  // due exactly at next_attempt_at
}

TEST_CASE("claim increments attempts and leases the row") {
  TempDir dir;
  auto outbox = OpenOrFail(dir.File("outbox.db"));
  REQUIRE(outbox->Put("a", Payload("A"), At(0), false).ok());
  auto claim = ClaimOrFail(*outbox, At(10));
  CHECK(claim.attempts == 1);
  auto row = RowOf(*outbox, "a");
  CHECK(row.state == "delivering");
  CHECK(row.attempts == 1);
  CHECK(row.next_attempt_at == "2026-11-25T09:01:10.000Z");  // At(10) + 60 s lease

  REQUIRE(outbox->MarkRetry("a", 1, At(20), "HTTP 503").ok());
  CHECK(ClaimOrFail(*outbox, At(20)).attempts == 2);
  CHECK(outbox->Counts()->delivering == 1);
}

TEST_CASE("a claim needs a positive lease") {
  TempDir dir;
  auto outbox = OpenOrFail(dir.File("outbox.db"));
  REQUIRE(outbox->Put("a", Payload("A"), At(0), false).ok());
  CHECK_FALSE(outbox->Claim(At(10), core::Seconds{0}).ok());
  CHECK(RowOf(*outbox, "a").state == "pending");
}

TEST_CASE("an expired lease is claimed again by another sender and the old holder can no longer mark it") {
  TempDir dir;
  auto old_sender = OpenOrFail(dir.File("outbox.db"));
  auto new_sender = OpenOrFail(dir.File("outbox.db"));
  REQUIRE(old_sender->Put("a", Payload("A"), At(0), false).ok());

  auto held = ClaimOrFail(*old_sender, At(0));
  ExpectNothingDue(*new_sender, At(59));  // the lease runs until At(60)
  auto taken = ClaimOrFail(*new_sender, At(60));
  CHECK(taken.id == "a");
  CHECK(taken.attempts == held.attempts + 1);

  for (auto late : {old_sender->MarkDelivered("a", held.attempts, At(61)),
                    old_sender->MarkRetry("a", held.attempts, At(90), "timeout"),
                    old_sender->MarkParked("a", held.attempts, "HTTP 400")}) {
    REQUIRE_FALSE(late.ok());
    CHECK(late.error().find("claim lost") != std::string::npos);
  }
  auto row = RowOf(*old_sender, "a");
  CHECK(row.state == "delivering");
  CHECK(row.attempts == 2);
  CHECK(new_sender->MarkDelivered("a", taken.attempts, At(62)).ok());
  CHECK(RowOf(*old_sender, "a").state == "delivered");
}

TEST_CASE("an outcome cannot be recorded for a row that was never claimed or is already done") {
  TempDir dir;
  auto outbox = OpenOrFail(dir.File("outbox.db"));
  REQUIRE(outbox->Put("a", Payload("A"), At(0), false).ok());
  CHECK_FALSE(outbox->MarkDelivered("a", 0, At(1)).ok());  // pending, not claimed
  CHECK_FALSE(outbox->MarkDelivered("nobody", 1, At(1)).ok());
  auto claim = ClaimOrFail(*outbox, At(0));
  REQUIRE(outbox->MarkDelivered("a", claim.attempts, At(1)).ok());
  CHECK_FALSE(outbox->MarkDelivered("a", claim.attempts, At(2)).ok());  // twice
  CHECK_FALSE(outbox->MarkRetry("a", claim.attempts, At(2), "late").ok());
  CHECK(RowOf(*outbox, "a").state == "delivered");
}

TEST_CASE("a delivered row shows state delivered with no next attempt and no error") {
  TempDir dir;
  auto outbox = OpenOrFail(dir.File("outbox.db"));
  REQUIRE(outbox->Put("a", Payload("A"), At(0), false).ok());
  auto first = ClaimOrFail(*outbox, At(0));
  REQUIRE(outbox->MarkRetry("a", first.attempts, At(30), "HTTP 502").ok());
  auto second = ClaimOrFail(*outbox, At(30));
  REQUIRE(outbox->MarkDelivered("a", second.attempts, At(31)).ok());

  auto row = RowOf(*outbox, "a");
  CHECK(row.state == "delivered");
  CHECK(row.attempts == 2);
  CHECK(row.next_attempt_at.empty());
  CHECK(row.last_error.empty());
  CHECK(outbox->Payload("a")->value() == Payload("A"));  // kept until the retention purge
  ExpectNothingDue(*outbox, At(1000));
}

TEST_CASE("a retried row waits until its next attempt and shows the reason") {
  TempDir dir;
  auto outbox = OpenOrFail(dir.File("outbox.db"));
  REQUIRE(outbox->Put("a", Payload("A"), At(0), false).ok());
  auto claim = ClaimOrFail(*outbox, At(0));
  REQUIRE(outbox->MarkRetry("a", claim.attempts, At(45), "HTTP 503").ok());

  auto row = RowOf(*outbox, "a");
  CHECK(row.state == "pending");
  CHECK(row.next_attempt_at == "2026-11-25T09:00:45.000Z");
  CHECK(row.last_error == "HTTP 503");
  ExpectNothingDue(*outbox, At(44));
  CHECK(ClaimOrFail(*outbox, At(45)).id == "a");
}

TEST_CASE("a parked row is never claimed and shows the reason") {
  TempDir dir;
  auto outbox = OpenOrFail(dir.File("outbox.db"));
  REQUIRE(outbox->Put("a", Payload("A"), At(0), false).ok());
  auto claim = ClaimOrFail(*outbox, At(0));
  REQUIRE(outbox->MarkParked("a", claim.attempts, "HTTP 404").ok());

  auto row = RowOf(*outbox, "a");
  CHECK(row.state == "parked");
  CHECK(row.next_attempt_at.empty());
  CHECK(row.last_error == "HTTP 404");
  ExpectNothingDue(*outbox, At(100000));
  CHECK_FALSE(outbox->NextDue()->has_value());
  CHECK(outbox->Counts()->parked == 1);
}

TEST_CASE("a reason is stored as one short line") {
  TempDir dir;
  auto outbox = OpenOrFail(dir.File("outbox.db"));
  REQUIRE(outbox->Put("a", Payload("A"), At(0), false).ok());
  auto claim = ClaimOrFail(*outbox, At(0));
  std::string reason = "HTTP 500\n" + std::string(1000, 'x');
  REQUIRE(outbox->MarkRetry("a", claim.attempts, At(1), reason).ok());
  auto stored = RowOf(*outbox, "a").last_error;
  CHECK(stored.size() <= 200);
  CHECK(stored.rfind("HTTP 500 x", 0) == 0);
  CHECK(stored.find('\n') == std::string::npos);
}

TEST_CASE("retry now makes a parked row due now and leaves delivered rows alone") {
  TempDir dir;
  auto outbox = OpenOrFail(dir.File("outbox.db"));
  REQUIRE(outbox->Put("parked", Payload("P"), At(0), false).ok());
  REQUIRE(outbox->Put("done", Payload("D"), At(1), false).ok());
  auto p = ClaimOrFail(*outbox, At(2));
  auto d = ClaimOrFail(*outbox, At(2));
  REQUIRE(outbox->MarkParked(p.id, p.attempts, "HTTP 422").ok());
  REQUIRE(outbox->MarkDelivered(d.id, d.attempts, At(3)).ok());

  auto one = outbox->RetryNow("parked", At(100));
  REQUIRE(one.ok());
  CHECK(*one == 1);
  auto row = RowOf(*outbox, "parked");
  CHECK(row.state == "pending");
  CHECK(row.next_attempt_at == "2026-11-25T09:01:40.000Z");
  CHECK(row.attempts == 1);  // the claim token only grows
  CHECK(RowOf(*outbox, "done").state == "delivered");
  CHECK(*outbox->RetryNow("done", At(100)) == 0);
  CHECK(*outbox->RetryNow("nobody", At(100)) == 0);

  auto again = ClaimOrFail(*outbox, At(100));
  CHECK(again.id == "parked");
  CHECK(again.attempts == 2);
}

TEST_CASE("retry now for all makes waiting rows due and keeps held and already due rows as they are") {
  TempDir dir;
  auto outbox = OpenOrFail(dir.File("outbox.db"));
  for (auto id : {"held", "waiting", "parked", "due"})
    REQUIRE(outbox->Put(id, Payload(id), At(0), false).ok());
  // All four are due At(0) and created together: they are claimed in the order they were queued.
  auto held = ClaimOrFail(*outbox, At(1));
  auto waiting = ClaimOrFail(*outbox, At(1));
  auto parked = ClaimOrFail(*outbox, At(1));
  REQUIRE(held.id == "held");
  REQUIRE(outbox->MarkRetry(waiting.id, waiting.attempts, At(5000), "HTTP 429").ok());
  REQUIRE(outbox->MarkParked(parked.id, parked.attempts, "HTTP 410").ok());

  auto changed = outbox->RetryNow("", At(100));
  REQUIRE(changed.ok());
  CHECK(*changed == 2);  // "waiting" and "parked"; "due" was due already, "held" belongs to a sender
  CHECK(RowOf(*outbox, "held").state == "delivering");
  CHECK(RowOf(*outbox, "due").next_attempt_at == "2026-11-25T09:00:00.000Z");
  CHECK(RowOf(*outbox, "waiting").next_attempt_at == "2026-11-25T09:01:40.000Z");
  // every row is due now; the oldest submitted goes first ("held": its lease ran out, its sender died)
  for (auto id : {"held", "waiting", "parked", "due"}) CHECK(ClaimOrFail(*outbox, At(100)).id == id);
}

TEST_CASE("next due is the earliest pending row of the kind, or a lease's expiry") {
  TempDir dir;
  auto outbox = OpenOrFail(dir.File("outbox.db"));
  auto none = outbox->NextDue();
  REQUIRE(none.ok());
  CHECK_FALSE(none->has_value());

  auto precise = At(30) + std::chrono::milliseconds{125};
  REQUIRE(outbox->Put("b", Payload("B"), precise, false).ok());
  REQUIRE(outbox->Put("a", Payload("A"), At(40), false).ok());
  REQUIRE(outbox->Put("demo", Payload("D"), At(5), true).ok());
  CHECK(outbox->NextDue().value() == precise);
  CHECK(outbox->NextDue(true).value() == At(5));

  auto b = ClaimOrFail(*outbox, At(31));  // leased until At(91)
  CHECK(outbox->NextDue().value() == At(40));
  auto a = ClaimOrFail(*outbox, At(41));       // leased until At(101)
  CHECK(outbox->NextDue().value() == At(91));  // if b's sender dies, b is due again then
  REQUIRE(outbox->MarkDelivered(b.id, b.attempts, At(42)).ok());
  REQUIRE(outbox->MarkParked(a.id, a.attempts, "HTTP 400").ok());
  CHECK_FALSE(outbox->NextDue()->has_value());
  CHECK(outbox->NextDue(true).value() == At(5));
}

TEST_CASE("purge removes payloads of old delivered rows only") {
  TempDir dir;
  auto outbox = OpenOrFail(dir.File("outbox.db"));
  for (auto id : {"old", "recent", "parked"}) REQUIRE(outbox->Put(id, Payload(id), At(0), false).ok());
  REQUIRE(outbox->Put("pending", Payload("pending"), At(1), false).ok());
  auto old_claim = ClaimOrFail(*outbox, At(0));
  auto recent_claim = ClaimOrFail(*outbox, At(0));
  auto parked_claim = ClaimOrFail(*outbox, At(0));
  REQUIRE(outbox->MarkDelivered(old_claim.id, old_claim.attempts, At(10)).ok());
  REQUIRE(outbox->MarkDelivered(recent_claim.id, recent_claim.attempts, At(500)).ok());
  REQUIRE(outbox->MarkParked(parked_claim.id, parked_claim.attempts, "HTTP 400").ok());

  auto purged = outbox->PurgeDelivered(At(100));
  REQUIRE_MESSAGE(purged.ok(), purged.error());
  CHECK(*purged == 1);
  CHECK_FALSE(outbox->Payload("old")->has_value());
  CHECK(outbox->Payload("recent")->value() == Payload("recent"));
  CHECK(outbox->Payload("parked")->value() == Payload("parked"));
  CHECK(outbox->Payload("pending")->value() == Payload("pending"));

  auto row = RowOf(*outbox, "old");  // the row stays: id, times and state
  CHECK(row.state == "delivered");
  CHECK(row.created_at == "2026-11-25T09:00:00.000Z");
  CHECK(*outbox->PurgeDelivered(At(100)) == 0);  // already purged
  CHECK(outbox->Counts()->total() == 4);
}

TEST_CASE("a purged payload is gone from the database files, not just hidden") {
  TempDir dir;
  auto file = dir.File("outbox.db");
  auto outbox = OpenOrFail(file);
  const std::string small = "Small-Marker-7f3a";
  const std::string large = "Large-Marker-" + std::string(20000, 'q');  // spills into overflow pages
  REQUIRE(outbox->Put("small", Payload(small), At(0), false).ok());
  REQUIRE(outbox->Put("large", Payload(large), At(1), false).ok());
  for (int i = 0; i < 2; ++i) {
    auto claim = ClaimOrFail(*outbox, At(2));
    REQUIRE(outbox->MarkDelivered(claim.id, claim.attempts, At(3)).ok());
  }
  REQUIRE(*outbox->PurgeDelivered(At(100)) == 2);

  // The outbox is still open: what a copy of the data dir would show right now.
  std::string on_disk = ReadFile(file) + ReadFile(dir.File("outbox.db-wal"));
  CHECK(on_disk.find(small) == std::string::npos);
  CHECK(on_disk.find("Large-Marker-") == std::string::npos);
  CHECK(on_disk.find(std::string(1000, 'q')) == std::string::npos);
}

TEST_CASE("demo and real rows are claimed separately") {
  TempDir dir;
  auto outbox = OpenOrFail(dir.File("outbox.db"));
  REQUIRE(outbox->Put("demo-1", Payload("D"), At(0), true).ok());
  REQUIRE(outbox->Put("real-1", Payload("R"), At(1), false).ok());

  auto real = ClaimOrFail(*outbox, At(10), false);
  CHECK(real.id == "real-1");
  CHECK(real.kind == "intake");
  ExpectNothingDue(*outbox, At(10), false);
  auto demo = ClaimOrFail(*outbox, At(10), true);
  CHECK(demo.id == "demo-1");
  CHECK(demo.kind == "demo");
  ExpectNothingDue(*outbox, At(10), true);
}

TEST_CASE("a due row without a payload is parked instead of claimed") {
  TempDir dir;
  auto outbox = OpenOrFail(dir.File("outbox.db"));
  REQUIRE(outbox->Put("empty", Payload("E"), At(0), false).ok());
  REQUIRE(outbox->Put("full", Payload("F"), At(1), false).ok());
  EditByHand(dir.File("outbox.db"), "UPDATE outbox SET payload = NULL WHERE id = 'empty'");

  CHECK(ClaimOrFail(*outbox, At(10)).id == "full");
  auto row = RowOf(*outbox, "empty");
  CHECK(row.state == "parked");
  CHECK(row.last_error == "payload missing");
  CHECK(outbox->NextDue().value() == At(70));  // only the lease on "full" is left
}

TEST_CASE("next due reports a stored time it cannot read as an error") {
  TempDir dir;
  auto outbox = OpenOrFail(dir.File("outbox.db"));
  REQUIRE(outbox->Put("a", Payload("A"), At(0), false).ok());
  EditByHand(dir.File("outbox.db"),
             "UPDATE outbox SET next_attempt_at = '2026-11-25 09:00:00' WHERE id = 'a'");
  CHECK_FALSE(outbox->NextDue().ok());
}

TEST_CASE("demo leads older than the cutoff are deleted, payload and all; intakes and newer leads stay") {
  TempDir dir;
  auto file = dir.File("outbox.db");
  auto outbox = OpenOrFail(file);
  const std::string marker = "Lead-Marker-91c2";
  REQUIRE(outbox->Put("lead-old", Payload(marker), At(0), true).ok());
  REQUIRE(outbox->Put("lead-new", Payload("N"), At(200), true).ok());
  REQUIRE(outbox->Put("intake-old", Payload("I"), At(0), false).ok());
  auto purged = outbox->PurgeLeads(At(100));
  REQUIRE_MESSAGE(purged.ok(), purged.error());
  CHECK(*purged == 1);
  CHECK_FALSE(outbox->Payload("lead-old")->has_value());
  CHECK(outbox->Payload("lead-new")->value() == Payload("N"));
  CHECK(outbox->Payload("intake-old")->value() == Payload("I"));
  CHECK(outbox->DemoPayloads()->size() == 1);
  CHECK(*outbox->PurgeLeads(At(100)) == 0);
  std::string on_disk = ReadFile(file) + ReadFile(dir.File("outbox.db-wal"));
  CHECK(on_disk.find(marker) == std::string::npos);
}
