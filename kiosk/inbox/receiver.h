// POST /intakes without the HTTP: verify the signature, parse with limits, check the contract (intake JSON
// v1 or a FHIR R4 QuestionnaireResponse, the content it names), and store exactly once (apart when the
// content version is unknown). Answers a status and a short reason that
// never quotes the payload.
#pragma once

#include <functional>
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

  // Content versions published from this inbox (publishing.h): an intake naming one that content_dir and
  // earlier_content_dirs do not hold is checked against it, not kept apart. Returns nullptr when none.
  using PublishedContents =
      std::function<const core::KnownContents*(const std::string& id, const std::string& version)>;
  void UsePublished(PublishedContents published) { published_ = std::move(published); }

 private:
  PublishedContents published_;
  const WebhookVerifier& verifier_;
  IntakeStore& store_;
  DeliveryRules rules_;
  const core::Clock& clock_;
};

}  // namespace inbox
