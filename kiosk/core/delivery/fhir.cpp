// FHIR R4 Questionnaire and QuestionnaireResponse from the content and an intake.
#include "core/delivery/fhir.h"

#include <algorithm>
#include <map>
#include <optional>
#include <regex>
#include <utility>
#include <vector>

#include "core/base/date.h"

namespace core {

namespace {

std::string Ext(std::string_view name) {
  return std::string(kFhirExtensionPrefix) + std::string(name);
}

// FHIR strings are never empty and, by convention, not padded; control characters other than tab and line
// breaks are not allowed.
std::string FhirString(std::string_view s) {
  std::string out;
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    out += u < 0x20 && c != '\t' && c != '\n' && c != '\r' ? ' ' : c;
  }
  size_t first = out.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  return out.substr(first, out.find_last_not_of(" \t\r\n") - first + 1);
}

// Sets obj[key] to the cleaned string, or nothing when it would be empty.
void SetString(Json& obj, const char* key, std::string_view s) {
  if (std::string v = FhirString(s); !v.empty()) obj[key] = std::move(v);
}

void AddExtension(Json& obj, Json extension) {
  obj["extension"].push_back(std::move(extension));
}

bool IsFhirId(const std::string& s) {
  static const std::regex kId("[A-Za-z0-9\\-\\.]{1,64}");
  return std::regex_match(s, kId);
}

bool IsFhirCode(const std::string& s) {
  static const std::regex kCode("[^\\s]+( [^\\s]+)*");
  return std::regex_match(s, kCode);
}

bool IsFhirDateTime(const std::string& s) {
  static const std::regex kDateTime(
      "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})");
  return std::regex_match(s, kDateTime);
}

bool IsBase64(const std::string& s) {
  static const std::regex kBase64("([A-Za-z0-9+/]{4})*([A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?");
  return !s.empty() && std::regex_match(s, kBase64);
}

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

std::string OptionSystem(const Content& content, const Question& q) {
  return FhirQuestionnaireUrl(content) + "/" + q.id;
}

Json Coding(const Content& content, const Question& q, const std::string& code, std::string_view language) {
  Json coding = {{"system", OptionSystem(content, q)}, {"code", code}};
  if (const Option* o = q.FindOption(code)) SetString(coding, "display", o->label.In(language));
  return coding;
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
    when["answerCoding"] = {{"system", OptionSystem(content, *q)}, {"code", *s}};
  } else if (c.kind == K::kEquals && s && IsStringType(q->type) && !FhirString(*s).empty()) {
    when["answerString"] = FhirString(*s);
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
    AddExtension(item, {{"url", Ext("enable-rule")}, {"valueString", ConditionJson(c).dump()}});
    return;
  }
  if (list.size() > 1) item["enableBehavior"] = c.kind == K::kAny ? "any" : "all";
  item["enableWhen"] = std::move(list);
}

// ---- Questionnaire ----

Json QuestionItem(const Content& content, const Question& q, std::string_view language) {
  Json item = {{"linkId", q.id}, {"type", FhirType(q.type)}};
  if (q.type == QuestionType::kInfo) {
    std::string label = FhirString(q.label.In(language)), body = FhirString(q.body.In(language));
    SetString(item, "text", label.empty() || body.empty() ? label + body : label + "\n\n" + body);
  } else {
    SetString(item, "text", q.label.In(language));
    item["required"] = q.required;
  }
  if (q.type == QuestionType::kMultiChoice) item["repeats"] = true;
  for (const auto& o : q.options) {
    if (!o.id.empty()) item["answerOption"].push_back({{"valueCoding", Coding(content, q, o.id, language)}});
  }
  if (IsStringType(q.type) && q.max_length) item["maxLength"] = *q.max_length;
  if (q.type == QuestionType::kNumber && q.min)
    AddExtension(item,
                 {{"url", "http://hl7.org/fhir/StructureDefinition/minValue"}, {"valueInteger", *q.min}});
  if (q.type == QuestionType::kNumber && q.max)
    AddExtension(item,
                 {{"url", "http://hl7.org/fhir/StructureDefinition/maxValue"}, {"valueInteger", *q.max}});
  if (q.type == QuestionType::kConsent) {
    if (!FhirString(q.version).empty())
      AddExtension(item, {{"url", Ext("consent-version")}, {"valueString", FhirString(q.version)}});
    Json body = {{"linkId", q.id + ".body"}, {"type", "display"}};
    SetString(body, "text", q.body.In(language));
    if (body.contains("text")) item["item"].push_back(std::move(body));
  }
  if (q.visible_if) AddVisibility(item, *q.visible_if, content);
  for (const auto& f : q.follow_ups) item["item"].push_back(QuestionItem(content, f, language));
  return item;
}

Json StepItem(const Content& content, const Step& step, std::string_view language) {
  Json item = {{"linkId", step.id}, {"type", "group"}};
  SetString(item, "text", step.title.In(language));
  if (step.visible_if) AddVisibility(item, *step.visible_if, content);
  for (const auto& q : step.questions) item["item"].push_back(QuestionItem(content, q, language));
  return item;
}

