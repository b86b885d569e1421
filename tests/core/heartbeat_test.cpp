// The heartbeat document (counts, versions, alerts from the sender's own words) and when one is due.
#include <doctest/doctest.h>

#include "core/delivery/heartbeat.h"

namespace {

core::TimePoint AtSecond(int seconds) {
  return core::TimePoint{} + std::chrono::hours(24 * 365 * 57) + core::Seconds(seconds);
}

core::HeartbeatFacts Facts() {
  core::HeartbeatFacts f;
  f.kiosk_id = "front-desk-1";
  f.package_version = "1.4.0";
  f.content_id = "glowup-microneedling";
  f.content_version = "2026.12.1";
  return f;
}

}  // namespace

TEST_CASE("a heartbeat names the kiosk, its versions and its queue") {
  auto f = Facts();
  f.waiting = 3;
  f.parked = 1;
  f.oldest_waiting = AtSecond(100);
  f.last_delivered = AtSecond(50);
  f.disk_free_bytes = 10ull * 1024 * 1024 * 1024;
  core::Json h = core::BuildHeartbeat(f, "0b6c2a9e-8d1b-4c7a-9e2f-5b8d0a1c4e7f", AtSecond(400));
  CHECK(h["type"] == "heartbeat");
  CHECK(h["schema_version"] == 1);
  CHECK(h["heartbeat_id"] == "0b6c2a9e-8d1b-4c7a-9e2f-5b8d0a1c4e7f");
  CHECK(h["kiosk_id"] == "front-desk-1");
  CHECK(h["sent_at"] == core::ToRfc3339(AtSecond(400)));
  CHECK(h["package_version"] == "1.4.0");
  CHECK(h["content"] == core::Json{{"id", "glowup-microneedling"}, {"version", "2026.12.1"}});
  CHECK(h["queue"]["waiting"] == 3);
  CHECK(h["queue"]["parked"] == 1);
  CHECK(h["queue"]["oldest_waiting_s"] == 300);
  CHECK(h["queue"]["last_delivered_at"] == core::ToRfc3339(AtSecond(50)));
  CHECK(h["alerts"] == core::Json::array());
}

TEST_CASE("an empty queue and no delivery yet are nulls, not zeros") {
  core::Json h = core::BuildHeartbeat(Facts(), "id", AtSecond(0));
  CHECK(h["queue"]["oldest_waiting_s"].is_null());
  CHECK(h["queue"]["last_delivered_at"].is_null());
  CHECK(h["queue"]["waiting"] == 0);
}

TEST_CASE("alerts come from the waiting intakes' errors (TLS, clock, auth) and from low disk, one of each") {
  auto f = Facts();
  f.waiting_errors = {"HTTP 503", "TLS: SSL certificate problem: certificate has expired",
                      "TLS: another message", "the kiosk's clock is 7 min behind the endpoint's",
                      "HTTP 401 Unauthorized"};
  f.disk_free_bytes = 100ull * 1024 * 1024;
  core::Json alerts = core::BuildHeartbeat(f, "id", AtSecond(0))["alerts"];
  REQUIRE(alerts.size() == 4);
  CHECK(alerts[0] ==
        core::Json{{"code", "tls"}, {"detail", "TLS: SSL certificate problem: certificate has expired"}});
  CHECK(alerts[1]["code"] == "clock");
  CHECK(alerts[2]["code"] == "auth");
  CHECK(alerts[3] == core::Json{{"code", "disk_low"}, {"detail", "100 MB free for the outbox"}});
  f.waiting_errors = {"HTTP 503"};
  f.disk_free_bytes = core::kLowDiskBytes;
  CHECK(core::BuildHeartbeat(f, "id", AtSecond(0))["alerts"].empty());
}

TEST_CASE("an alert's detail is printable ASCII and at most 200 characters") {
  auto f = Facts();
  f.waiting_errors = {"TLS: " + std::string(300, 'x') + "\n\xc3\xa9"};
  std::string detail = core::BuildHeartbeat(f, "id", AtSecond(0))["alerts"][0]["detail"];
  CHECK(detail.size() == 200);
  CHECK(detail.ends_with("..."));
  f.waiting_errors = {"TLS: bad\n\xc3\xa9"};
  CHECK(core::BuildHeartbeat(f, "id", AtSecond(0))["alerts"][0]["detail"] == "TLS: bad???");
}

TEST_CASE("a heartbeat is due first, then every interval, and soon after a pass that did something") {
  const core::Seconds interval{300};
  CHECK(core::HeartbeatDue(std::nullopt, AtSecond(0), interval, false));
  CHECK_FALSE(core::HeartbeatDue(AtSecond(0), AtSecond(299), interval, false));
  CHECK(core::HeartbeatDue(AtSecond(0), AtSecond(300), interval, false));
  CHECK_FALSE(
      core::HeartbeatDue(AtSecond(0), AtSecond(9), interval, true));  // not one per intake of a backlog
  CHECK(core::HeartbeatDue(AtSecond(0), AtSecond(10), interval, true));
  CHECK(core::HeartbeatDue(AtSecond(100), AtSecond(50), interval, false));  // the clock went back
}

TEST_CASE("heartbeats go beside the intakes by default") {
  CHECK(core::DefaultHeartbeatUrl("https://inbox.example/intakes") == "https://inbox.example/heartbeats");
  CHECK(core::DefaultHeartbeatUrl("https://inbox.example/clinic/intakes?x=1") ==
        "https://inbox.example/clinic/heartbeats");
  CHECK(core::DefaultHeartbeatUrl("https://inbox.example") == "https://inbox.example/heartbeats");
  CHECK(core::DefaultHeartbeatUrl("http://127.0.0.1:8080/") == "http://127.0.0.1:8080/heartbeats");
  CHECK(core::DefaultHeartbeatUrl("").empty());
}
