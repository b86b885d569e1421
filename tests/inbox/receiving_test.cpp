// POST /intakes over real HTTPS: signatures (good, bad, expired, replayed, rotated), bearer tokens, limits,
// the contract, exactly-once storage (201 / 200 / 409, and 8 concurrent posts of one intake), FHIR, /healthz.
#include <thread>
#include <vector>

#include "core/delivery/fhir.h"
#include "inbox_fixture.h"

using namespace inbox_test;

TEST_CASE("/healthz answers 200 with the security headers") {
  Inbox inbox;
  auto r = inbox.Client()->Get("/healthz");
  REQUIRE(Status(r) == 200);
  CHECK(r->get_header_value("Referrer-Policy") == "no-referrer");
  CHECK(r->get_header_value("Content-Security-Policy").find("frame-ancestors 'none'") != std::string::npos);
}

TEST_CASE("a new intake is 201, the same again 200 with nothing stored, the same id with another body 409") {
  Inbox inbox;
  Json intake = BaseIntake();
  CHECK(Status(inbox.Post(intake)) == 201);
  CHECK(Status(inbox.Post(intake)) == 200);
  CHECK(inbox.Count() == 1);
  Json changed = intake;
  changed["answers"]["first_name"] = "Someone else";
  auto conflict = inbox.Post(changed);
  CHECK(Status(conflict) == 409);
  CHECK(inbox.Count() == 1);
  auto stored = inbox.app->intakes().Get(intake["intake_id"]);
  REQUIRE(stored.ok());
  REQUIRE(stored->has_value());
  CHECK((**stored).intake["answers"]["first_name"] == "Ana");
  CHECK((**stored).format == "intake-json");
}

TEST_CASE("unsigned, wrongly signed and expired deliveries are refused with 401 and store nothing") {
  Inbox inbox;
  Json intake = BaseIntake();
  const std::string body = intake.dump(), id = intake["intake_id"];
  CHECK(Status(inbox.Post(body, id, "")) == 401);
  CHECK(Status(inbox.Post(body, id, Key("whsec_d3Jvbmcga2V5IGZvciB0aGlzIGluYm94IQ=="))) == 401);
  CHECK(Status(inbox.Post(body, id, Key(kSecret1), 301)) == 401);
  CHECK(Status(inbox.Post(body, id, Key(kSecret1), -301)) == 401);
  // A signature over another body, or for another id, does not carry over.
  const long long now = inbox.Now();
  httplib::Headers forged = {
      {"webhook-id", id},
      {"webhook-timestamp", std::to_string(now)},
      {"webhook-signature", net::WebhookSignature(Key(kSecret1), id, now, body + " ")}};
  CHECK(Status(inbox.Client()->Post("/intakes", forged, body, "application/json")) == 401);
  auto refused = inbox.Post(body, id, Key(kSecret1), 301);
  REQUIRE(refused);
  CHECK(refused->body.find("old") != std::string::npos);
  CHECK(inbox.Count() == 0);
  CHECK(Status(inbox.Post(body, id, Key(kSecret1), 299)) == 201);
}

TEST_CASE("a replayed request is a harmless repeat inside the window and refused after it") {
  Inbox inbox;
  Json intake = BaseIntake();
  const std::string body = intake.dump(), id = intake["intake_id"];
  const long long stamp = inbox.Now();
  httplib::Headers captured = {{"webhook-id", id},
                               {"webhook-timestamp", std::to_string(stamp)},
                               {"webhook-signature", net::WebhookSignature(Key(kSecret1), id, stamp, body)}};
  CHECK(Status(inbox.Client()->Post("/intakes", captured, body, "application/json")) == 201);
  inbox.clock.Advance(std::chrono::minutes(2));
  CHECK(Status(inbox.Client()->Post("/intakes", captured, body, "application/json")) == 200);
  inbox.clock.Advance(std::chrono::minutes(4));
  CHECK(Status(inbox.Client()->Post("/intakes", captured, body, "application/json")) == 401);
  CHECK(inbox.Count() == 1);
}

TEST_CASE("every secret of a kiosk is accepted during a rotation; a kiosk cannot post as another") {
  Inbox inbox;
  CHECK(Status(inbox.Post(BaseIntake(), Key(kSecret2))) == 201);
  // Signed with kiosk-2's key (and its token) but claiming to come from front-desk-1.
  Json intake = BaseIntake();
  auto r = inbox.Post(intake.dump(), intake["intake_id"], Key(kSecretKiosk2), 0,
                      {{"Authorization", "Bearer " + kTokenKiosk2}});
  CHECK(Status(r) == 403);
  CHECK(inbox.Count() == 1);
}

