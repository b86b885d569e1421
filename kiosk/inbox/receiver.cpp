// One delivery: the checks (delivery_check.h), then stored exactly once.
#include "inbox/receiver.h"

namespace inbox {

Reply Receiver::Receive(const SignedRequest& request) const {
  Accepted accepted;
  if (auto refused = CheckDelivery(verifier_, rules_, request, clock_.Now(), accepted)) return *refused;
  if (!accepted.known_content && published_) {  // a version published from here: checked against it
    const core::Json& content = core::JsonMember(accepted.intake, "content");
    if (const core::KnownContents* known =
            published_(core::JsonString(content, "id"), core::JsonString(content, "version"))) {
      accepted = Accepted{};
      const DeliveryRules rules{*known, rules_.keep_days};
      if (auto refused = CheckDelivery(verifier_, rules, request, clock_.Now(), accepted)) return *refused;
    }
  }
  const core::Json& intake = accepted.intake;
  const std::string& format = accepted.format;
  const std::string id = intake["intake_id"];
  auto stored = store_.Put(id, format, *request.body, intake, accepted.known_content, clock_.Now());
  if (!stored) return Reply{503, "cannot store the intake now: " + stored.error(), id};
  switch (*stored) {
    case PutOutcome::kStored:
      if (!accepted.known_content)
        return Reply{202, "stored apart: this inbox does not know the content version it names", id};
      return Reply{201, "stored", id};
    case PutOutcome::kRepeat:
      return Reply{200, "already stored (same body)", id};
    case PutOutcome::kConflict:
      break;
  }
  return Reply{409, "an intake with this id is already stored with a different body", id};
}

}  // namespace inbox
