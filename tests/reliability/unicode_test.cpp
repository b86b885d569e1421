// Unicode names survive the whole path byte for byte: typed into the real kiosk (headless, as a physical
// keyboard types), committed to the outbox, posted by the sender to a real intake inbox over loopback HTTPS
// and stored there, then exported by a signed-in staff member as CSV and as JSON.
#include <cstdlib>

#include "inbox/inbox_fixture.h"
#include "inbox/staff_client.h"
#include "net/http_poster.h"
#include "sender/sender.h"
#include "store/outbox.h"
#include "store/sqlite.h"

#include <sqlite3.h>

using namespace inbox_test;

namespace {
// What tests/scripts/unicode-names.kiosk types, as UTF-8 bytes.
const std::string kFirst = "Zo\xC3\xAB Ren\xC3\xA9\x65 \xF0\x9F\x98\x80";  // Zoë Renée 😀
const std::string kLast =
    "Nguye\xCC\x82\xCC\x83n \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D";  // Nguyễn (combining) שלום
}  // namespace

TEST_CASE(
    "names with accents, emoji, combining marks and Hebrew survive kiosk, inbox and export byte for byte") {
  Staff inbox;
  store_test::TempDir kiosk_dir;
  std::string command = std::string("SDL_VIDEODRIVER=dummy ") + KIOSK_BINARY + " --headless --script " +
                        KIOSK_SOURCE_DIR + "/tests/scripts/unicode-names.kiosk --size 1280x800 --data-dir " +
                        kiosk_dir.path().string() + " >" + kiosk_dir.File("kiosk.log").string() + " 2>&1";
  int rc = std::system(command.c_str());
  REQUIRE_MESSAGE(rc == 0, core::ReadFile(kiosk_dir.File("kiosk.log")).value());

  auto outbox = store::Outbox::Open(kiosk_dir.File("outbox.sqlite"));
  REQUIRE(outbox.ok());
  auto rows = (*outbox)->List();
  REQUIRE(rows.ok());
  REQUIRE(rows->size() == 1);
  const std::string id = rows->front().id;
  auto payload = (*outbox)->Payload(id);
  REQUIRE(payload.ok());
  REQUIRE(payload->has_value());
  Json queued = Json::parse(**payload);
  CHECK(queued["answers"]["first_name"].get<std::string>() == kFirst);
  CHECK(queued["answers"]["last_name"].get<std::string>() == kLast);

  // the headless run's virtual clock may be ahead of the real one: make the intake due now
  REQUIRE((*outbox)->RetryNow("", inbox.clock.Now()).ok());
  net::InitHttp();
  sender::SenderOptions options;
  options.delivery.url = "https://127.0.0.1:" + std::to_string(inbox.server->port()) + "/intakes";
  options.delivery.ca_file = net_test::Certs().ca;
  options.secrets.webhook_key = Key(kSecret1);
  sender::Sender sender(**outbox, options, nullptr, inbox.clock, net::Post, [] { return 0.5; });
  auto pass = sender.RunOnce();
  REQUIRE_MESSAGE(pass.ok(), pass.error());
  REQUIRE(pass->delivered == 1);

  auto stored = inbox.app->intakes().Get(id);
  REQUIRE(stored.ok());
  REQUIRE(stored->has_value());
  CHECK((**stored).intake["answers"]["first_name"].get<std::string>() == kFirst);
  CHECK((**stored).intake["answers"]["last_name"].get<std::string>() == kLast);
  // the body the inbox stored is the outbox payload, every byte
  for (const auto& entry : std::filesystem::directory_iterator(inbox.dir.File("data"))) {
    if (entry.path().extension() != ".sqlite") continue;
    auto db = store::sql::Database::Open(entry.path(), SQLITE_OPEN_READONLY);
    REQUIRE(db.ok());
    auto stmt = db->Prepare("SELECT body FROM intakes WHERE id = ?1");
    REQUIRE(stmt.ok());
    REQUIRE(stmt->Bind(1, id).ok());
    auto row = stmt->Step();
    REQUIRE(row.ok());
    REQUIRE(*row);
    CHECK(stmt->Text(0) == **payload);
  }

  // The staff exports, through the real sign-in and export form: the same bytes in a CSV cell and in JSON.
  REQUIRE(Status(inbox.SignIn("vanessa", kPassword)) == 303);
  const std::string csrf = inbox.Csrf();
  auto csv = inbox.PostForm(
      "/export", {{"csrf", csrf}, {"from", "2000-01-01"}, {"to", "2099-12-31"}, {"format", "csv"}});
  REQUIRE(Status(csv) == 200);
  CHECK(csv->body.find(id) != std::string::npos);
  CHECK(csv->body.find("," + kFirst + ",") != std::string::npos);  // a whole cell, unquoted, every byte
  CHECK(csv->body.find("," + kLast + ",") != std::string::npos);
  auto json = inbox.PostForm(
      "/export", {{"csrf", csrf}, {"from", "2000-01-01"}, {"to", "2099-12-31"}, {"format", "json"}});
  REQUIRE(Status(json) == 200);
  CHECK(json->body.find("\"" + kFirst + "\"") != std::string::npos);  // raw UTF-8, not \u escapes
  CHECK(json->body.find("\"" + kLast + "\"") != std::string::npos);
  Json exported = Json::parse(json->body);
  REQUIRE(exported.size() == 1);
  CHECK(exported[0]["intake"]["answers"]["first_name"].get<std::string>() == kFirst);
  CHECK(exported[0]["intake"]["answers"]["last_name"].get<std::string>() == kLast);
}
