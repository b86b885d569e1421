// Every check of one delivery to POST /intakes, without storing it or any I/O: size, Standard Webhooks
// signature, JSON with limits and no repeated keys, the intake contract (intake JSON v1 or a FHIR R4
// QuestionnaireResponse), identity, times, and the content version it names. Answers a status and a short
// reason that never quotes the payload. Fuzzed by tests/fuzz.
#pragma once

#include <optional>
#include <string>

#include "core/base/clock.h"
#include "core/content/json_reader.h"
#include "inbox/rules/known_contents.h"
#include "inbox/webhook_verifier.h"

namespace inbox {

inline constexpr size_t kMaxBodyBytes = 2 * 1024 * 1024;
inline constexpr int kMaxJsonDepth = 32;

struct Reply {
  int status;
  std::string reason;     // one line for the response body and the log
  std::string intake_id;  // when known
};

// A delivery that passed every check: what is stored.
struct Accepted {
  core::Json intake;          // the intake view (intake JSON, or read back from FHIR)
  std::string format;         // "intake-json" or "fhir-r4"
  bool known_content = true;  // false: a content id or version the inbox does not know, kept apart
};

// What a delivery is checked against besides its signature.
struct DeliveryRules {
  const core::KnownContents& contents;
  std::optional<int> keep_days;  // retention.days: older intakes are refused
};

// Every check of one delivery, nothing stored (size, signature, JSON with limits, contract, identity, times,
// content): the refusal, or nothing and `out` filled. No I/O, so it can be fuzzed.
std::optional<Reply> CheckDelivery(const WebhookVerifier& verifier, const DeliveryRules& rules,
                                   const SignedRequest& request, core::TimePoint now, Accepted& out);

}  // namespace inbox
