// One delivery, in the order that refuses cheapest first: size, signature, JSON, contract, identity, store.
#include "inbox/receiver.h"

#include "core/fhir_intake.h"
#include "core/intake_check.h"

namespace inbox {
namespace {

Reply Refuse(int status, std::string reason, std::string id = {}) {
  return Reply{status, std::move(reason), std::move(id)};
}

std::string First(const core::Problems& problems) {
  if (problems.empty()) return {};
  const auto& p = problems.front();
  std::string more = problems.size() > 1 ? " (and " + std::to_string(problems.size() - 1) + " more)" : "";
  return p.pointer + ": " + p.message + more;
}

// The intake view of a body and its format, or the problems that make it unacceptable.
core::Result<std::pair<core::Json, std::string>> IntakeView(const core::Json& parsed,
                                                            const core::Content& content) {
  using R = core::Result<std::pair<core::Json, std::string>>;
  if (!parsed.is_object() || !parsed.contains("resourceType")) {
    auto problems = core::CheckIntakeV1(parsed);
    if (!problems.empty()) return problems;
    return R({parsed, "intake-json"});
  }
  auto view = core::IntakeFromFhirResponse(content, parsed);
  if (!view) return view.problems();
  // The same contract as the intake JSON, except that FHIR has no signature stroke counts.
  core::Problems problems;
  for (auto& p : core::CheckIntakeV1(*view)) {
    if (p.message != "missing required \"strokes\"") problems.push_back(std::move(p));
  }
  if (!problems.empty()) return problems;
  return R({std::move(*view), "fhir-r4"});
}

}  // namespace

Reply Receiver::Receive(const SignedRequest& request) const {
  const std::string& body = *request.body;
  if (body.size() > kMaxBodyBytes) return Refuse(413, "body is larger than 2 MiB");
  auto signer = verifier_.Verify(request, clock_.Now());
  if (!signer) return Refuse(401, signer.error());

  auto parsed = core::ParseJson(body, core::JsonLimits{kMaxBodyBytes, kMaxJsonDepth});
  if (!parsed) return Refuse(400, "body: " + parsed.error());
  auto view = IntakeView(*parsed, content_);
  if (!view) return Refuse(422, "not a valid intake: " + First(view.problems()));
  const auto& [intake, format] = *view;
  const std::string id = intake["intake_id"];
  if (id != request.webhook_id) return Refuse(422, "webhook-id is not the intake's id", id);
  if (intake["kiosk_id"] != *signer)
    return Refuse(403, "signed with kiosk \"" + *signer + "\"'s secret but names another kiosk", id);

  auto stored = store_.Put(id, format, body, intake, clock_.Now());
  if (!stored) return Refuse(503, "cannot store the intake now: " + stored.error(), id);
  switch (*stored) {
    case PutOutcome::kStored:
      return Reply{201, "stored", id};
    case PutOutcome::kRepeat:
      return Reply{200, "already stored (same body)", id};
    case PutOutcome::kConflict:
      break;
  }
  return Refuse(409, "an intake with this id is already stored with a different body", id);
}

}  // namespace inbox
