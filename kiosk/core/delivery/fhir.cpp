// FHIR R4 Questionnaire from the content (the QuestionnaireResponse is in fhir_response.cpp).
#include "core/delivery/fhir.h"

#include <optional>
#include <string>
#include <utility>

#include "core/base/date.h"
#include "core/delivery/fhir_values.h"

namespace core {

namespace {

// "glowup-microneedling" -> "GlowupMicroneedling": a computable name (FHIR's que-0).
std::string ComputableName(const std::string& id) {
  std::string out;
  bool upper = true;
  for (char c : id) {
    bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!alnum) {
      upper = true;
      continue;
    }
    out += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    upper = false;
  }
  if (out.empty() || !(out[0] >= 'A' && out[0] <= 'Z')) out = "Q" + out;
  return out.substr(0, 255);
}

const char* FhirType(QuestionType type) {
  switch (type) {
    case QuestionType::kYesNo:
    case QuestionType::kConsent:
      return "boolean";
    case QuestionType::kSingleChoice:
    case QuestionType::kMultiChoice:
      return "choice";
    case QuestionType::kText:
    case QuestionType::kEmail:
    case QuestionType::kPhone:
      return "string";
    case QuestionType::kDate:
      return "date";
    case QuestionType::kNumber:
      return "integer";
    case QuestionType::kSignature:
      return "attachment";
    case QuestionType::kInfo:
      return "display";
  }
  return "display";
}

bool IsStringType(QuestionType type) {
  return type == QuestionType::kText || type == QuestionType::kEmail || type == QuestionType::kPhone;
}

// ---- visibility rules as enableWhen ----

// A condition in content's own JSON form, for rules FHIR cannot express.
Json ConditionJson(const Condition& c) {
  using K = Condition::Kind;
  auto value = [&]() -> Json {
    if (auto* b = std::get_if<bool>(&c.value)) return *b;
    return std::get<std::string>(c.value);
  };
  Json list = Json::array();
  for (const auto& child : c.children) list.push_back(ConditionJson(child));
  switch (c.kind) {
    case K::kEquals:
      return {{"question", c.question}, {"equals", value()}};
    case K::kIncludes:
      return {{"question", c.question}, {"includes", value()}};
    case K::kAnswered:
      return {{"question", c.question}, {"answered", value()}};
    case K::kAge:
    case K::kNumber: {
      Json j = {{c.kind == K::kAge ? "age_from" : "question", c.question}};
      if (c.at_least) j["at_least"] = *c.at_least;
      if (c.below) j["below"] = *c.below;
      return j;
    }
    case K::kAll:
      return {{"all", list}};
    case K::kAny:
      return {{"any", list}};
    case K::kNot:
      return {{"not", list.empty() ? Json::object() : list.front()}};
  }
  return Json::object();
}

// One enableWhen entry for an equals / includes / answered rule on a question whose type FHIR can compare.
std::optional<Json> EnableWhen(const Condition& c, const Content& content) {
  using K = Condition::Kind;
  const Question* q = content.FindQuestion(c.question);
  if (!q) return std::nullopt;
  Json when = {{"question", q->id}, {"operator", "="}};
  const bool* b = std::get_if<bool>(&c.value);
  const std::string* s = std::get_if<std::string>(&c.value);
  const char* type = FhirType(q->type);
  if (c.kind == K::kAnswered && b) {
    when["operator"] = "exists";
    when["answerBoolean"] = *b;
  } else if (c.kind == K::kEquals && b && std::string_view(type) == "boolean") {
    when["answerBoolean"] = *b;
  } else if ((c.kind == K::kEquals && s && q->type == QuestionType::kSingleChoice) ||
             (c.kind == K::kIncludes && s && q->type == QuestionType::kMultiChoice)) {
    if (s->empty()) return std::nullopt;
    when["answerCoding"] = {{"system", fhir::OptionSystem(content, *q)}, {"code", *s}};
  } else if (c.kind == K::kEquals && s && IsStringType(q->type) && !fhir::FhirString(*s).empty()) {
    when["answerString"] = fhir::FhirString(*s);
  } else if (c.kind == K::kEquals && s && q->type == QuestionType::kDate && ParseDate(*s)) {
    when["answerDate"] = *s;
  } else if (c.kind == K::kNumber && q->type == QuestionType::kNumber &&
             (c.at_least.has_value() != c.below.has_value())) {
    when["operator"] = c.at_least ? ">=" : "<";
    when["answerInteger"] = c.at_least ? *c.at_least : *c.below;
  } else {
    return std::nullopt;
  }
  return when;
}

// enableWhen (and enableBehavior) for a simple rule or a flat all/any of simple rules; otherwise an
// extension carrying the rule, which the kiosk evaluates.
void AddVisibility(Json& item, const Condition& c, const Content& content) {
  using K = Condition::Kind;
  Json list = Json::array();
  bool ok = true;
  if (c.kind == K::kAll || c.kind == K::kAny) {
    for (const auto& child : c.children) {
      auto when = EnableWhen(child, content);
      ok = ok && when.has_value();
      if (when) list.push_back(std::move(*when));
    }
    ok = ok && !list.empty();
  } else if (auto when = EnableWhen(c, content)) {
    list.push_back(std::move(*when));
  } else {
    ok = false;
  }
  if (!ok) {
    fhir::AddExtension(item, {{"url", fhir::Ext("enable-rule")}, {"valueString", ConditionJson(c).dump()}});
    return;
  }
  if (list.size() > 1) item["enableBehavior"] = c.kind == K::kAny ? "any" : "all";
  item["enableWhen"] = std::move(list);
}

// ---- Questionnaire ----

Json QuestionItem(const Content& content, const Question& q, std::string_view language) {
  Json item = {{"linkId", q.id}, {"type", FhirType(q.type)}};
  if (q.type == QuestionType::kInfo) {
    std::string label = fhir::FhirString(q.label.In(language)), body = fhir::FhirString(q.body.In(language));
    fhir::SetString(item, "text", label.empty() || body.empty() ? label + body : label + "\n\n" + body);
  } else {
    fhir::SetString(item, "text", q.label.In(language));
    item["required"] = q.required;
  }
  if (q.type == QuestionType::kMultiChoice) item["repeats"] = true;
  for (const auto& o : q.options) {
    if (!o.id.empty())
      item["answerOption"].push_back({{"valueCoding", fhir::Coding(content, q, o.id, language)}});
  }
  if (IsStringType(q.type) && q.max_length) item["maxLength"] = *q.max_length;
  if (q.type == QuestionType::kNumber && q.min)
    fhir::AddExtension(
        item, {{"url", "http://hl7.org/fhir/StructureDefinition/minValue"}, {"valueInteger", *q.min}});
  if (q.type == QuestionType::kNumber && q.max)
    fhir::AddExtension(
        item, {{"url", "http://hl7.org/fhir/StructureDefinition/maxValue"}, {"valueInteger", *q.max}});
  if (q.type == QuestionType::kConsent) {
    if (!fhir::FhirString(q.version).empty())
      fhir::AddExtension(
          item, {{"url", fhir::Ext("consent-version")}, {"valueString", fhir::FhirString(q.version)}});
    Json body = {{"linkId", q.id + ".body"}, {"type", "display"}};
    fhir::SetString(body, "text", q.body.In(language));
    if (body.contains("text")) item["item"].push_back(std::move(body));
  }
  if (q.visible_if) AddVisibility(item, *q.visible_if, content);
  for (const auto& f : q.follow_ups) item["item"].push_back(QuestionItem(content, f, language));
  return item;
}

Json StepItem(const Content& content, const Step& step, std::string_view language) {
  Json item = {{"linkId", step.id}, {"type", "group"}};
  fhir::SetString(item, "text", step.title.In(language));
  if (step.visible_if) AddVisibility(item, *step.visible_if, content);
  for (const auto& q : step.questions) item["item"].push_back(QuestionItem(content, q, language));
  return item;
}

}  // namespace

std::string FhirQuestionnaireUrl(const Content& content) {
  return "urn:glowup-kiosk:questionnaire:" + content.id;
}

Json ToFhirQuestionnaire(const Content& content, std::string_view language) {
  std::string lang(content.HasLanguage(language) ? language : std::string_view(content.default_language));
  Json q = {{"resourceType", "Questionnaire"},
            {"url", FhirQuestionnaireUrl(content)},
            {"name", ComputableName(content.id)},
            {"status", "active"},
            {"subjectType", {"Patient"}}};
  if (fhir::IsFhirCode(lang)) q["language"] = lang;
  fhir::SetString(q, "version", content.version);
  std::string clinic = fhir::FhirString(content.app.clinic_name);
  fhir::SetString(q, "title",
                  Format(content.app.Ui("questionnaire_title").In(lang),
                         {{"clinic", clinic.empty() ? content.id : clinic}}));
  fhir::SetString(q, "publisher", clinic);
  for (const auto& step : content.steps) q["item"].push_back(StepItem(content, step, lang));
  return q;
}

}  // namespace core
