// POST /intakes checks each intake against the content version it names (answers, flags, consents, times,
// no repeated keys) with a 422 naming the pointer, and keeps an intake of an unknown content version apart:
// stored (202), off the main list and out of exports, on a list of its own. The cases of the attack
// run, each of which the inbox stored before.
#include "core/delivery/fhir.h"
#include "inbox_fixture.h"
#include "staff_client.h"

using namespace inbox_test;

namespace {

// The status and body of a signed post of this exact text.
std::pair<int, std::string> PostText(const Inbox& inbox, const std::string& body, const std::string& id) {
  auto r = inbox.Post(body, id, Key(kSecret1));
  return {Status(r), r ? r->body : std::string()};
}

}  // namespace

TEST_CASE("an intake that does not fit its content is 422 with the pointer, and nothing is stored") {
  Inbox inbox;
  struct Case {
    const char* what;
    const char* pointer;
    std::function<void(Json&)> change;
  };
  const std::vector<Case> cases = {
      {"a 5,000-character first name", "/answers/first_name",
       [](Json& j) { j["answers"]["first_name"] = std::string(5000, 'a'); }},
      {"a 1 MB answer where 200 characters are allowed", "/answers/concerns_other",
       [](Json& j) { j["answers"]["concerns_other"] = std::string(1'000'000, 'x'); }},
      {"an unknown question id", "/answers/favourite_colour",
       [](Json& j) { j["answers"]["favourite_colour"] = "blue"; }},
      {"date of birth \"yesterday\"", "/answers/date_of_birth",
       [](Json& j) { j["answers"]["date_of_birth"] = "yesterday"; }},
      {"a NUL in a name", "/answers/first_name",
       [](Json& j) { j["answers"]["first_name"] = std::string("An\0a", 4); }},
      {"an option the question does not have", "/answers/skin_concerns",
       [](Json& j) { j["answers"]["skin_concerns"] = Json::array({"tattoos"}); }},
      {"submitted_at in year 9999", "/submitted_at",
       [](Json& j) { j["submitted_at"] = "9999-12-31T23:59:59.999Z"; }},
      {"a flag the content does not define", "/flags/0/id", [](Json& j) { j["flags"][0]["id"] = "made_up"; }},
      {"a consent text version that never was", "/consents/0/version",
       [](Json& j) { j["consents"][0]["version"] = "1999-01"; }},
  };
  for (const auto& c : cases) {
    const std::string what = c.what;
    CAPTURE(what);
    Json intake = BaseIntake();
    intake["submitted_at"] = core::ToRfc3339(inbox.clock.Now());
    intake["started_at"] = core::ToRfc3339(inbox.clock.Now() - std::chrono::minutes(4));
    c.change(intake);
    auto [status, body] = PostText(inbox, intake.dump(), intake["intake_id"]);
    CHECK(status == 422);
    CHECK(body.find(std::string("\"not a valid intake: ") + c.pointer + ":") != std::string::npos);
  }
  CHECK(inbox.Count() == 0);
}

TEST_CASE("a repeated key is 422 naming it, whichever of the two a reader would keep") {
  Inbox inbox;
  Json intake = BaseIntake();
  const std::string id = intake["intake_id"];
  // kiosk_id twice: this inbox's parser keeps the last, a first-key-wins reader the first.
  std::string body = intake.dump();
  body.insert(1, "\"kiosk_id\":\"kiosk-2\",");
  auto [status, reply] = PostText(inbox, body, id);
  CHECK(status == 422);
  CHECK(reply.find("/kiosk_id: repeats a key") != std::string::npos);
  std::string nested = intake.dump();
  nested.insert(nested.find("\"answers\":{") + 11, "\"first_name\":\"Eve\",");
  auto [nested_status, nested_reply] = PostText(inbox, nested, id);
  CHECK(nested_status == 422);
  CHECK(nested_reply.find("/answers/first_name: repeats a key") != std::string::npos);
  CHECK(inbox.Count() == 0);
}

TEST_CASE("an intake of an unknown content version is stored apart: 202, off the list, on its own list") {
  Staff s;
  Json known = BaseIntake();
  known["answers"]["first_name"] = "Known";
  s.Store(known);
  Json other = BaseIntake();
  other["content"]["version"] = "1999.1.1";
  other["answers"]["first_name"] = "Apart";
  other["answers"]["question_of_1999"] = "an answer the inbox cannot word";
  auto r = s.Post(other);
  CHECK(Status(r) == 202);
  CHECK(Status(s.Post(other)) == 200);  // a retry stores nothing more
  CHECK(s.Count() == 2);
  auto stored = s.app->intakes().Get(other["intake_id"]).value();
  REQUIRE(stored);
  CHECK_FALSE(stored->known_content);

  REQUIRE(Status(s.SignIn("vanessa", kPassword)) == 303);
  const std::string list = s.Get("/")->body;
  CHECK(list.find("Known") != std::string::npos);
  CHECK(list.find("Apart") == std::string::npos);
  const std::string apart = s.Get("/?view=apart")->body;
  CHECK(apart.find("Apart") != std::string::npos);
  CHECK(apart.find("Known") == std::string::npos);
  const std::string page = s.Get("/intakes/" + other["intake_id"].get<std::string>())->body;
  CHECK(page.find("question_of_1999") != std::string::npos);
  CHECK(page.find("an answer the inbox cannot word") != std::string::npos);
  CHECK(s.app->intakes().Range("2000-01-01T00:00:00.000Z", "2100-01-01T00:00:00.000Z")->size() == 1);
}

TEST_CASE("an earlier content version named in earlier_content_dirs is checked with that version's words") {
  // The repository's content under another version number, as an earlier release would be.
  store_test::TempDir earlier;
  std::filesystem::copy(std::string(KIOSK_SOURCE_DIR) + "/content", earlier.File("content"),
                        std::filesystem::copy_options::recursive);
  auto manifest = Json::parse(core::ReadFile(earlier.File("content/manifest.json")).value());
  manifest["version"] = "2025.1.1";
  std::ofstream(earlier.File("content/manifest.json")) << manifest.dump();
  Inbox inbox(Json{{"earlier_content_dirs", {earlier.File("content").string()}}});
  Json intake = BaseIntake();
  intake["content"]["version"] = "2025.1.1";
  CHECK(Status(inbox.Post(intake)) == 201);
  Json bad = BaseIntake();
  bad["content"]["version"] = "2025.1.1";
  bad["answers"]["first_name"] = std::string(61, 'a');
  CHECK(Status(inbox.Post(bad)) == 422);
  CHECK(inbox.app->intakes().Get(intake["intake_id"]).value()->known_content);
}

TEST_CASE("a FHIR response is checked against the content version its questionnaire names") {
  Inbox inbox;
  Json intake = BaseIntake();
  intake["answers"]["first_name"] = std::string(200, 'a');
  const std::string body = core::DumpJson(core::ToFhirQuestionnaireResponse(inbox.app->content(), intake));
  auto [status, reply] = PostText(inbox, body, intake["intake_id"]);
  CHECK(status == 422);
  CHECK(reply.find("/answers/first_name") != std::string::npos);
}
