// The inbox's checks of an intake against the content version it names and against its clock
// (inbox/rules/content_check.h), and the duplicate-key finder: each case the issue's attack run stored.
#include <doctest/doctest.h>

#include "core/content/content_loader.h"
#include "inbox/rules/content_check.h"
#include "inbox/rules/duplicate_keys.h"
#include "inbox/rules/known_contents.h"

using core::Json;

namespace {

const core::Content& Shipped() {
  static const core::Content content = core::LoadContent(std::string(KIOSK_SOURCE_DIR) + "/content").value();
  return content;
}

Json Base() {
  auto text = core::ReadFile(std::string(KIOSK_SOURCE_DIR) + "/tests/inbox/fixtures/intake_cases.json");
  REQUIRE(text.ok());
  Json intake = Json::parse(*text)["base"];
  intake["content"]["version"] = Shipped().version;
  return intake;
}

// The pointers of every problem, joined with spaces.
std::string Pointers(const core::Problems& problems) {
  std::string out;
  for (const auto& p : problems) out += (out.empty() ? "" : " ") + p.pointer;
  return out;
}

const core::TimePoint kNow = core::ParseRfc3339("2026-11-25T10:05:00.000Z").value();

}  // namespace

TEST_CASE("the fixture's intake passes the content and time checks") {
  CHECK(core::CheckAgainstContent(Shipped(), Base()).empty());
  CHECK(core::CheckIntakeTimes(Base(), kNow, std::nullopt).empty());
}

TEST_CASE("answers that the kiosk could never send are named by their pointer") {
  struct Case {
    const char* what;
    const char* question;
    Json value;
  };
  const std::vector<Case> cases = {
      {"a 5,000-character first name (60 allowed)", "first_name", std::string(5000, 'a')},
      {"61 characters where 60 are allowed", "first_name", std::string(61, 'a')},
      {"a 2 MB answer where 200 are allowed", "concerns_other", std::string(2'000'000, 'x')},
      {"a NUL in a name", "first_name", std::string("An\0a", 4)},
      {"a line break in a name", "first_name", "Ana\nRuiz"},
      {"an unknown question id", "favourite_colour", "blue"},
      {"date of birth \"yesterday\"", "date_of_birth", "yesterday"},
      {"a date of birth after the day it was submitted", "date_of_birth", "2026-12-25"},
      {"a date of birth 200 years ago", "date_of_birth", "1826-01-01"},
      {"an option the question does not have", "skin_concerns", Json::array({"acne_scars", "tattoos"})},
      {"a string for a yes/no question", "pregnancy", "no"},
      {"a number for a text question", "first_name", 42},
      {"a consent in the answers", "treatment_consent", true},
  };
  for (const auto& c : cases) {
    const std::string what = c.what;
    CAPTURE(what);
    Json intake = Base();
    intake["answers"][c.question] = c.value;
    CHECK(Pointers(core::CheckAgainstContent(Shipped(), intake)) == std::string("/answers/") + c.question);
  }
}

TEST_CASE("flags, consents, signatures and the language must be the content's") {
  Json intake = Base();
  intake["flags"][0]["id"] = "made_up";
  intake["consents"][0]["version"] = "1999-01";
  intake["signatures"]["someone_else"] = intake["signatures"]["client_signature"];
  intake["language"] = "de";
  CHECK(Pointers(core::CheckAgainstContent(Shipped(), intake)) ==
        "/language /flags/0/id /consents/0/version /signatures/someone_else");
  Json tier = Base();
  tier["flags"][0]["tier"] = "stop";
  CHECK(Pointers(core::CheckAgainstContent(Shipped(), tier)) == "/flags/0/tier");
}

TEST_CASE("an optional answer typed and cleared again, and an answer at its limit, pass") {
  Json intake = Base();
  intake["answers"]["first_name"] = std::string(60, 'a');
  CHECK(core::CheckAgainstContent(Shipped(), intake).empty());
}

TEST_CASE("submitted_at: not in year 9999, not ahead of the clock, not before started_at or a day after it") {
  Json intake = Base();
  intake["submitted_at"] = "9999-12-31T23:59:59.999Z";
  CHECK(Pointers(core::CheckIntakeTimes(intake, kNow, std::nullopt)) == "/submitted_at");
  intake = Base();
  intake["submitted_at"] = "2026-11-25T10:10:01.000Z";  // 5 min 1 s ahead of the inbox
  intake["started_at"] = "2026-11-25T10:09:00.000Z";
  CHECK(Pointers(core::CheckIntakeTimes(intake, kNow, std::nullopt)) == "/submitted_at");
  intake = Base();
  intake["started_at"] = "2026-11-25T10:04:06.000Z";  // after submitted_at
  CHECK(Pointers(core::CheckIntakeTimes(intake, kNow, std::nullopt)) == "/started_at");
  intake = Base();
  intake["submitted_at"] = "1970-01-01T00:00:00.000Z";
  intake["started_at"] = "1970-01-01T00:00:00.000Z";
  CHECK(Pointers(core::CheckIntakeTimes(intake, kNow, std::nullopt)) == "/submitted_at");
  // A delivery late by days passes; one older than the inbox keeps intakes does not.
  intake = Base();
  const core::TimePoint later = kNow + std::chrono::days(20);
  CHECK(core::CheckIntakeTimes(intake, later, std::nullopt).empty());
  CHECK(core::CheckIntakeTimes(intake, later, 30).empty());
  CHECK(Pointers(core::CheckIntakeTimes(intake, later, 14)) == "/submitted_at");
}

TEST_CASE("a repeated key is found with its pointer, at any depth; distinct keys are not") {
  CHECK(core::FirstDuplicateKey(R"({"kiosk_id":"a","x":1,"kiosk_id":"b"})") == "/kiosk_id");
  CHECK(core::FirstDuplicateKey(R"({"answers":{"first_name":"A","first_name":"B"}})") ==
        "/answers/first_name");
  CHECK(core::FirstDuplicateKey(R"({"flags":[{"id":1},{"id":2,"tier":"a","tier":"b"}]})") == "/flags/1/tier");
  CHECK(core::FirstDuplicateKey(R"({"a":[[1,{}],{"b":{"c":1}},{"d":{"e":1,"e":2}}]})") == "/a/2/d/e");
  CHECK(core::FirstDuplicateKey(R"({"a/b":{"~":1,"~":2}})") == "/a~1b/~0");
  CHECK_FALSE(core::FirstDuplicateKey(R"({"a":{"id":1},"b":{"id":1},"c":[{"id":1},{"id":2}]})"));
  CHECK_FALSE(core::FirstDuplicateKey(Base().dump()));
}

TEST_CASE("known contents are found by id and version; a demo intake by the demo flow") {
  const auto known = core::KnownContents::Of({Shipped()});
  CHECK(known.Find(Shipped().id, Shipped().version) != nullptr);
  CHECK(known.Find(Shipped().id, "1999.1.1") == nullptr);
  CHECK(known.Find("another-clinic", Shipped().version) == nullptr);
  const core::Content* demo = known.Find(Shipped().id, Shipped().version, true);
  REQUIRE(demo != nullptr);
  CHECK(demo->steps.size() == Shipped().demo->steps.size());
}
