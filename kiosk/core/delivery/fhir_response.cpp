// FHIR R4 QuestionnaireResponse from an intake: answers nested as the Questionnaire nests its items,
// consents and signatures as answers, flags, kiosk id and the demo marker as extensions.
#include <algorithm>
#include <map>
#include <optional>
#include <utility>
#include <vector>

#include "core/base/date.h"
#include "core/delivery/fhir.h"
#include "core/delivery/fhir_values.h"

namespace core {

namespace {

struct Responses {
  const Content& content;
  std::string language;
  const Json& answers;                                       // intake "answers" (an object, or empty)
  const Json& signatures;                                    // intake "signatures"
  std::map<std::string, const Json*, std::less<>> consents;  // id -> intake consent
};

// The FHIR answers to one question: empty when it has none.
Json AnswersTo(const Question& q, const Responses& r) {
  Json out = Json::array();
  const Json& a = JsonMember(r.answers, q.id.c_str());
  auto coding = [&](const Json& v) {
    if (v.is_string() && !v.get<std::string>().empty())
      out.push_back({{"valueCoding", fhir::Coding(r.content, q, v.get<std::string>(), r.language)}});
  };
  switch (q.type) {
    case QuestionType::kYesNo:
      if (a.is_boolean()) out.push_back({{"valueBoolean", a.get<bool>()}});
      break;
    case QuestionType::kSingleChoice:
      coding(a);
      break;
    case QuestionType::kMultiChoice:
      if (a.is_array())
        for (const auto& v : a) coding(v);
      break;
    case QuestionType::kText:
    case QuestionType::kEmail:
    case QuestionType::kPhone:
      if (a.is_string() && !fhir::FhirString(a.get<std::string>()).empty())
        out.push_back({{"valueString", fhir::FhirString(a.get<std::string>())}});
      break;
    case QuestionType::kDate:
      if (a.is_string() && ParseDate(a.get<std::string>())) out.push_back({{"valueDate", a}});
      break;
    case QuestionType::kNumber:
      if (a.is_number_integer()) out.push_back({{"valueInteger", a}});
      break;
    case QuestionType::kConsent:
      if (auto it = r.consents.find(q.id);
          it != r.consents.end() && JsonMember(*it->second, "accepted").is_boolean())
        out.push_back({{"valueBoolean", JsonMember(*it->second, "accepted").get<bool>()}});
      break;
    case QuestionType::kSignature: {
      const Json& sig = JsonMember(r.signatures, q.id.c_str());
      std::string data = JsonString(sig, "png_base64"), media = JsonString(sig, "media_type");
      if (fhir::IsBase64(data))
        out.push_back({{"valueAttachment",
                        {{"contentType", fhir::IsFhirCode(media) ? media : "image/png"}, {"data", data}}}});
      break;
    }
    case QuestionType::kInfo:
      break;
  }
  return out;
}

// The option ids a follow-up's rule looks for in its parent's answer ("includes" / "equals", any depth).
void TriggerOptions(const Condition& c, const std::string& parent, std::vector<std::string>& out) {
  if (auto* s = std::get_if<std::string>(&c.value); s && c.question == parent) out.push_back(*s);
  for (const auto& child : c.children) TriggerOptions(child, parent, out);
}

// Which of the parent's answers a follow-up belongs under: the option that shows it, else the first.
size_t AnswerFor(const Question& follow_up, const Question& parent, const Json& answers) {
  std::vector<std::string> options;
  if (follow_up.visible_if) TriggerOptions(*follow_up.visible_if, parent.id, options);
  for (size_t i = 0; i < answers.size(); ++i) {
    std::string code = JsonString(JsonMember(answers[i], "valueCoding"), "code");
    if (std::find(options.begin(), options.end(), code) != options.end()) return i;
  }
  return 0;
}

std::optional<Json> ResponseItem(const Question& q, const Responses& r) {
  Json item = {{"linkId", q.id}};
  Json answers = AnswersTo(q, r);
  std::vector<std::pair<const Question*, Json>> children;
  for (const auto& f : q.follow_ups) {
    if (auto child = ResponseItem(f, r)) children.emplace_back(&f, std::move(*child));
  }
  // a signature confirmed with the keypad (no image): the statement in the kiosk's keyed-confirmation
  // extension
  const Json& sig = q.type == QuestionType::kSignature ? JsonMember(r.signatures, q.id.c_str()) : Json();
  bool keyed = JsonString(sig, "method") == "keyed_confirmation";
  if (keyed)
    fhir::AddExtension(item, {{"url", fhir::Ext("keyed-confirmation")},
                              {"valueString", fhir::FhirString(JsonString(sig, "statement"))}});
  if (answers.empty() && children.empty() && !keyed) return std::nullopt;
  fhir::SetString(item, "text", q.label.In(r.language));
  if (q.type == QuestionType::kConsent) {
    auto it = r.consents.find(q.id);
    std::string version = it == r.consents.end() ? "" : fhir::FhirString(JsonString(*it->second, "version"));
    if (!version.empty())
      fhir::AddExtension(item, {{"url", fhir::Ext("consent-version")}, {"valueString", version}});
  }
  for (auto& [follow_up, child] : children) {
    // A question's nested items go under its answer (FHIR qrs-1); under the item only if it has none.
    if (answers.empty()) {
      item["item"].push_back(std::move(child));
    } else {
      answers[AnswerFor(*follow_up, q, answers)]["item"].push_back(std::move(child));
    }
  }
  if (!answers.empty()) item["answer"] = std::move(answers);
  return item;
}

Json FlagExtension(const Json& flag) {
  Json parts = Json::array();
  auto part = [&](const char* url, const char* type, Json value) {
    parts.push_back({{"url", url}, {type, std::move(value)}});
  };
  if (std::string id = fhir::FhirString(JsonString(flag, "id")); !id.empty()) part("id", "valueString", id);
  if (std::string tier = JsonString(flag, "tier"); fhir::IsFhirCode(tier)) part("tier", "valueCode", tier);
  if (std::string reason = fhir::FhirString(JsonString(flag, "reason")); !reason.empty())
    part("reason", "valueString", reason);
  if (std::string question = fhir::FhirString(JsonString(flag, "question_id")); !question.empty())
    part("question", "valueString", question);
  if (const Json& wait = JsonMember(flag, "wait_days"); wait.is_number_integer() && wait.get<long long>() > 0)
    part("waitDays", "valuePositiveInt", wait);
  return {{"url", fhir::Ext("flag")}, {"extension", std::move(parts)}};
}

void AddIntakeExtensions(Json& response, const Json& intake) {
  if (std::string kiosk = fhir::FhirString(JsonString(intake, "kiosk_id")); !kiosk.empty())
    fhir::AddExtension(response, {{"url", fhir::Ext("kiosk-id")}, {"valueString", kiosk}});
  const Json& demo = JsonMember(intake, "demo");
  fhir::AddExtension(response,
                     {{"url", fhir::Ext("demo")}, {"valueBoolean", demo.is_boolean() && demo.get<bool>()}});
  if (demo.is_boolean() && demo.get<bool>()) {
    response["meta"]["tag"].push_back(
        {{"system", fhir::Ext("tag")}, {"code", "demo"}, {"display", "Demo mode: not a clinic record"}});
  }
  if (std::string started = JsonString(intake, "started_at"); fhir::IsFhirDateTime(started))
    fhir::AddExtension(response, {{"url", fhir::Ext("started-at")}, {"valueDateTime", started}});
  const Json& flags = JsonMember(intake, "flags");
  if (flags.is_array()) {
    for (const auto& f : flags) {
      if (f.is_object()) fhir::AddExtension(response, FlagExtension(f));
    }
  }
}

}  // namespace

Json ToFhirQuestionnaireResponse(const Content& content, const Json& intake) {
  std::string id = JsonString(intake, "intake_id");
  std::string language = JsonString(intake, "language");
  if (!content.HasLanguage(language)) language = content.default_language;
  const Json& consents = JsonMember(intake, "consents");
  Responses r{content, language, JsonMember(intake, "answers"), JsonMember(intake, "signatures"), {}};
  if (consents.is_array()) {
    for (const auto& c : consents) r.consents.emplace(JsonString(c, "id"), &c);
  }

  std::string version = fhir::FhirString(content.version);
  Json response = {{"resourceType", "QuestionnaireResponse"},
                   {"questionnaire", FhirQuestionnaireUrl(content) + (version.empty() ? "" : "|" + version)},
                   {"status", "completed"}};
  if (fhir::IsFhirId(id)) response["id"] = id;
  if (!fhir::FhirString(id).empty())
    response["identifier"] = {{"system", "urn:glowup-kiosk:intake"}, {"value", fhir::FhirString(id)}};
  if (std::string lang = JsonString(intake, "language"); fhir::IsFhirCode(lang)) response["language"] = lang;
  if (std::string authored = JsonString(intake, "submitted_at"); fhir::IsFhirDateTime(authored))
    response["authored"] = authored;
  AddIntakeExtensions(response, intake);
  for (const auto& step : content.steps) {
    Json group = {{"linkId", step.id}};
    fhir::SetString(group, "text", step.title.In(language));
    for (const auto& q : step.questions) {
      if (auto item = ResponseItem(q, r)) group["item"].push_back(std::move(*item));
    }
    if (group.contains("item")) response["item"].push_back(std::move(group));
  }
  return response;
}

}  // namespace core
