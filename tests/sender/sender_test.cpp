// The sender against a real outbox file and a scripted transport: headers, signing at send time,
// outcomes recorded as the policy decides, oldest first, FHIR format, nothing sent when not configured.
#include <doctest/doctest.h>

#include <deque>

#include "core/content/content_loader.h"
#include "core/content/json_reader.h"
#include "net/webhook_signature.h"
#include "sender/sender.h"
#include "store/outbox.h"
#include "store/temp_dir.h"

namespace {

using store_test::At;

struct Harness {
  store_test::TempDir dir;
  std::unique_ptr<store::Outbox> outbox = std::move(*store::Outbox::Open(dir.File("outbox.sqlite")));
  core::ManualClock clock{At(0)};
  std::vector<net::PostRequest> sent;
  std::deque<core::AttemptResult> replies;  // scripted transport outcomes, in order
  sender::SenderOptions options;

  Harness() {
    options.delivery.url = "https://clinic.example/intakes";
    options.secrets.webhook_key = "0123456789abcdef0123456789abcdef";
    options.secrets.bearer_token = "token-abc";
  }
  sender::Sender Make(const core::Content* content = nullptr) {
    return sender::Sender(
        *outbox, options, content, clock,
        [this](const net::PostRequest& r) {
          sent.push_back(r);
          core::AttemptResult result{core::AttemptResult::Kind::kResponse, 201, "", ""};
          if (!replies.empty()) {
            result = replies.front();
            replies.pop_front();
          }
          return result;
        },
        [] { return 0.5; });
  }
  void Queue(const std::string& id, int at_s, const std::string& payload = R"({"intake_id":"x"})") {
    REQUIRE(outbox->Put(id, payload, At(at_s), false).ok());
  }
  std::string Header(size_t i, const std::string& name) const {
    for (const auto& [k, v] : sent.at(i).headers) {
      if (k == name) return v;
    }
    return "";
  }
  std::string State(const std::string& id) {
    auto rows = outbox->List();
    REQUIRE(rows.ok());
    for (const auto& row : rows.value()) {
      if (row.id == id) return row.state;
    }
    return "";
  }
};

core::AttemptResult Status(int status, std::string retry_after = "") {
  return {core::AttemptResult::Kind::kResponse, status, std::move(retry_after), ""};
}

}  // namespace

TEST_CASE("a queued intake is posted with its id as idempotency key and webhook id, signed and authorised") {
  Harness h;
  h.Queue("intake-1", 0, R"({"intake_id":"intake-1","answers":{}})");
  h.clock.Set(At(42));
  auto s = h.Make();
  auto pass = s.RunOnce();
  REQUIRE(pass.ok());
  CHECK(pass->delivered == 1);
  REQUIRE(h.sent.size() == 1);
  CHECK(h.sent[0].url == "https://clinic.example/intakes");
  CHECK(h.sent[0].body == R"({"intake_id":"intake-1","answers":{}})");
  CHECK(h.Header(0, "Idempotency-Key") == "intake-1");
  CHECK(h.Header(0, "webhook-id") == "intake-1");
  std::string ts = h.Header(0, "webhook-timestamp");
  CHECK(ts == std::to_string(std::chrono::duration_cast<core::Seconds>(At(42).time_since_epoch()).count()));
  CHECK(h.Header(0, "webhook-signature") ==
        net::WebhookSignature(h.options.secrets.webhook_key, "intake-1", std::stoll(ts), h.sent[0].body));
  CHECK(h.Header(0, "Authorization") == "Bearer token-abc");
  CHECK(h.Header(0, "User-Agent").rfind("glowup-kiosk", 0) == 0);
  CHECK(h.State("intake-1") == "delivered");
}

TEST_CASE("a retry keeps the webhook id and signs again with the new timestamp") {
  Harness h;
  h.Queue("intake-1", 0);
  h.replies = {Status(503), Status(200)};
  auto s = h.Make();
  REQUIRE(s.RunOnce().ok());
  CHECK(h.State("intake-1") == "pending");
  h.clock.Set(At(3600));
  REQUIRE(s.RunOnce().ok());
  REQUIRE(h.sent.size() == 2);
  CHECK(h.Header(0, "webhook-id") == h.Header(1, "webhook-id"));
  CHECK(h.Header(0, "webhook-timestamp") != h.Header(1, "webhook-timestamp"));
  CHECK(h.Header(0, "webhook-signature") != h.Header(1, "webhook-signature"));
  CHECK(h.State("intake-1") == "delivered");
}

