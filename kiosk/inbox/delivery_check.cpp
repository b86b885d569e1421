// The checks of one delivery, cheapest refusal first: size, signature, JSON, contract, identity, times,
// content.
#include "inbox/delivery_check.h"

#include "core/delivery/fhir.h"
#include "inbox/rules/content_check.h"
#include "inbox/rules/duplicate_keys.h"
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

// The content a FHIR response is read with: the one its questionnaire names (url|version), else the newest
// with that url (its version then unknown: kept apart), else the current one (refused with the reason).
const core::Content& FhirContent(const core::KnownContents& known, const core::Json& response) {
  const std::string questionnaire = core::JsonString(response, "questionnaire");
  const core::Content* same_url = nullptr;
  for (const auto& c : known.versions) {
    const std::string url = core::FhirQuestionnaireUrl(c);
    if (questionnaire == url + "|" + c.version) return c;
    if (!same_url && (questionnaire == url || questionnaire.starts_with(url + "|"))) same_url = &c;
  }
  return same_url ? *same_url : known.Current();
}

// The intake view of a body and its format, or the problems that make it unacceptable.
core::Result<std::pair<core::Json, std::string>> IntakeView(const core::Json& parsed,
                                                            const core::KnownContents& known) {
  using R = core::Result<std::pair<core::Json, std::string>>;
  if (!parsed.is_object() || !parsed.contains("resourceType")) {
    auto problems = core::CheckIntakeV1(parsed);
    if (!problems.empty()) return problems;
    return R({parsed, "intake-json"});
  }
  auto view = core::IntakeFromFhirResponse(FhirContent(known, parsed), parsed);
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

std::optional<Reply> CheckDelivery(const WebhookVerifier& verifier, const DeliveryRules& rules,
                                   const SignedRequest& request, core::TimePoint now, Accepted& out) {
  const std::string& body = *request.body;
  if (body.size() > kMaxBodyBytes) return Refuse(413, "body is larger than 2 MiB");
  auto signer = verifier.Verify(request, now);
  if (!signer) return Refuse(401, signer.error());

  auto parsed = core::ParseJson(body, core::JsonLimits{kMaxBodyBytes, kMaxJsonDepth});
  if (!parsed) return Refuse(400, "body: " + parsed.error());
  if (auto repeated = core::FirstDuplicateKey(body))
    return Refuse(422, "not a valid intake: " + *repeated + ": repeats a key of the same object");
  auto view = IntakeView(*parsed, rules.contents);
  if (!view) return Refuse(422, "not a valid intake: " + First(view.problems()));
  auto& [intake, format] = *view;
  const std::string id = intake["intake_id"];
  if (id != request.webhook_id) return Refuse(422, "webhook-id is not the intake's id", id);
  if (intake["kiosk_id"] != *signer)
    return Refuse(403, "signed with kiosk \"" + *signer + "\"'s secret but names another kiosk", id);
  if (auto problems = core::CheckIntakeTimes(intake, now, rules.keep_days); !problems.empty())
    return Refuse(422, "not a valid intake: " + First(problems), id);
  const core::Json& content = intake["content"];
  const core::Content* known = rules.contents.Find(
      core::JsonString(content, "id"), core::JsonString(content, "version"), intake["demo"] == true);
  if (known) {
    if (auto problems = core::CheckAgainstContent(*known, intake); !problems.empty())
      return Refuse(422, "not a valid intake: " + First(problems), id);
  }
  out = Accepted{std::move(intake), std::move(format), known != nullptr};
  return std::nullopt;
}

}  // namespace inbox
