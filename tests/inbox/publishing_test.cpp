// Publishing content through the inbox over real HTTPS (SQLite, and PostgreSQL under with_postgresql.py):
// only publishers see and post the upload page; a folder with problems is refused with each problem's file
// and JSON pointer and nothing is offered; a good one is signed and offered to the chosen group's kiosks;
// each kiosk fetches its offer with a signed request and reports back what it did with it.
#include "archive_maker.h"
#include "bundle/content_bundle.h"
#include "inbox/passwords.h"
#include "inbox_fixture.h"
#include "staff_client.h"

using namespace inbox_test;
using namespace publish_test;

namespace {

// A key file made before the inbox opens (InboxApp reads it at start), kept in its own temp dir.
struct KeyFile {
  store_test::TempDir dir;
  std::string public_key;
  KeyFile() { public_key = bundle::MakeSigningKey(dir.File("content-signing.key")).value(); }
  std::string path() const { return dir.File("content-signing.key").string(); }
};

Json Publishing(const KeyFile& key) {
  return {{"publishing", {{"signing_key_file", key.path()}, {"groups", {{"lyon", {"kiosk-2"}}}}}}};
}

struct Publisher : Staff {
  explicit Publisher(const KeyFile& key) : Staff(Publishing(key)) {
    REQUIRE(app->staff().SetPublisher("vanessa", true).value());
    REQUIRE(Status(SignIn("vanessa", kPassword)) == 303);
  }

  httplib::Result Upload(const std::string& archive, const std::string& target, std::string csrf = "") {
    if (csrf.empty()) csrf = CsrfIn(Get("/publish")->body);
    httplib::MultipartFormDataItems items = {{"csrf", csrf, "", ""},
                                             {"target", target, "", ""},
                                             {"archive", archive, "content.zip", "application/zip"}};
    return Client()->Post("/publish", Cookie(), items);
  }

  // A kiosk's signed request to /content/... (as its sender makes it).
  httplib::Result Kiosk(const std::string& path, const Json& body, const std::string& key) const {
    const std::string text = body.dump(), id = core::NewUuid();
    httplib::Headers h{{"webhook-id", id},
                       {"webhook-timestamp", std::to_string(Now())},
                       {"webhook-signature", net::WebhookSignature(key, id, Now(), text)}};
    if (body.value("kiosk_id", "") == "kiosk-2") h.emplace("Authorization", "Bearer " + kTokenKiosk2);
    return Client()->Post(path, h, text, "application/json");
  }
};

}  // namespace

TEST_CASE("staff without the publisher role neither see nor post the upload page") {
  KeyFile key;
  Staff s(Publishing(key));
  REQUIRE(Status(s.SignIn("vanessa", kPassword)) == 303);
  CHECK(s.Get("/")->body.find("/publish") == std::string::npos);
  auto page = s.Get("/publish");
  CHECK(Status(page) == 403);
  CHECK(page->body.find("publisher role") != std::string::npos);
  httplib::MultipartFormDataItems items = {{"csrf", s.Csrf(), "", ""},
                                           {"target", "all", "", ""},
                                           {"archive", MakeArchive(ContentVersion("2030.1.1")), "c.tar", ""}};
  CHECK(Status(s.Client()->Post("/publish", s.Cookie(), items)) == 403);
  CHECK(s.app->publications().Recent()->empty());
}

TEST_CASE("a publisher's upload without the session's CSRF token is refused") {
  KeyFile key;
  Publisher p(key);
  CHECK(p.Get("/")->body.find("href=\"/publish\"") != std::string::npos);
  CHECK(Status(p.Upload(MakeArchive(ContentVersion("2030.1.1")), "all", "forged")) == 403);
  CHECK(p.app->publications().Recent()->empty());
}

TEST_CASE("content with problems is not published: each problem is shown with its file and JSON pointer") {
  KeyFile key;
  Publisher p(key);
  auto broken = ContentWith("questionnaire.json", [](std::string& text) {
    const auto at = text.find("\"type\": \"");
    text.replace(at, std::string("\"type\": \"").size(), "\"type\": \"no-such-type-");
  });
  auto r = p.Upload(MakeArchive(broken, Format::kZip), "all");
  REQUIRE(Status(r) == 422);
  CHECK(r->body.find("Not published") != std::string::npos);
  CHECK(r->body.find("<code>questionnaire.json</code>") != std::string::npos);
  CHECK(r->body.find("<code>/steps/") != std::string::npos);
  CHECK(p.app->publications().Recent()->empty());
  auto traversal = p.Upload(MakeArchive({{"manifest.json", "{}"}, {"../../etc/x", "x"}}), "all");
  CHECK(Status(traversal) == 422);
  CHECK(traversal->body.find("leaves the folder") != std::string::npos);
  auto same_version = p.Upload(MakeArchive(FolderEntries(std::string(KIOSK_SOURCE_DIR) + "/content")), "all");
  CHECK(Status(same_version) == 200);
  auto again = p.Upload(MakeArchive(FolderEntries(std::string(KIOSK_SOURCE_DIR) + "/content")), "all");
  CHECK(Status(again) == 422);
  CHECK(again->body.find("was published before") != std::string::npos);
}

