// The sender: claims due intakes from the outbox (oldest first, with a lease), posts each signed
// (Standard Webhooks) with its intake id as idempotency key, and records delivered / retry / parked.
#pragma once

#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <stop_token>
#include <string>

#include "core/base/clock.h"
#include "core/content/config.h"
#include "core/content/content.h"
#include "core/delivery/delivery_policy.h"
#include "net/http_poster.h"
#include "sender/delivery_secrets.h"
#include "store/outbox.h"

namespace sender {

using PostFn = std::function<core::AttemptResult(const net::PostRequest&)>;

struct SenderOptions {
  core::DeliveryConfig delivery;
  DeliverySecrets secrets;
  int retention_delivered_days = 7;
  core::Seconds lease{120};  // a claim older than this is taken over (its sender died)
  std::string user_agent = "glowup-kiosk";
  std::string kiosk_id;  // named in connection tests
  bool demo = false;  // deliver only demo leads (to the demo endpoint), never clinic intakes; and vice versa
};

// What one pass did (for logs, tests and `kiosk sender --once`).
struct PassReport {
  int delivered = 0, retried = 0, parked = 0, alerts = 0;
  int attempts() const { return delivered + retried + parked; }
};

class Sender {
 public:
  // `content` is needed only for delivery.format = fhir-r4.
  Sender(store::Outbox& outbox, SenderOptions options, const core::Content* content, const core::Clock& clock,
         PostFn post, std::function<double()> uniform01);

  // Posts every intake due now, one at a time, oldest first; purges old delivered payloads.
  core::Result<PassReport> RunOnce();
  // Runs passes until stopped, sleeping until the next intake is due or Wake() is called.
  void Run(std::stop_token stop);
  // Carries out the connection tests staff asked for in the UI (the clinic's sender only; the UI has no
  // network). Returns how many were answered.
  core::Result<int> AnswerConnectionTests();
  // While the endpoint is down (see core::IsEndpointFailure): when the oldest intake is tried again.
  std::optional<core::TimePoint> EndpointDownUntil() const { return endpoint_down_until_; }
  const SenderOptions& options() const { return options_; }
  // A new intake was queued: deliver it now rather than at the next scheduled pass.
  void Wake();
  // Called by Run after each pass that posted something (the heartbeat reports it). Set before Run.
  void OnPassChanged(std::function<void()> changed) { pass_changed_ = std::move(changed); }

 private:
  core::Result<bool> DeliverOne(PassReport& report);

  store::Outbox& outbox_;
  SenderOptions options_;
  const core::Content* content_;
  const core::Clock& clock_;
  PostFn post_;
  std::function<double()> uniform01_;
  std::mutex mutex_;
  std::condition_variable_any wake_;
  bool woken_ = false;
  std::optional<core::TimePoint> endpoint_down_until_;  // set by an endpoint failure; ends the pass
  bool probing_ = false;  // the pass after an outage: its first success wakes all
  std::function<void()> pass_changed_;
};

}  // namespace sender
