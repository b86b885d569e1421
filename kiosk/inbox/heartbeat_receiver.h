// POST /heartbeats without the HTTP: a kiosk's heartbeat (content/schema/heartbeat.schema.json) checked as
// an intake is (size, Standard Webhooks signature with the kiosk's secret, JSON with limits, no repeated
// keys, schema v1, webhook-id = heartbeat_id, signed by the kiosk it names) and kept as that kiosk's latest.
#pragma once

#include "core/base/clock.h"
#include "inbox/delivery_check.h"
#include "inbox/fleet_store.h"
#include "inbox/webhook_verifier.h"

namespace inbox {

// A heartbeat is a few hundred bytes; nginx's location for it allows the same.
inline constexpr size_t kMaxHeartbeatBytes = 64 * 1024;

class HeartbeatReceiver {
 public:
  HeartbeatReceiver(const WebhookVerifier& verifier, FleetStore& store, const core::Clock& clock)
      : verifier_(verifier), store_(store), clock_(clock) {}

  // 200 kept (or older than the one kept); 400, 401, 403, 413, 422 refused; 503 not stored now.
  Reply Receive(const SignedRequest& request) const;

 private:
  const WebhookVerifier& verifier_;
  FleetStore& store_;
  const core::Clock& clock_;
};

}  // namespace inbox
