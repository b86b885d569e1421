// The sender's heartbeat against a real outbox file and a scripted transport: what it counts, how it is
// signed and where it goes, that it carries nothing of an intake, and that an endpoint answering 404 to
// heartbeats changes nothing about delivery.
#include <doctest/doctest.h>

#include <fstream>

#include "core/content/json_reader.h"
#include "net/webhook_signature.h"
#include "sender/heartbeat.h"
#include "sender/sender.h"
#include "store/outbox.h"
#include "store/temp_dir.h"

namespace {

using store_test::At;

// An intake with every kind of personal data an intake carries.
const std::string kIntake =
    R"({"intake_id":"intake-1","answers":{"first_name":"Marisol","last_name":"Quintanilla",)"
    R"("email":"marisol@example.com","phone":"+34 600 123 456","notes":"allergic to latex"},)"
    R"("signatures":{"client_signature":{"png_base64":"iVBORw0KGgoAAAANSUhEUgAAAAE"}}})";

struct HeartbeatHarness {
  store_test::TempDir dir;
  std::unique_ptr<store::Outbox> outbox = std::move(*store::Outbox::Open(dir.File("outbox.sqlite")));
  core::ManualClock clock{At(0)};
  std::vector<net::PostRequest> sent;
  int heartbeat_status = 200;
  sender::SenderOptions options;
  sender::HeartbeatOptions hb;

  HeartbeatHarness() {
    options.delivery.url = "https://clinic.example/intakes";
    options.secrets.webhook_key = "0123456789abcdef0123456789abcdef";
    options.kiosk_id = "front-desk-1";
    hb.url = "https://clinic.example/heartbeats";
    hb.package_version = "1.4.0";
    hb.content_dir = dir.File("content");
    hb.data_dir = dir.path();
    std::filesystem::create_directories(hb.content_dir);
    std::ofstream(hb.content_dir / "manifest.json")
        << R"({"id": "glowup-microneedling", "version": "2026.12.1"})";
  }
  sender::PostFn Transport() {
    return [this](const net::PostRequest& r) {
      sent.push_back(r);
      int status = r.url.ends_with("/heartbeats") ? heartbeat_status : 201;
      return core::AttemptResult{core::AttemptResult::Kind::kResponse, status, "", ""};
    };
  }
  sender::Sender MakeSender() {
    return sender::Sender(*outbox, options, nullptr, clock, Transport(), [] { return 0.5; });
  }
  sender::Heartbeat MakeHeartbeat() { return sender::Heartbeat(*outbox, options, hb, clock, Transport()); }
  std::string Header(const net::PostRequest& r, const std::string& name) const {
    for (const auto& [k, v] : r.headers) {
      if (k == name) return v;
    }
    return "";
  }
};

}  // namespace

TEST_CASE("a heartbeat counts the waiting and parked intakes, the oldest one's age and the last delivery") {
  HeartbeatHarness h;
  REQUIRE(h.outbox->Put("old", kIntake, At(0), false).ok());
  REQUIRE(h.outbox->Put("new", kIntake, At(60), false).ok());
  REQUIRE(h.outbox->Put("parked", kIntake, At(70), false).ok());
  REQUIRE(h.outbox->Put("lead", kIntake, At(1), true).ok());  // demo leads are not the clinic's queue
  h.clock.Set(At(100));
  auto claimed = h.outbox->Claim(h.clock.Now(), core::Seconds(60));  // "old" is claimed first
  REQUIRE(claimed.ok());
  REQUIRE(h.outbox->MarkRetry("old", 1, At(500), "TLS: certificate has expired").ok());
  REQUIRE(h.outbox->Claim(h.clock.Now(), core::Seconds(60)).ok());  // "new"
  REQUIRE(h.outbox->MarkDelivered("new", 1, At(90)).ok());
  REQUIRE(h.outbox->Claim(h.clock.Now(), core::Seconds(60)).ok());
  REQUIRE(h.outbox->MarkParked("parked", 1, "HTTP 422").ok());
  h.clock.Set(At(160));
  auto built = h.MakeHeartbeat().Build();
  REQUIRE_MESSAGE(built.ok(), built.error());
  const core::Json& beat = *built;
  CHECK(beat["kiosk_id"] == "front-desk-1");
  CHECK(beat["package_version"] == "1.4.0");
  CHECK(beat["content"]["version"] == "2026.12.1");
  CHECK(beat["queue"]["waiting"] == 1);
  CHECK(beat["queue"]["parked"] == 1);
  CHECK(beat["queue"]["oldest_waiting_s"] == 160);
  CHECK(beat["queue"]["last_delivered_at"] == core::ToRfc3339(At(90)));
  REQUIRE(beat["alerts"].size() == 1);
  CHECK(beat["alerts"][0]["code"] == "tls");
}

