// The fleet page's rules: a kiosk's state from its latest heartbeat and when it came; the heartbeat schema
// check against the shared cases.
#include <doctest/doctest.h>

#include "core/content/content_loader.h"
#include "inbox/rules/fleet_rules.h"
#include "inbox/rules/heartbeat_check.h"

namespace {

using core::Json;
using core::KioskState;

core::TimePoint At(int minutes) {
  return core::TimePoint{} + std::chrono::hours(24 * 365 * 57) + std::chrono::minutes(minutes);
}

Json Beat(int waiting = 0, int parked = 0, Json oldest = nullptr, Json alerts = Json::array()) {
  return {{"queue",
           {{"waiting", waiting},
            {"parked", parked},
            {"oldest_waiting_s", oldest},
            {"last_delivered_at", nullptr}}},
          {"alerts", alerts}};
}

const core::FleetSettings kSettings{};  // silent after 15 min, waiting alert after 30 min

}  // namespace

TEST_CASE("a kiosk heard from recently with nothing to report is OK") {
  auto h = core::JudgeKiosk(At(0), Beat(), At(14), kSettings);
  CHECK(h.state == KioskState::kOk);
  CHECK(h.problems.empty());
  CHECK(core::StateWord(h.state) == "OK");
}

TEST_CASE("a kiosk not heard from for longer than silent_after is SILENT, whatever it last reported") {
  auto h = core::JudgeKiosk(At(0), Beat(), At(16), kSettings);
  CHECK(h.state == KioskState::kSilent);
  REQUIRE(h.problems.size() == 1);
  CHECK(h.problems[0] == "Silent for 16 min (more than the 15 min allowed): is it switched on and online?");
  CHECK(core::JudgeKiosk(At(0), Beat(), At(15), kSettings).state == KioskState::kOk);  // exactly at the limit
  auto stale = core::JudgeKiosk(At(0), Beat(0, 2), At(125), kSettings);
  CHECK(stale.state == KioskState::kSilent);
  REQUIRE(stale.problems.size() == 2);  // silent first, then what it last said
  CHECK(stale.problems[0].starts_with("Silent for 2 h 5 min"));
  CHECK(stale.problems[1].starts_with("2 intakes refused by the inbox and parked"));
  core::FleetSettings hour{core::Seconds(3600), core::Seconds(1800)};
  CHECK(core::JudgeKiosk(At(0), Beat(), At(50), hour).state == KioskState::kOk);
}

TEST_CASE("a kiosk never heard from says so and what to check") {
  auto h = core::JudgeKiosk(std::nullopt, Json::object(), At(0), kSettings);
  CHECK(h.state == KioskState::kNeverHeard);
  REQUIRE(h.problems.size() == 1);
  CHECK(h.problems[0].find("delivery.url") != std::string::npos);
  CHECK(core::StateWord(h.state) == "NEVER HEARD FROM");
}

TEST_CASE("alerts, parked intakes and an intake waiting too long are a PROBLEM, each in words") {
  auto tls = core::JudgeKiosk(At(0), Beat(3, 0, 60, {{{"code", "tls"}, {"detail", "TLS: expired"}}}), At(1),
                              kSettings);
  CHECK(tls.state == KioskState::kProblem);
  REQUIRE(tls.problems.size() == 1);
  CHECK(tls.problems[0] == "Cannot deliver: the kiosk refuses the inbox's certificate (TLS: expired)");
  auto parked = core::JudgeKiosk(At(0), Beat(0, 1), At(1), kSettings);
  CHECK(parked.state == KioskState::kProblem);
  CHECK(parked.problems[0] ==
        "1 intake refused by the inbox and parked on the kiosk: look in its staff mode");
  auto waiting = core::JudgeKiosk(At(0), Beat(4, 0, 31 * 60), At(1), kSettings);
  CHECK(waiting.state == KioskState::kProblem);
  CHECK(waiting.problems[0] ==
        "An intake has waited 31 min on the kiosk to be delivered (4 intakes waiting)");
  CHECK(core::JudgeKiosk(At(0), Beat(4, 0, 30 * 60), At(1), kSettings).state == KioskState::kOk);
  auto all = core::JudgeKiosk(
      At(0),
      Beat(1, 1, 3600,
           {{{"code", "clock"}, {"detail", "7 min"}}, {{"code", "disk_low"}, {"detail", "100 MB"}}}),
      At(1), kSettings);
  CHECK(all.problems.size() == 4);
}

TEST_CASE("durations read as staff say them") {
  CHECK(core::Duration(core::Seconds(40)) == "40 s");
  CHECK(core::Duration(core::Seconds(12 * 60 + 5)) == "12 min");
  CHECK(core::Duration(core::Seconds(2 * 3600)) == "2 h");
  CHECK(core::Duration(core::Seconds(2 * 3600 + 5 * 60)) == "2 h 5 min");
  CHECK(core::Duration(core::Seconds(86400)) == "1 day");
  CHECK(core::Duration(core::Seconds(3 * 86400 + 4 * 3600 + 60)) == "3 days 4 h");
  CHECK(core::Duration(core::Seconds(-5)) == "0 s");
}

TEST_CASE("every heartbeat case gets the verdict the case states (and jsonschema gives)") {
  auto text = core::ReadFile(std::string(KIOSK_SOURCE_DIR) + "/tests/inbox/fixtures/heartbeat_cases.json");
  REQUIRE(text.ok());
  const Json cases = Json::parse(*text);
  REQUIRE(cases["cases"].size() > 30);
  for (const auto& c : cases["cases"]) {
    CAPTURE(c["name"].get<std::string>());
    core::Problems problems = core::CheckHeartbeatV1(cases["base"].patch(c["patch"]));
    CAPTURE(core::Join(problems));
    CHECK(problems.empty() == c["valid"].get<bool>());
  }
}

TEST_CASE("a heartbeat's problems name the pointer and never quote the value") {
  auto text = core::ReadFile(std::string(KIOSK_SOURCE_DIR) + "/tests/inbox/fixtures/heartbeat_cases.json");
  Json beat = Json::parse(*text)["base"];
  beat["first_name"] = "Maria";
  beat["kiosk_id"] = 42;
  const std::string all = core::Join(core::CheckHeartbeatV1(beat));
  CHECK(all.find("/first_name") != std::string::npos);
  CHECK(all.find("/kiosk_id") != std::string::npos);
  CHECK(all.find("Maria") == std::string::npos);
}
