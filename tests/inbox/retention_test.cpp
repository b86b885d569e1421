// Retention (inbox.json "retention": {"days": N}): intakes older than N days are deleted with their
// signatures and their bytes are gone from the database file and its WAL; the purge is audited; staff see
// when each intake will be deleted; an intake already older than that is refused.
#include <fstream>
#include <iterator>

#include "inbox/local_time.h"
#include "inbox/retention.h"
#include "inbox_fixture.h"
#include "staff_client.h"
#include "store/sqlite.h"

using namespace inbox_test;

namespace {

const std::string kMarker = "Zqxretentionmarker";

// Whether any file of the inbox's SQLite database (the file, its WAL) holds `text`. (PostgreSQL keeps a
// deleted row's bytes in its data files until they are overwritten: README, Retention.)
bool DatabaseHolds(const Inbox& inbox, const std::string& text) {
  for (const char* name : {"data/inbox.sqlite", "data/inbox.sqlite-wal"}) {
    std::ifstream in(inbox.dir.File(name), std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (bytes.find(text) != std::string::npos) return true;
  }
  return false;
}

Json SubmittedAt(Json intake, core::TimePoint at) {
  intake["submitted_at"] = core::ToRfc3339(at);
  intake["started_at"] = core::ToRfc3339(at - std::chrono::minutes(5));
  return intake;
}

}  // namespace

TEST_CASE(
    "intakes older than retention.days are deleted, their bytes gone from the file, the purge audited") {
  Staff s(Json{{"retention", {{"days", 30}}}});
  Json old = SubmittedAt(BaseIntake(), s.clock.Now() - std::chrono::days(29));
  old["answers"]["first_name"] = kMarker;
  old["answers"]["last_name"] = kMarker + "Last";
  const std::string old_id = s.Store(old);
  const std::string recent_id = s.Store(SubmittedAt(BaseIntake(), s.clock.Now()));
  const bool file = s.app->db().engine() == inbox::Engine::kSqlite;
  if (file) REQUIRE(DatabaseHolds(s, kMarker));     // the check below can fail
  CHECK(inbox::PurgeExpired(*s.app).value() == 0);  // 29 days: kept
  if (file) CHECK(DatabaseHolds(s, kMarker));

  s.clock.Advance(std::chrono::days(2));
  CHECK(inbox::PurgeExpired(*s.app).value() == 1);
  CHECK(s.Count() == 1);
  CHECK_FALSE(s.app->intakes().Get(old_id).value());
  CHECK(s.app->intakes().Get(recent_id).value());
  if (file) CHECK_FALSE(DatabaseHolds(s, kMarker));
  auto audit = s.app->staff().AuditLog().value();
  REQUIRE_FALSE(audit.empty());
  CHECK(audit.front().user == "retention");
  CHECK(audit.front().action.find("30 days") != std::string::npos);
  CHECK(audit.front().intake_ids == old_id);
}

TEST_CASE("staff see when each intake will be deleted; without retention, that it is kept") {
  Staff s(Json{{"retention", {{"days", 30}}}});
  const core::TimePoint at = s.clock.Now() - std::chrono::days(3);
  const std::string id = s.Store(SubmittedAt(BaseIntake(), at));
  REQUIRE(Status(s.SignIn("vanessa", kPassword)) == 303);
  const std::string when = inbox::LocalTime(core::ToRfc3339(at + std::chrono::days(30)));
  CHECK(s.Get("/")->body.find(when) != std::string::npos);
  CHECK(s.Get("/intakes/" + id)->body.find("after " + when) != std::string::npos);

  Staff keeping;
  const std::string kept = keeping.Store(BaseIntake());
  REQUIRE(Status(keeping.SignIn("vanessa", kPassword)) == 303);
  CHECK(keeping.Get("/intakes/" + kept)->body.find("never (no retention set)") != std::string::npos);
}

TEST_CASE("an intake already older than retention.days is refused with 422, not stored to be deleted") {
  Inbox inbox(Json{{"retention", {{"days", 30}}}});
  Json old = SubmittedAt(BaseIntake(), inbox.clock.Now() - std::chrono::days(31));
  auto r = inbox.Post(old);
  CHECK(Status(r) == 422);
  REQUIRE(r);
  CHECK(r->body.find("/submitted_at") != std::string::npos);
  CHECK(inbox.Count() == 0);
}

TEST_CASE(
    "the inbox purges as it starts serving (the retention loop runs once at once), and not without "
    "retention") {
  Staff s(Json{{"retention", {{"days", 30}}}});
  s.Store(SubmittedAt(BaseIntake(), s.clock.Now() - std::chrono::days(29)));
  s.clock.Advance(std::chrono::days(2));
  { inbox::RetentionLoop loop(*s.app); }  // ends right after its first purge
  CHECK(s.Count() == 0);

  Staff keeping;
  keeping.Store(SubmittedAt(BaseIntake(), keeping.clock.Now() - std::chrono::days(29)));
  keeping.clock.Advance(std::chrono::days(400));
  { inbox::RetentionLoop loop(*keeping.app); }
  CHECK(keeping.Count() == 1);
}

TEST_CASE(
    "a purge whose log truncation a reader blocks still audits what it deleted, and the next one cuts it" *
    doctest::test_suite("sqlite-file")) {
  Staff s(Json{{"retention", {{"days", 30}}}});
  Json old = SubmittedAt(BaseIntake(), s.clock.Now() - std::chrono::days(29));
  old["answers"]["first_name"] = kMarker;
  const std::string old_id = s.Store(old);
  s.clock.Advance(std::chrono::days(2));
  {
    // Someone reading the database meanwhile (an administrator's sqlite3, a backup): an open read
    // transaction keeps the write-ahead log from being cut.
    auto reader = store::sql::OpenPrivate(s.dir.File("data/inbox.sqlite"));
    REQUIRE(reader.ok());
    REQUIRE(reader->Exec("PRAGMA busy_timeout = 0; BEGIN; SELECT count(*) FROM intakes;").ok());
    auto purged = inbox::PurgeExpired(*s.app);
    REQUIRE_FALSE(purged.ok());
    CHECK(purged.error().find("1 intakes deleted") != std::string::npos);
    auto audit = s.app->staff().AuditLog().value();
    REQUIRE_FALSE(audit.empty());
    CHECK(audit.front().user == "retention");
    CHECK(audit.front().intake_ids == old_id);
  }
  CHECK(inbox::PurgeExpired(*s.app).value() == 0);
  CHECK_FALSE(DatabaseHolds(s, kMarker));
}
