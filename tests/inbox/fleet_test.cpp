// The fleet page end to end inside the inbox: POST /heartbeats checked like an intake (signature, size,
// schema, identity) and kept as each kiosk's latest; the Kiosks page for signed-in staff with every kiosk's
// state. Runs on SQLite and, under with_postgresql.py, on PostgreSQL.
#include "inbox/local_time.h"
#include "staff_client.h"

using namespace inbox_test;

namespace {

Json Beat(const std::string& kiosk, core::TimePoint sent, int waiting = 0, int parked = 0,
          Json alerts = Json::array()) {
  return {{"type", "heartbeat"},
          {"schema_version", 1},
          {"heartbeat_id", core::NewUuid()},
          {"kiosk_id", kiosk},
          {"sent_at", core::ToRfc3339(sent)},
          {"package_version", "0.1.0"},
          {"content", {{"id", "glowup-microneedling"}, {"version", "2026.12.1"}}},
          {"queue",
           {{"waiting", waiting},
            {"parked", parked},
            {"oldest_waiting_s", waiting ? Json(60) : Json()},
            {"last_delivered_at", core::ToRfc3339(sent)}}},
          {"alerts", alerts}};
}

httplib::Result PostBeat(const Inbox& inbox, const std::string& body, const std::string& id,
                         const std::string& key, httplib::Headers extra = {}) {
  const long long stamp = inbox.Now();
  extra.emplace("webhook-id", id);
  extra.emplace("webhook-timestamp", std::to_string(stamp));
  if (!key.empty()) extra.emplace("webhook-signature", net::WebhookSignature(key, id, stamp, body));
  return inbox.Client()->Post("/heartbeats", extra, body, "application/json");
}

httplib::Result PostBeat(const Inbox& inbox, const Json& beat, const std::string& key = Key(kSecret1)) {
  return PostBeat(inbox, beat.dump(), beat["heartbeat_id"], key);
}

std::string Reason(const httplib::Result& r) {
  return r ? Json::parse(r->body).value("reason", std::string()) : std::string("no answer");
}

}  // namespace

TEST_CASE(
    "a signed heartbeat is kept as its kiosk's latest; a later one replaces it, an earlier one does not") {
  Inbox inbox;
  auto first = PostBeat(inbox, Beat("front-desk-1", inbox.clock.Now(), 3));
  CHECK(Status(first) == 200);
  CHECK(Reason(first) == "recorded");
  auto latest = inbox.app->fleet().Latest();
  REQUIRE(latest.ok());
  REQUIRE(latest->size() == 1);
  CHECK((*latest)[0].kiosk_id == "front-desk-1");
  CHECK((*latest)[0].heartbeat["queue"]["waiting"] == 3);
  CHECK((*latest)[0].received_at == core::ToRfc3339(inbox.clock.Now()));

  inbox.clock.Advance(std::chrono::minutes(1));
  CHECK(Status(PostBeat(inbox, Beat("front-desk-1", inbox.clock.Now(), 1))) == 200);
  auto late = PostBeat(inbox, Beat("front-desk-1", inbox.clock.Now() - std::chrono::seconds(90), 9));
  CHECK(Status(late) == 200);
  CHECK(Reason(late) == "older than the heartbeat kept for this kiosk");
  latest = inbox.app->fleet().Latest();
  REQUIRE(latest->size() == 1);
  CHECK((*latest)[0].heartbeat["queue"]["waiting"] == 1);
  CHECK(inbox.Count() == 0);  // a heartbeat is not an intake
}

TEST_CASE("a heartbeat is refused as an intake would be: unsigned, another kiosk's, malformed, too large") {
  Inbox inbox;
  Json beat = Beat("front-desk-1", inbox.clock.Now());
  const std::string id = beat["heartbeat_id"];
  CHECK(Status(PostBeat(inbox, beat.dump(), id, "")) == 401);
  CHECK(Status(PostBeat(inbox, beat.dump(), id, Key(kSecretKiosk2),
                        {{"Authorization", "Bearer " + kTokenKiosk2}})) == 403);
  CHECK(Status(PostBeat(inbox, beat.dump(), core::NewUuid(), Key(kSecret1))) == 422);
  Json named = beat;
  named["first_name"] = "Maria";
  auto refused = PostBeat(inbox, named);
  CHECK(Status(refused) == 422);
  CHECK(Reason(refused) == "not a valid heartbeat: /first_name: is not a property of this object");
  CHECK(Reason(refused).find("Maria") == std::string::npos);
  CHECK(Status(PostBeat(inbox, "{\"type\":", id, Key(kSecret1))) == 400);
  const std::string big = beat.dump() + std::string(64 * 1024, ' ');
  CHECK(Status(PostBeat(inbox, big, id, Key(kSecret1))) == 413);
  CHECK(inbox.app->fleet().Latest()->empty());
}

TEST_CASE(
    "the Kiosks page shows every kiosk: OK, never heard from, a problem, and silent after the set time") {
  Staff staff(Json{{"fleet", {{"silent_after_minutes", 10}}}});
  CHECK(Status(staff.Client()->Get("/kiosks")) == 303);  // staff only
  REQUIRE(Status(staff.SignIn("vanessa", kPassword)) == 303);
  REQUIRE(Status(PostBeat(staff, Beat("front-desk-1", staff.clock.Now(), 2))) == 200);

  auto page = staff.Get("/kiosks");
  REQUIRE(Status(page) == 200);
  std::string html = page->body;
  CHECK(html.find("1 of 2 kiosks need attention") != std::string::npos);
  CHECK(html.find("NEVER HEARD FROM") != std::string::npos);  // kiosk-2
  CHECK(html.find("<span class=\"badge state ok\">OK</span>") != std::string::npos);
  CHECK(html.find("glowup-microneedling 2026.12.1") != std::string::npos);
  CHECK(html.find("0.1.0") != std::string::npos);
  CHECK(html.find(inbox::LocalTime(core::ToRfc3339(staff.clock.Now()))) != std::string::npos);
  CHECK(html.find("href=\"/kiosks\"") != std::string::npos);

  staff.clock.Advance(std::chrono::minutes(11));
  html = staff.Get("/kiosks")->body;
  CHECK(html.find("badge state silent\">SILENT</span>") != std::string::npos);
  CHECK(html.find("Silent for 11 min (more than the 10 min allowed)") != std::string::npos);

  Json problem = Beat("front-desk-1", staff.clock.Now(), 1, 2,
                      {{{"code", "disk_low"}, {"detail", "120 MB free for the outbox"}}});
  REQUIRE(Status(PostBeat(staff, problem)) == 200);
  html = staff.Get("/kiosks")->body;
  CHECK(html.find("badge state problem\">PROBLEM</span>") != std::string::npos);
  CHECK(html.find("The kiosk&#39;s disk is nearly full (120 MB free for the outbox)") != std::string::npos);
  CHECK(html.find("2 intakes refused by the inbox and parked on the kiosk") != std::string::npos);
  CHECK(html.find("badge state silent") == std::string::npos);
}