// ---- QuestionnaireResponse ----

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
      out.push_back({{"valueCoding", Coding(r.content, q, v.get<std::string>(), r.language)}});
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
      if (a.is_string() && !FhirString(a.get<std::string>()).empty())
        out.push_back({{"valueString", FhirString(a.get<std::string>())}});
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
      if (IsBase64(data))
        out.push_back({{"valueAttachment",
                        {{"contentType", IsFhirCode(media) ? media : "image/png"}, {"data", data}}}});
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
    AddExtension(item, {{"url", Ext("keyed-confirmation")},
                        {"valueString", FhirString(JsonString(sig, "statement"))}});
  if (answers.empty() && children.empty() && !keyed) return std::nullopt;
  SetString(item, "text", q.label.In(r.language));
  if (q.type == QuestionType::kConsent) {
    auto it = r.consents.find(q.id);
    std::string version = it == r.consents.end() ? "" : FhirString(JsonString(*it->second, "version"));
    if (!version.empty()) AddExtension(item, {{"url", Ext("consent-version")}, {"valueString", version}});
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
  if (std::string id = FhirString(JsonString(flag, "id")); !id.empty()) part("id", "valueString", id);
  if (std::string tier = JsonString(flag, "tier"); IsFhirCode(tier)) part("tier", "valueCode", tier);
  if (std::string reason = FhirString(JsonString(flag, "reason")); !reason.empty())
    part("reason", "valueString", reason);
  if (std::string question = FhirString(JsonString(flag, "question_id")); !question.empty())
    part("question", "valueString", question);
  if (const Json& wait = JsonMember(flag, "wait_days"); wait.is_number_integer() && wait.get<long long>() > 0)
    part("waitDays", "valuePositiveInt", wait);
  return {{"url", Ext("flag")}, {"extension", std::move(parts)}};
}

void AddIntakeExtensions(Json& response, const Json& intake) {
  if (std::string kiosk = FhirString(JsonString(intake, "kiosk_id")); !kiosk.empty())
    AddExtension(response, {{"url", Ext("kiosk-id")}, {"valueString", kiosk}});
  const Json& demo = JsonMember(intake, "demo");
  AddExtension(response, {{"url", Ext("demo")}, {"valueBoolean", demo.is_boolean() && demo.get<bool>()}});
  if (demo.is_boolean() && demo.get<bool>()) {
    response["meta"]["tag"].push_back(
        {{"system", Ext("tag")}, {"code", "demo"}, {"display", "Demo mode: not a clinic record"}});
  }
  if (std::string started = JsonString(intake, "started_at"); IsFhirDateTime(started))
    AddExtension(response, {{"url", Ext("started-at")}, {"valueDateTime", started}});
  const Json& flags = JsonMember(intake, "flags");
  if (flags.is_array()) {
    for (const auto& f : flags) {
      if (f.is_object()) AddExtension(response, FlagExtension(f));
    }
  }
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
  if (IsFhirCode(lang)) q["language"] = lang;
  SetString(q, "version", content.version);
  std::string clinic = FhirString(content.app.clinic_name);
  SetString(q, "title",
            Format(content.app.Ui("questionnaire_title").In(lang),
                   {{"clinic", clinic.empty() ? content.id : clinic}}));
  SetString(q, "publisher", clinic);
  for (const auto& step : content.steps) q["item"].push_back(StepItem(content, step, lang));
  return q;
}

Json ToFhirQuestionnaireResponse(const Content& content, const Json& intake) {
  std::string id = JsonString(intake, "intake_id");
  std::string language = JsonString(intake, "language");
  if (!content.HasLanguage(language)) language = content.default_language;
  const Json& consents = JsonMember(intake, "consents");
  Responses r{content, language, JsonMember(intake, "answers"), JsonMember(intake, "signatures"), {}};
  if (consents.is_array()) {
    for (const auto& c : consents) r.consents.emplace(JsonString(c, "id"), &c);
  }

  std::string version = FhirString(content.version);
  Json response = {{"resourceType", "QuestionnaireResponse"},
                   {"questionnaire", FhirQuestionnaireUrl(content) + (version.empty() ? "" : "|" + version)},
                   {"status", "completed"}};
  if (IsFhirId(id)) response["id"] = id;
  if (!FhirString(id).empty())
    response["identifier"] = {{"system", "urn:glowup-kiosk:intake"}, {"value", FhirString(id)}};
  if (std::string lang = JsonString(intake, "language"); IsFhirCode(lang)) response["language"] = lang;
  if (std::string authored = JsonString(intake, "submitted_at"); IsFhirDateTime(authored))
    response["authored"] = authored;
  AddIntakeExtensions(response, intake);
  for (const auto& step : content.steps) {
    Json group = {{"linkId", step.id}};
    SetString(group, "text", step.title.In(language));
    for (const auto& q : step.questions) {
      if (auto item = ResponseItem(q, r)) group["item"].push_back(std::move(*item));
    }
    if (group.contains("item")) response["item"].push_back(std::move(group));
  }
  return response;
}

}  // namespace core
