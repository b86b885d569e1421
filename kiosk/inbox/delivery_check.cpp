// The checks of one delivery, cheapest refusal first: size, signature, JSON, contract, identity.
#include "inbox/delivery_check.h"

#include "inbox/rules/fhir_intake.h"
#include "inbox/rules/intake_check.h"

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

std::optional<Reply> CheckDelivery(const WebhookVerifier& verifier, const core::Content& content,
                                   const SignedRequest& request, core::TimePoint now, Accepted& out) {
  const std::string& body = *request.body;
  if (body.size() > kMaxBodyBytes) return Refuse(413, "body is larger than 2 MiB");
  auto signer = verifier.Verify(request, now);
  if (!signer) return Refuse(401, signer.error());

  auto parsed = core::ParseJson(body, core::JsonLimits{kMaxBodyBytes, kMaxJsonDepth});
  if (!parsed) return Refuse(400, "body: " + parsed.error());
  auto view = IntakeView(*parsed, content);
  if (!view) return Refuse(422, "not a valid intake: " + First(view.problems()));
  auto& [intake, format] = *view;
  const std::string id = intake["intake_id"];
  if (id != request.webhook_id) return Refuse(422, "webhook-id is not the intake's id", id);
  if (intake["kiosk_id"] != *signer)
    return Refuse(403, "signed with kiosk \"" + *signer + "\"'s secret but names another kiosk", id);
  out = Accepted{std::move(intake), std::move(format)};
  return std::nullopt;
}

}  // namespace inbox
