// Fuzzes the inbox's checks of one POST /intakes (inbox/delivery_check.h): webhook-id, webhook-timestamp,
// webhook-signature, Authorization and body, NUL-separated. When the first byte is odd the harness signs the
// body itself, so the JSON, contract, FHIR, time and content checks behind the signature are reached too.
#include "core/content/content_loader.h"
#include "fuzz_input.h"
#include "inbox/delivery_check.h"
#include "net/webhook_signature.h"

namespace {
const std::string kKey = "fuzzing-key-0123456789abcdef";
const core::TimePoint kNow = core::TimePoint(std::chrono::seconds(1'790'000'000));

const core::KnownContents& Shipped() {
  static const core::KnownContents known =
      core::KnownContents::Of({core::LoadContent(std::string(KIOSK_SOURCE_DIR) + "/content").value()});
  return known;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const bool sign = data[0] & 1;
  auto parts = SplitAtNul(data + 1, size - 1, 5);
  inbox::SignedRequest request{parts[0], parts[1], parts[2], parts[3], &parts[4]};
  if (sign) {
    long long timestamp = std::chrono::duration_cast<std::chrono::seconds>(kNow.time_since_epoch()).count();
    request.webhook_timestamp = std::to_string(timestamp);
    request.webhook_signature = net::WebhookSignature(kKey, request.webhook_id, timestamp, parts[4]);
  }
  static const inbox::WebhookVerifier verifier({{"front-desk-1", {kKey}, {}}});
  inbox::Accepted accepted;
  auto refused =
      inbox::CheckDelivery(verifier, inbox::DeliveryRules{Shipped(), std::nullopt}, request, kNow, accepted);
  if (!refused && accepted.intake["intake_id"] != request.webhook_id) __builtin_trap();
  return 0;
}