TEST_CASE("a heartbeat names the content the UI records as running, the content folder's only before") {
  HeartbeatHarness h;
  auto before = h.MakeHeartbeat().Build();  // no UI has started on this outbox yet
  REQUIRE_MESSAGE(before.ok(), before.error());
  CHECK((*before)["content"]["version"] == "2026.12.1");
  // a published bundle switched to, then rolled back to an earlier one: each time the one the UI runs
  for (const char* version : {"2030.3.2", "2030.3.1"}) {
    REQUIRE(h.outbox->SetRunningContent("glowup-microneedling", version, h.clock.Now()).ok());
    auto built = h.MakeHeartbeat().Build();
    REQUIRE_MESSAGE(built.ok(), built.error());
    CHECK((*built)["content"]["id"] == "glowup-microneedling");
    CHECK((*built)["content"]["version"] == version);
  }
  std::filesystem::remove(h.hb.content_dir / "manifest.json");  // not read once the UI has said
  auto built = h.MakeHeartbeat().Build();
  REQUIRE_MESSAGE(built.ok(), built.error());
  CHECK((*built)["content"]["version"] == "2030.3.1");
}

TEST_CASE("a heartbeat carries no name, answer or signature of the intakes it counts") {
  HeartbeatHarness h;
  REQUIRE(h.outbox->Put("waiting", kIntake, At(0), false).ok());
  REQUIRE(h.outbox->Put("lead", kIntake, At(0), true).ok());
  auto heartbeat = h.MakeHeartbeat();
  heartbeat.SendNow();
  REQUIRE(h.sent.size() == 1);
  const std::string& body = h.sent[0].body;
  CHECK(core::ParseJson(body).value()["queue"]["waiting"] == 1);
  for (const char* personal : {"Marisol", "Quintanilla", "marisol@", "600 123", "latex", "iVBOR", "intake-1",
                               "first_name", "answers", "signature"}) {
    CHECK_MESSAGE(body.find(personal) == std::string::npos, personal);
  }
}

TEST_CASE("a heartbeat is signed like an intake, with its own id, and goes to the heartbeat URL") {
  HeartbeatHarness h;
  h.clock.Set(At(42));
  auto heartbeat = h.MakeHeartbeat();
  auto result = heartbeat.SendNow();
  CHECK(result.status == 200);
  REQUIRE(h.sent.size() == 1);
  const auto& r = h.sent[0];
  CHECK(r.url == "https://clinic.example/heartbeats");
  const std::string id = core::ParseJson(r.body).value()["heartbeat_id"];
  CHECK(h.Header(r, "webhook-id") == id);
  CHECK(h.Header(r, "webhook-timestamp") == std::to_string(At(42).time_since_epoch() / core::Seconds(1)));
  CHECK(h.Header(r, "webhook-signature") ==
        net::WebhookSignature(h.options.secrets.webhook_key, id,
                              std::chrono::duration_cast<core::Seconds>(At(42).time_since_epoch()).count(),
                              r.body));
  CHECK(r.timeout_s <= 10);
  heartbeat.SendNow();
  CHECK(core::ParseJson(h.sent[1].body).value()["heartbeat_id"] != id);
}

TEST_CASE("an endpoint that answers 404 to heartbeats gets every intake delivered as before") {
  HeartbeatHarness h;
  h.heartbeat_status = 404;
  REQUIRE(h.outbox->Put("a", kIntake, At(0), false).ok());
  REQUIRE(h.outbox->Put("b", kIntake, At(1), false).ok());
  h.clock.Set(At(10));
  auto sender = h.MakeSender();
  auto heartbeat = h.MakeHeartbeat();
  CHECK(heartbeat.SendNow().status == 404);
  auto pass = sender.RunOnce();
  REQUIRE(pass.ok());
  CHECK(pass->delivered == 2);
  CHECK_FALSE(sender.EndpointDownUntil().has_value());
  CHECK(heartbeat.SendNow().status == 404);
  REQUIRE(h.outbox->Put("c", kIntake, At(10), false).ok());
  CHECK(sender.RunOnce()->delivered == 1);
  auto counts = h.outbox->Counts();
  REQUIRE(counts.ok());
  CHECK(counts->delivered == 3);
  CHECK(counts->pending == 0);
}
