// End to end: the kiosk's own sender (outbox, libcurl, signing) delivers to a real intake inbox over
// loopback HTTPS, as intake JSON and as FHIR R4; a second pass sends nothing; the inbox holds each once.
#include "inbox_fixture.h"
#include "net/http_poster.h"
#include "sender/sender.h"
#include "store/outbox.h"

using namespace inbox_test;

namespace {

void DeliverThreeIntakes(const std::string& format) {
  Inbox inbox;
  store_test::TempDir kiosk_dir;
  auto outbox = store::Outbox::Open(kiosk_dir.File("outbox.sqlite"));
  REQUIRE(outbox.ok());
  std::vector<std::string> ids;
  for (int i = 0; i < 3; ++i) {
    Json intake = BaseIntake();
    ids.push_back(intake["intake_id"]);
    REQUIRE((*outbox)->Put(ids.back(), intake.dump(), inbox.clock.Now(), false).ok());
  }
  net::InitHttp();
  sender::SenderOptions options;
  options.delivery.url = "https://127.0.0.1:" + std::to_string(inbox.server->port()) + "/intakes";
  options.delivery.ca_file = net_test::Certs().ca;
  options.delivery.format = format;
  options.secrets.webhook_key = Key(kSecret1);
  sender::Sender sender(**outbox, options, &inbox.app->content(), inbox.clock, net::Post, [] { return 0.5; });

  auto first = sender.RunOnce();
  REQUIRE_MESSAGE(first.ok(), first.error());
  CHECK(first->delivered == 3);
  auto second = sender.RunOnce();
  REQUIRE(second.ok());
  CHECK(second->attempts() == 0);
  CHECK(inbox.Count() == 3);
  for (const auto& id : ids) {
    auto stored = inbox.app->intakes().Get(id);
    REQUIRE(stored.ok());
    REQUIRE(stored->has_value());
    CHECK((**stored).format == format);
    CHECK((**stored).kiosk_id == "front-desk-1");
    CHECK((**stored).top_tier == "review");
  }
}

}  // namespace

TEST_CASE("the kiosk's sender delivers intake JSON to the inbox, each intake stored once") {
  DeliverThreeIntakes("intake-json");
}

TEST_CASE("the kiosk's sender delivers FHIR R4 to the inbox, each intake stored once") {
  DeliverThreeIntakes("fhir-r4");
}
