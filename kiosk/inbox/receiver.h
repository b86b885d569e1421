// POST /intakes without the HTTP: verify the signature, parse with limits, check the contract (intake JSON
// v1 or a FHIR R4 QuestionnaireResponse), and store exactly once. Answers a status and a short reason that
// never quotes the payload.
#pragma once

#include <string>

#include "core/clock.h"
#include "core/content.h"
#include "inbox/intake_store.h"
#include "inbox/webhook_verifier.h"

namespace inbox {

inline constexpr size_t kMaxBodyBytes = 2 * 1024 * 1024;
inline constexpr int kMaxJsonDepth = 32;

struct Reply {
  int status;
  std::string reason;     // one line for the response body and the log
  std::string intake_id;  // when known
};

class Receiver {
 public:
  Receiver(const WebhookVerifier& verifier, IntakeStore& store, const core::Content& content,
           const core::Clock& clock)
      : verifier_(verifier), store_(store), content_(content), clock_(clock) {}

  Reply Receive(const SignedRequest& request) const;

 private:
  const WebhookVerifier& verifier_;
  IntakeStore& store_;
  const core::Content& content_;
  const core::Clock& clock_;
};

}  // namespace inbox