TEST_CASE("a kiosk with a bearer token must send it") {
  Inbox inbox;
  Json intake = BaseIntake();
  intake["kiosk_id"] = "kiosk-2";
  const std::string body = intake.dump(), id = intake["intake_id"];
  CHECK(Status(inbox.Post(body, id, Key(kSecretKiosk2))) == 401);
  CHECK(Status(inbox.Post(body, id, Key(kSecretKiosk2), 0, {{"Authorization", "Bearer wrong"}})) == 401);
  CHECK(Status(inbox.Post(body, id, Key(kSecretKiosk2), 0, {{"Authorization", kTokenKiosk2}})) == 401);
  CHECK(Status(inbox.Post(body, id, Key(kSecretKiosk2), 0, {{"Authorization", "Bearer " + kTokenKiosk2}})) ==
        201);
}

TEST_CASE("bodies over 2 MiB are 413 and deeply nested JSON is 400, before anything is stored") {
  Inbox inbox;
  Json big = BaseIntake();
  big["answers"]["concerns_other"] = std::string(2 * 1024 * 1024, 'a');
  CHECK(Status(inbox.Post(big)) == 413);
  const std::string deep = std::string(5000, '[') + std::string(5000, ']');
  CHECK(Status(inbox.Post(deep, core::NewUuid(), Key(kSecret1))) == 400);
  CHECK(Status(inbox.Post("{not json", core::NewUuid(), Key(kSecret1))) == 400);
  CHECK(inbox.Count() == 0);
}

TEST_CASE("a signed body that breaks the contract is 422 and names the pointer") {
  Inbox inbox;
  Json intake = BaseIntake();
  intake["flags"][0]["tier"] = "urgent";
  auto r = inbox.Post(intake);
  CHECK(Status(r) == 422);
  REQUIRE(r);
  CHECK(r->body.find("/flags/0/tier") != std::string::npos);
  Json other = BaseIntake();
  CHECK(Status(inbox.Post(other.dump(), core::NewUuid(), Key(kSecret1))) == 422);  // webhook-id is not the id
  CHECK(inbox.Count() == 0);
}

TEST_CASE("8 concurrent posts of one intake store it once: one 201 and seven 200") {
  Inbox inbox;
  Json intake = BaseIntake();
  std::vector<int> statuses(8, 0);
  std::vector<std::thread> posters;
  for (int i = 0; i < 8; ++i) posters.emplace_back([&, i] { statuses[i] = Status(inbox.Post(intake)); });
  for (auto& t : posters) t.join();
  CHECK(std::count(statuses.begin(), statuses.end(), 201) == 1);
  CHECK(std::count(statuses.begin(), statuses.end(), 200) == 7);
  CHECK(inbox.Count() == 1);
}

TEST_CASE("a FHIR R4 QuestionnaireResponse is accepted and stored with its intake view") {
  Inbox inbox;
  Json intake = BaseIntake();
  const std::string body = core::DumpJson(core::ToFhirQuestionnaireResponse(inbox.app->content(), intake));
  CHECK(Status(inbox.Post(body, intake["intake_id"], Key(kSecret1))) == 201);
  CHECK(Status(inbox.Post(body, intake["intake_id"], Key(kSecret1))) == 200);
  auto stored = inbox.app->intakes().Get(intake["intake_id"]);
  REQUIRE(stored.ok());
  REQUIRE(stored->has_value());
  CHECK((**stored).format == "fhir-r4");
  CHECK((**stored).intake["answers"] == intake["answers"]);
  CHECK((**stored).intake["flags"] == intake["flags"]);
  CHECK((**stored).client_name == "Ana");
}

TEST_CASE("the inbox database is private (mode 0600) and durable (WAL, synchronous=FULL)" *
          doctest::test_suite("sqlite-file")) {
  Inbox inbox;
  struct stat st {};
  REQUIRE(::stat(inbox.dir.File("data/inbox.sqlite").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  auto c = inbox.app->db().Use();
  CHECK(c->Query("PRAGMA journal_mode").value().at(0).at(0) == "wal");
  CHECK(c->QueryInt("PRAGMA synchronous").value() == 2);
}
