// POST /intakes without the HTTP: verify the signature, parse with limits, check the contract (intake JSON
// v1 or a FHIR R4 QuestionnaireResponse, the content it names), and store exactly once (apart when the
// content version is unknown). Answers a status and a short reason that
// never quotes the payload.
#pragma once

#include <string>

#include "core/base/clock.h"
#include "inbox/delivery_check.h"
#include "inbox/intake_store.h"

namespace inbox {

class Receiver {
 public:
  Receiver(const WebhookVerifier& verifier, IntakeStore& store, DeliveryRules rules, const core::Clock& clock)
      : verifier_(verifier), store_(store), rules_(rules), clock_(clock) {}

  Reply Receive(const SignedRequest& request) const;

 private:
  const WebhookVerifier& verifier_;
  IntakeStore& store_;
  DeliveryRules rules_;
  const core::Clock& clock_;
};

}  // namespace inbox