TEST_CASE("a retryable failure waits for its backoff and Retry-After before the next attempt") {
  Harness h;
  h.Queue("intake-1", 0);
  h.replies = {Status(429, "120")};
  auto s = h.Make();
  REQUIRE(s.RunOnce().ok());
  h.clock.Set(At(119));
  REQUIRE(s.RunOnce().ok());
  CHECK(h.sent.size() == 1);  // not due yet
  h.clock.Set(At(121));
  REQUIRE(s.RunOnce().ok());
  CHECK(h.sent.size() == 2);
  CHECK(h.State("intake-1") == "delivered");
}

TEST_CASE("a permanent client error parks the intake with the status for staff and stops trying") {
  Harness h;
  h.Queue("intake-1", 0);
  h.replies = {Status(422)};
  auto s = h.Make();
  auto pass = s.RunOnce();
  REQUIRE(pass.ok());
  CHECK(pass->parked == 1);
  CHECK(h.State("intake-1") == "parked");
  auto rows = h.outbox->List();
  REQUIRE(rows.ok());
  CHECK(rows.value().at(0).last_error.find("422") != std::string::npos);
  h.clock.Set(At(86400 * 30));
  REQUIRE(h.Make().RunOnce().ok());
  CHECK(h.sent.size() == 1);
}

TEST_CASE("a TLS failure keeps the intake queued and raises an alert") {
  Harness h;
  h.Queue("intake-1", 0);
  h.replies = {core::AttemptResult{core::AttemptResult::Kind::kTlsError, 0, "", "certificate verify failed"}};
  auto s = h.Make();
  auto pass = s.RunOnce();
  REQUIRE(pass.ok());
  CHECK(pass->alerts == 1);
  CHECK(h.State("intake-1") == "pending");
}

TEST_CASE("intakes are delivered oldest first") {
  Harness h;
  h.Queue("second", 20);
  h.Queue("first", 10);
  h.Queue("third", 30);
  h.clock.Set(At(60));
  REQUIRE(h.Make().RunOnce().ok());
  REQUIRE(h.sent.size() == 3);
  CHECK(h.Header(0, "webhook-id") == "first");
  CHECK(h.Header(1, "webhook-id") == "second");
  CHECK(h.Header(2, "webhook-id") == "third");
}

TEST_CASE("nothing is sent and nothing is lost when no endpoint is configured") {
  Harness h;
  h.options.delivery.url.clear();
  h.Queue("intake-1", 0);
  auto pass = h.Make().RunOnce();
  REQUIRE(pass.ok());
  CHECK(h.sent.empty());
  CHECK(h.State("intake-1") == "pending");
}

TEST_CASE("delivered payloads are purged after the retention period, the row kept") {
  Harness h;
  h.options.retention_delivered_days = 7;
  h.Queue("intake-1", 0);
  auto s = h.Make();
  REQUIRE(s.RunOnce().ok());
  CHECK(h.outbox->Payload("intake-1")->has_value());
  h.clock.Set(At(8 * 86400));
  REQUIRE(s.RunOnce().ok());
  CHECK_FALSE(h.outbox->Payload("intake-1")->has_value());
  CHECK(h.State("intake-1") == "delivered");
}

TEST_CASE("with the fhir-r4 format the body is a QuestionnaireResponse for the same intake") {
  auto content = core::LoadContent(std::string(KIOSK_SOURCE_DIR) + "/content");
  REQUIRE(content.ok());
  Harness h;
  h.options.delivery.format = "fhir-r4";
  core::Json intake = {{"schema_version", 1},
                       {"intake_id", "9b2f4c1e-2a7d-4e8b-9c3f-1d2e3f4a5b6c"},
                       {"kiosk_id", "k1"},
                       {"started_at", "2026-11-25T09:00:00.000Z"},
                       {"submitted_at", "2026-11-25T09:04:00.000Z"},
                       {"language", "en"},
                       {"content", {{"id", content->id}, {"version", content->version}}},
                       {"demo", false},
                       {"answers", {{"first_name", "Maria"}, {"pregnancy", false}}},
                       {"flags", core::Json::array()},
                       {"consents", core::Json::array()},
                       {"signatures", core::Json::object()}};
  h.Queue("9b2f4c1e-2a7d-4e8b-9c3f-1d2e3f4a5b6c", 0, intake.dump());
  REQUIRE(h.Make(&*content).RunOnce().ok());
  REQUIRE(h.sent.size() == 1);
  auto body = core::Json::parse(h.sent[0].body);
  CHECK(body["resourceType"] == "QuestionnaireResponse");
  CHECK(body["status"] == "completed");
  CHECK(h.Header(0, "Idempotency-Key") == "9b2f4c1e-2a7d-4e8b-9c3f-1d2e3f4a5b6c");
}

