// A 72-hour outage on a virtual clock: 1,000 intakes queued while the endpoint is unreachable are all
// delivered once it answers again, oldest first, and no wait between attempts is ever longer than the
// backoff cap (the sender probes with the oldest intake instead of hammering a dead endpoint).
#include <doctest/doctest.h>

#include <algorithm>
#include <random>

#include "sender/sender.h"
#include "store/outbox.h"
#include "store/temp_dir.h"

using store_test::At;

TEST_CASE(
    "1,000 intakes queued through a 72-hour outage all arrive afterwards, oldest first, within the cap") {
  store_test::TempDir dir;
  auto outbox = std::move(*store::Outbox::Open(dir.File("outbox.sqlite")));
  core::ManualClock clock{At(0)};
  const auto outage_end = At(0) + std::chrono::hours(72);
  sender::SenderOptions options;
  options.delivery.url = "https://clinic.example/intakes";
  options.secrets.webhook_key = "0123456789abcdef0123456789abcdef";
  const core::Seconds cap{options.delivery.backoff_cap_s};  // the shipped default: one hour

  std::vector<core::TimePoint> attempts;  // when each post happened
  std::vector<std::string> delivered;     // intake ids, in the order the endpoint accepted them
  std::mt19937 rng(72);
  std::uniform_real_distribution<double> uniform(0.0, 1.0);
  sender::Sender s(
      *outbox, options, nullptr, clock,
      [&](const net::PostRequest& r) {
        attempts.push_back(clock.Now());
        if (clock.Now() < outage_end)
          return core::AttemptResult{core::AttemptResult::Kind::kNetworkError, 0, "", "connection refused"};
        for (const auto& [k, v] : r.headers) {
          if (k == "Idempotency-Key") delivered.push_back(v);
        }
        return core::AttemptResult{core::AttemptResult::Kind::kResponse, 201, "", ""};
      },
      [&] { return uniform(rng); });

  // 1,000 intakes arrive over the first 70 hours (one every ~4 minutes), the sender running all along.
  std::vector<std::string> ids;
  const auto spacing = std::chrono::seconds(252);
  auto next_intake = At(0);
  int passes = 0;
  while (clock.Now() < outage_end + std::chrono::hours(2) && passes < 200'000) {
    while (ids.size() < 1000 && next_intake <= clock.Now()) {
      char id[16];
      std::snprintf(id, sizeof id, "intake-%04zu", ids.size());
      ids.push_back(id);
      REQUIRE(outbox->Put(id, R"({"intake_id":")" + ids.back() + "\"}", next_intake, false).ok());
      next_intake += spacing;
    }
    REQUIRE(s.RunOnce().ok());
    ++passes;
    // the sender sleeps until the endpoint probe, the next due intake or the next arrival
    core::TimePoint wake = ids.size() < 1000 ? next_intake : core::TimePoint::max();
    if (auto down = s.EndpointDownUntil()) {
      wake = std::min(wake, *down);
    } else if (auto due = outbox->NextDue(); due.ok() && *due) {
      wake = std::min(wake, **due);
    }
    if (ids.size() == 1000 && delivered.size() == 1000) break;
    clock.Set(std::max(wake, clock.Now() + core::Millis(1)));
  }
  REQUIRE(ids.size() == 1000);
  CHECK(delivered == ids);  // every one, once, oldest first
  auto counts = outbox->Counts();
  REQUIRE(counts.ok());
  CHECK(counts->delivered == 1000);
  // never a wait longer than the cap between attempts while intakes were waiting (the probe)
  std::vector<core::Seconds> gaps;
  for (size_t i = 1; i < attempts.size(); ++i) {
    gaps.push_back(std::chrono::duration_cast<core::Seconds>(attempts[i] - attempts[i - 1]));
  }
  REQUIRE_FALSE(gaps.empty());
  CHECK(*std::max_element(gaps.begin(), gaps.end()) <= cap);
  // the first delivery comes at most one cap after the endpoint is back
  CHECK(attempts.size() < 5000);  // a probe at a time, not 1,000 posts per pass
  MESSAGE(attempts.size()
          << " posts in all; longest wait between attempts "
          << std::chrono::duration_cast<core::Seconds>(*std::max_element(gaps.begin(), gaps.end())).count()
          << " s; cap " << cap.count() << " s");
}
