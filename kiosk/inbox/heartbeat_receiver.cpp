// The checks of one heartbeat, cheapest refusal first, then the store. Reasons never quote the body.
#include "inbox/heartbeat_receiver.h"

#include "inbox/rules/duplicate_keys.h"
#include "inbox/rules/heartbeat_check.h"

namespace inbox {

Reply HeartbeatReceiver::Receive(const SignedRequest& request) const {
  const std::string& body = *request.body;
  if (body.size() > kMaxHeartbeatBytes) return Reply{413, "a heartbeat is at most 64 KiB", {}};
  const core::TimePoint now = clock_.Now();
  auto signer = verifier_.Verify(request, now);
  if (!signer) return Reply{401, signer.error(), {}};
  auto parsed = core::ParseJson(body, core::JsonLimits{kMaxHeartbeatBytes, 8});
  if (!parsed) return Reply{400, "body: " + parsed.error(), {}};
  if (auto repeated = core::FirstDuplicateKey(body))
    return Reply{422, "not a valid heartbeat: " + *repeated + ": repeats a key of the same object", {}};
  if (auto problems = core::CheckHeartbeatV1(*parsed); !problems.empty()) {
    const auto& p = problems.front();
    return Reply{422, "not a valid heartbeat: " + p.pointer + ": " + p.message, {}};
  }
  if ((*parsed)["heartbeat_id"] != request.webhook_id)
    return Reply{422, "webhook-id is not the heartbeat's id", {}};
  if ((*parsed)["kiosk_id"] != *signer)
    return Reply{403, "signed with kiosk \"" + *signer + "\"'s secret but names another kiosk", {}};
  auto kept = store_.Record(*parsed, now);
  if (!kept) return Reply{503, "cannot record the heartbeat now: " + kept.error(), {}};
  return Reply{200, *kept ? "recorded" : "older than the heartbeat kept for this kiosk", {}};
}

}  // namespace inbox