TEST_CASE(
    "a good folder is signed and offered to its group's kiosks only; each fetches it and reports back") {
  KeyFile key;
  Publisher p(key);
  auto r = p.Upload(MakeArchive(ContentVersion("2030.1.1", "content/"), Format::kTarGz), "lyon");
  REQUIRE(Status(r) == 200);
  CHECK(r->body.find("Published glowup-microneedling 2030.1.1") != std::string::npos);
  CHECK(r->body.find("offered, not fetched yet") != std::string::npos);
  // front-desk-1 is not in "lyon": nothing for it.
  CHECK(Status(p.Kiosk("/content/offer", {{"kiosk_id", "front-desk-1"}}, Key(kSecret1))) == 204);
  auto offer = p.Kiosk("/content/offer", {{"kiosk_id", "kiosk-2"}}, Key(kSecretKiosk2));
  REQUIRE(Status(offer) == 200);
  auto opened = bundle::OpenBundle(offer->body, bundle::DecodePublicKey(key.public_key).value());
  REQUIRE(std::holds_alternative<bundle::Bundle>(opened));
  const auto& b = std::get<bundle::Bundle>(opened);
  CHECK(b.content_version == "2030.1.1");
  CHECK(core::ParseContent(b.files).ok());
  CHECK(p.Get("/publish")->body.find("fetched, waiting for the attract screen") != std::string::npos);
  auto report = p.Kiosk("/content/report",
                        {{"kiosk_id", "kiosk-2"},
                         {"bundle_id", b.id},
                         {"state", "refused"},
                         {"detail", "content not valid: app.json: /ui/x: missing"}},
                        Key(kSecretKiosk2));
  CHECK(Status(report) == 200);
  auto page = p.Get("/publish")->body;
  CHECK(page.find("refused it (content not valid: app.json: /ui/x: missing)") != std::string::npos);
  // Another kiosk cannot report for kiosk-2 nor fetch its offer (403); an unsigned request gets nothing
  // (401).
  CHECK(Status(p.Kiosk("/content/report",
                       {{"kiosk_id", "kiosk-2"}, {"bundle_id", b.id}, {"state", "installed"}},
                       Key(kSecret1))) == 403);
  CHECK(Status(p.Kiosk("/content/offer", {{"kiosk_id", "kiosk-2"}}, Key(kSecret1))) == 403);
  CHECK(Status(p.Client()->Post("/content/offer", "{\"kiosk_id\": \"kiosk-2\"}", "application/json")) == 401);
  // A newer bundle replaces the offer not yet taken.
  REQUIRE(Status(p.Upload(MakeArchive(ContentVersion("2030.1.2")), "all")) == 200);
  auto newer = p.Kiosk("/content/offer", {{"kiosk_id", "front-desk-1"}}, Key(kSecret1));
  REQUIRE(Status(newer) == 200);
  CHECK(newer->body.find("2030.1.2") != std::string::npos);
}

namespace {

// How many bundles the publish page lists front-desk-1 as running.
size_t RunningOnFrontDesk(const std::string& page) {
  size_t n = 0;
  for (size_t at = page.find("front-desk-1</strong>: running it"); at != std::string::npos;
       at = page.find("front-desk-1</strong>: running it", at + 1))
    ++n;
  return n;
}

}  // namespace

TEST_CASE(
    "a kiosk runs one bundle at a time on the page: the one before is replaced, and runs again when "
    "staff roll back to it") {
  KeyFile key;
  Publisher p(key);
  std::string ids[2];
  for (int i = 0; i < 2; ++i) {
    REQUIRE(Status(p.Upload(MakeArchive(ContentVersion(i ? "2030.2.2" : "2030.2.1")), "all")) == 200);
    auto offer = p.Kiosk("/content/offer", {{"kiosk_id", "front-desk-1"}}, Key(kSecret1));
    REQUIRE(Status(offer) == 200);
    ids[i] = std::get<bundle::Bundle>(
                 bundle::OpenBundle(offer->body, bundle::DecodePublicKey(key.public_key).value()))
                 .id;
    REQUIRE(Status(p.Kiosk("/content/report",
                           {{"kiosk_id", "front-desk-1"}, {"bundle_id", ids[i]}, {"state", "installed"}},
                           Key(kSecret1))) == 200);
    CHECK(RunningOnFrontDesk(p.Get("/publish")->body) == 1);
  }
  auto page = p.Get("/publish")->body;
  CHECK(page.find("replaced by a newer bundle (glowup-microneedling 2030.2.2 runs instead)") !=
        std::string::npos);
  // Staff roll 2030.2.2 back: the kiosk reports the one it runs again, then the roll back.
  REQUIRE(Status(p.Kiosk("/content/report",
                         {{"kiosk_id", "front-desk-1"}, {"bundle_id", ids[0]}, {"state", "installed"}},
                         Key(kSecret1))) == 200);
  REQUIRE(Status(p.Kiosk("/content/report",
                         {{"kiosk_id", "front-desk-1"}, {"bundle_id", ids[1]}, {"state", "rolled_back"}},
                         Key(kSecret1))) == 200);
  page = p.Get("/publish")->body;
  CHECK(RunningOnFrontDesk(page) == 1);
  CHECK(page.find("front-desk-1</strong>: rolled back by staff") != std::string::npos);
  CHECK(page.find("runs instead") == std::string::npos);
}

TEST_CASE(
    "an intake answered with a version published from the inbox is checked against it, not kept apart") {
  KeyFile key;
  Publisher p(key);
  Json intake = BaseIntake();
  intake["content"]["version"] = "2030.1.5";
  CHECK(Status(p.Post(intake)) == 202);  // not published yet: kept apart
  REQUIRE(Status(p.Upload(MakeArchive(ContentVersion("2030.1.5")), "all")) == 200);
  Json next = BaseIntake();
  next["content"]["version"] = "2030.1.5";
  CHECK(Status(p.Post(next)) == 201);
  CHECK(p.app->intakes().Get(next["intake_id"]).value()->known_content);
  Json wrong = next;
  wrong["intake_id"] = core::NewUuid();
  wrong["answers"]["no_such_question"] = "x";
  CHECK(Status(p.Post(wrong)) == 422);  // checked against the published content's questions
}