TEST_CASE("demo leads never reach the clinic's endpoint; the demo sender posts only them, to its own URL") {
  Harness h;
  REQUIRE(h.outbox->Put("lead-1", R"({"intake_id":"lead-1","demo":true})", At(0), true).ok());
  h.Queue("intake-1", 1);
  REQUIRE(h.outbox->Put("lead-2", R"({"intake_id":"lead-2","demo":true})", At(2), true).ok());
  h.clock.Set(At(10));
  auto clinic = h.Make();
  auto pass = clinic.RunOnce();
  REQUIRE(pass.ok());
  REQUIRE(h.sent.size() == 1);
  CHECK(h.Header(0, "Idempotency-Key") == "intake-1");
  CHECK(h.State("lead-1") == "pending");
  CHECK(h.State("lead-2") == "pending");
  auto again = clinic.RunOnce();  // and never later either
  REQUIRE(again.ok());
  CHECK(h.sent.size() == 1);

  h.options.demo = true;
  h.options.delivery.url = "https://leads.example/demo";
  auto demo = h.Make();
  auto demo_pass = demo.RunOnce();
  REQUIRE(demo_pass.ok());
  CHECK(demo_pass->delivered == 2);
  REQUIRE(h.sent.size() == 3);
  for (size_t i = 1; i < 3; ++i) {
    CHECK(h.sent[i].url == "https://leads.example/demo");
    CHECK(h.Header(i, "Idempotency-Key").rfind("lead-", 0) == 0);
    CHECK_FALSE(h.Header(i, "webhook-signature").empty());
  }
}

TEST_CASE("without a demo URL demo leads stay on the kiosk, pending, for export") {
  Harness h;
  REQUIRE(h.outbox->Put("lead-1", R"({"intake_id":"lead-1","demo":true})", At(0), true).ok());
  h.options.demo = true;
  h.options.delivery.url.clear();
  auto demo = h.Make();
  REQUIRE(demo.RunOnce().ok());
  CHECK(h.sent.empty());
  CHECK(h.State("lead-1") == "pending");
  auto payloads = h.outbox->DemoPayloads();
  REQUIRE(payloads.ok());
  CHECK(payloads->size() == 1);
}

TEST_CASE(
    "staff's connection test, asked for through the outbox, is carried out by the sender and answered") {
  Harness h;
  h.options.kiosk_id = "front-desk";
  h.Queue("intake-1", 0);
  REQUIRE(h.outbox->RequestConnectionTest("test-1", At(0)).ok());
  REQUIRE(h.outbox->RequestConnectionTest("test-withdrawn", At(1)).ok());
  REQUIRE(h.outbox->WithdrawConnectionTest("test-withdrawn").ok());           // staff stopped waiting
  CHECK_FALSE(h.outbox->ConnectionTestResult("test-1").value().has_value());  // not answered yet
  h.replies = {{core::AttemptResult::Kind::kResponse, 401, "", ""}};
  auto s = h.Make();
  auto answered = s.AnswerConnectionTests();
  REQUIRE(answered.ok());
  CHECK(*answered == 1);  // the withdrawn request is not tested
  REQUIRE(h.sent.size() == 1);
  CHECK(h.Header(0, "webhook-id") == "test-1");
  CHECK_FALSE(h.Header(0, "webhook-signature").empty());
  auto body = core::ParseJson(h.sent[0].body);
  REQUIRE(body.ok());
  CHECK(body->value("type", "") == "connection_test");
  CHECK(body->value("kiosk_id", "") == "front-desk");
  CHECK_FALSE(body->contains("answers"));
  auto result = h.outbox->ConnectionTestResult("test-1");
  REQUIRE(result.ok());
  REQUIRE(result->has_value());
  CHECK((*result)->result.kind == core::AttemptResult::Kind::kResponse);
  CHECK((*result)->result.status == 401);
  CHECK((*result)->at == At(0));
  CHECK(h.State("intake-1") == "pending");        // a test never touches the queue
  CHECK(s.AnswerConnectionTests().value() == 0);  // each request is answered once

  h.options.delivery.url.clear();  // a sender without an endpoint still answers, in words
  REQUIRE(h.outbox->RequestConnectionTest("test-2", At(0)).ok());
  auto unconfigured = h.Make();
  CHECK(unconfigured.AnswerConnectionTests().value() == 1);
  CHECK(h.sent.size() == 1);
  CHECK(h.outbox->ConnectionTestResult("test-2").value()->result.kind ==
        core::AttemptResult::Kind::kNetworkError);

  h.options.delivery.url = "https://leads.example/demo";
  h.options.demo = true;  // the demo leads' sender leaves staff's tests to the clinic's sender
  REQUIRE(h.outbox->RequestConnectionTest("test-3", At(0)).ok());
  CHECK(h.Make().AnswerConnectionTests().value() == 0);
}
