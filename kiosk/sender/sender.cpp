// The delivery loop. Logs name intake ids, outcomes and timings only: never a payload or response body.
#include "sender/sender.h"

#include <spdlog/spdlog.h>

#include "core/content/json_reader.h"
#include "core/delivery/fhir.h"
#include "sender/signed_request.h"

namespace sender {

Sender::Sender(store::Outbox& outbox, SenderOptions options, const core::Content* content,
               const core::Clock& clock, PostFn post, std::function<double()> uniform01)
    : outbox_(outbox),
      options_(std::move(options)),
      content_(content),
      clock_(clock),
      post_(std::move(post)),
      uniform01_(std::move(uniform01)) {}

// One claimed intake, posted and recorded. Returns false when nothing was due.
core::Result<bool> Sender::DeliverOne(PassReport& report) {
  auto claimed = outbox_.Claim(clock_.Now(), options_.lease, options_.demo);
  if (!claimed) return claimed.problems();
  if (!*claimed) return false;
  const store::ClaimedIntake& c = **claimed;
  std::string body = c.payload;
  if (options_.delivery.format == "fhir-r4") {
    auto intake = core::ParseJson(c.payload, core::JsonLimits{16 * 1024 * 1024, 64});
    if (!intake || !content_) {
      auto parked = outbox_.MarkParked(c.id, c.attempts, "cannot map to FHIR: payload or content unreadable");
      report.parked++;
      return parked.ok() ? core::Result<bool>(true) : core::Result<bool>(parked.problems());
    }
    body = core::DumpJson(core::ToFhirQuestionnaireResponse(*content_, *intake));
  }
  auto started = std::chrono::steady_clock::now();
  core::AttemptResult result = post_(SignedRequest(options_, c.id, clock_.Now(), body));
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started)
                .count();
  core::BackoffSettings backoff{core::Seconds(options_.delivery.backoff_base_s),
                                core::Seconds(options_.delivery.backoff_cap_s)};
  core::Decision decision =
      core::Decide(result, static_cast<int>(c.attempts), clock_.Now(), backoff, uniform01_);
  core::Status recorded = core::Ok{};
  switch (decision.kind) {
    case core::Decision::Kind::kDelivered:
      recorded = outbox_.MarkDelivered(c.id, c.attempts, clock_.Now());
      report.delivered++;
      if (probing_) {  // the endpoint is back: everything waiting goes now, oldest first
        probing_ = false;
        if (auto woken = outbox_.WakeWaiting(clock_.Now(), options_.demo); !woken)
          spdlog::warn("{}", woken.error());
      }
      spdlog::info("intake {} delivered (attempt {}, {} ms)", c.id, c.attempts, ms);
      break;
    case core::Decision::Kind::kRetry:
      recorded = outbox_.MarkRetry(c.id, c.attempts, decision.next_attempt, decision.reason);
      report.retried++;
      report.alerts += decision.alert;
      if (core::IsEndpointFailure(result)) endpoint_down_until_ = decision.next_attempt;
      spdlog::log(decision.alert ? spdlog::level::err : spdlog::level::warn,
                  "intake {} not delivered (attempt {}): {}; retry at {}", c.id, c.attempts, decision.reason,
                  core::ToRfc3339(decision.next_attempt));
      break;
    case core::Decision::Kind::kParked:
      recorded = outbox_.MarkParked(c.id, c.attempts, decision.reason);
      report.parked++;
      spdlog::error("intake {} parked for staff: {}", c.id, decision.reason);
      break;
  }
  if (!recorded) spdlog::warn("intake {}: outcome not recorded: {}", c.id, recorded.error());
  return true;
}

core::Result<PassReport> Sender::RunOnce() {
  PassReport report;
  if (!options_.delivery.configured()) return report;
  if (options_.retention_delivered_days > 0) {
    auto cutoff = clock_.Now() - std::chrono::days(options_.retention_delivered_days);
    if (auto purged = outbox_.PurgeDelivered(cutoff); purged && *purged > 0) {
      spdlog::info("purged {} delivered payload(s) older than {} days", *purged,
                   options_.retention_delivered_days);
    }
  }
  // An outage: one probe with the oldest intake when its backoff ends, not every intake every time.
  if (endpoint_down_until_) {
    if (clock_.Now() < *endpoint_down_until_) return report;
    endpoint_down_until_.reset();
    probing_ = true;
  }
  for (;;) {
    // staff waiting for a connection test do not wait for a whole backlog to drain
    if (auto tests = AnswerConnectionTests(); !tests) return tests.problems();
    auto more = DeliverOne(report);
    if (!more) return more.problems();
    if (!*more || endpoint_down_until_) return report;
  }
}

core::Result<int> Sender::AnswerConnectionTests() {
  if (options_.demo) return 0;
  int answered = 0;
  for (;;) {
    auto test = outbox_.TakeConnectionTest();
    if (!test) return test.problems();
    if (!*test) return answered;
    core::AttemptResult result;
    if (options_.delivery.configured()) {
      result = TestConnection(options_, options_.kiosk_id, **test, clock_.Now(), post_);
    } else {
      result.detail = "no delivery.url in this sender's config";
    }
    spdlog::info("connection test {}: {}", **test,
                 result.kind == core::AttemptResult::Kind::kResponse ? "HTTP " + std::to_string(result.status)
                                                                     : result.detail);
    if (auto done = outbox_.FinishConnectionTest(**test, result, clock_.Now()); !done) return done.problems();
    ++answered;
  }
}

void Sender::Wake() {
  {
    std::lock_guard lock(mutex_);
    woken_ = true;
  }
  wake_.notify_all();
}

void Sender::Run(std::stop_token stop) {
  while (!stop.stop_requested()) {
    if (auto tests = AnswerConnectionTests(); !tests) spdlog::error("connection tests: {}", tests.error());
    auto pass = RunOnce();
    if (!pass) spdlog::error("sender pass failed: {}", pass.error());
    if (pass && pass->attempts() > 0 && pass_changed_) pass_changed_();
    // Sleep until the next intake is due; at most a second, so intakes queued and connection tests asked
    // for by the UI in another process are picked up promptly (a few indexed queries each time).
    auto wait = std::chrono::milliseconds(1'000);
    if (auto due = outbox_.NextDue(options_.demo); due && *due) {
      auto until = std::chrono::duration_cast<std::chrono::milliseconds>(**due - clock_.Now());
      wait = std::clamp(until, std::chrono::milliseconds(0), wait);
    }
    if (endpoint_down_until_) {
      auto until =
          std::chrono::duration_cast<std::chrono::milliseconds>(*endpoint_down_until_ - clock_.Now());
      // the queue is due but the endpoint is down: sleep to the probe, waking every second for tests
      wait = std::clamp(until, std::chrono::milliseconds(0), std::chrono::milliseconds(1'000));
    }
    if (!pass) wait = std::max(wait, std::chrono::milliseconds(5'000));
    std::unique_lock lock(mutex_);
    wake_.wait_for(lock, stop, wait, [&] { return woken_; });
    woken_ = false;
  }
}

}  // namespace sender
