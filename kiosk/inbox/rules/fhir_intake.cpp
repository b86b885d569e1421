// Reading a QuestionnaireResponse back into an intake: the inverse of fhir.cpp's mapping, table for table.
#include "inbox/rules/fhir_intake.h"

#include <string_view>

#include "core/delivery/fhir.h"

namespace core {
namespace {

std::string ExtensionName(const Json& extension) {
  std::string url = JsonString(extension, "url");
  return url.starts_with(kFhirExtensionPrefix) ? url.substr(kFhirExtensionPrefix.size()) : std::string();
}

// The first value[x] of an extension or answer, whatever its type.
const Json& Value(const Json& obj) {
  static const Json kNull;
  if (!obj.is_object()) return kNull;
  for (const auto& [key, v] : obj.items()) {
    if (key.starts_with("value")) return v;
  }
  return kNull;
}

Json FlagFrom(const Json& extension) {
  Json flag = Json::object();
  for (const auto& part : JsonMember(extension, "extension")) {
    std::string name = JsonString(part, "url");
    const Json& v = Value(part);
    if (name == "id") flag["id"] = v;
    if (name == "tier") flag["tier"] = v;
    if (name == "reason") flag["reason"] = v;
    if (name == "question") flag["question_id"] = v;
    if (name == "waitDays") flag["wait_days"] = v;
  }
  return flag;
}

class Reader {
 public:
  Reader(const Content& content, Json& intake, Problems& problems)
      : content_(content), intake_(intake), problems_(problems) {}

  void Items(const Json& items, const std::string& at) {
    if (items.is_null()) return;
    if (!items.is_array()) return Error(at, "must be an array of items");
    for (size_t i = 0; i < items.size(); ++i) Item(items[i], Child(at, i));
  }

 private:
  void Error(const std::string& at, std::string message) {
    problems_.push_back({"", at, std::move(message)});
  }

  void Item(const Json& item, const std::string& at) {
    std::string link = JsonString(item, "linkId");
    const Json& answers = JsonMember(item, "answer");
    const Question* q = content_.FindQuestion(link);
    for (const auto& e : JsonMember(item, "extension")) {  // a signature confirmed with the keypad
      if (q && q->type == QuestionType::kSignature && ExtensionName(e) == "keyed-confirmation")
        intake_["signatures"][q->id] = {{"method", "keyed_confirmation"},
                                        {"statement", JsonString(e, "valueString")}};
    }
    if (q && answers.is_array() && !answers.empty()) {
      Answer(*q, item, answers, Child(at, "answer"));
    } else if (!content_.FindQuestion(link) && !content_.FindStep(link)) {
      Error(Child(at, "linkId"), "not a question or step of content \"" + content_.id + "\"");
    }
    Items(JsonMember(item, "item"), Child(at, "item"));
    if (answers.is_array()) {
      for (size_t i = 0; i < answers.size(); ++i)
        Items(JsonMember(answers[i], "item"), Child(Child(Child(at, "answer"), i), "item"));
    }
  }

  void Answer(const Question& q, const Json& item, const Json& answers, const std::string& at) {
    const Json& first = answers[0];
    auto expect = [&](const char* key) {
      if (!JsonMember(first, key).is_null()) return true;
      Error(Child(at, 0), std::string("expected ") + key + " for question \"" + q.id + "\"");
      return false;
    };
    Json& out = intake_["answers"];
    switch (q.type) {
      case QuestionType::kYesNo:
        if (expect("valueBoolean")) out[q.id] = first["valueBoolean"];
        break;
      case QuestionType::kSingleChoice:
        if (expect("valueCoding")) out[q.id] = JsonString(first["valueCoding"], "code");
        break;
      case QuestionType::kMultiChoice:
        out[q.id] = Json::array();
        for (const auto& a : answers) out[q.id].push_back(JsonString(JsonMember(a, "valueCoding"), "code"));
        break;
      case QuestionType::kText:
      case QuestionType::kEmail:
      case QuestionType::kPhone:
        if (expect("valueString")) out[q.id] = first["valueString"];
        break;
      case QuestionType::kDate:
        if (expect("valueDate")) out[q.id] = first["valueDate"];
        break;
      case QuestionType::kNumber:
        if (expect("valueInteger")) out[q.id] = first["valueInteger"];
        break;
      case QuestionType::kConsent:
        if (expect("valueBoolean")) {
          std::string version;
          for (const auto& e : JsonMember(item, "extension")) {
            if (ExtensionName(e) == "consent-version") version = JsonString(e, "valueString");
          }
          intake_["consents"].push_back(
              {{"id", q.id}, {"version", version}, {"accepted", first["valueBoolean"]}});
        }
        break;
      case QuestionType::kSignature:
        if (expect("valueAttachment")) {
          intake_["signatures"][q.id] = {{"png_base64", JsonString(first["valueAttachment"], "data")},
                                         {"media_type", JsonString(first["valueAttachment"], "contentType")}};
        }
        break;
      case QuestionType::kInfo:
        break;
    }
  }

  const Content& content_;
  Json& intake_;
  Problems& problems_;
};

}  // namespace

Result<Json> IntakeFromFhirResponse(const Content& content, const Json& response) {
  Problems problems;
  auto error = [&](const std::string& at, std::string message) {
    problems.push_back({"", at, std::move(message)});
  };
  if (!response.is_object() || JsonString(response, "resourceType") != "QuestionnaireResponse")
    return Problems{{"", "/resourceType", "must be \"QuestionnaireResponse\""}};
  if (JsonString(response, "status") != "completed") error("/status", "must be \"completed\"");
  const Json& identifier = JsonMember(response, "identifier");
  if (JsonString(identifier, "system") != "urn:glowup-kiosk:intake" ||
      JsonString(identifier, "value").empty())
    error("/identifier", "must be {system: \"urn:glowup-kiosk:intake\", value: <intake id>}");

  const std::string questionnaire = JsonString(response, "questionnaire");
  const std::string url = FhirQuestionnaireUrl(content);
  if (questionnaire != url && !questionnaire.starts_with(url + "|"))
    error("/questionnaire", "must be " + url + "|<version> (the inbox's content is \"" + content.id + "\")");
  const std::string version = questionnaire.size() > url.size() ? questionnaire.substr(url.size() + 1) : "";

  Json intake = {{"schema_version", 1},
                 {"intake_id", JsonString(identifier, "value")},
                 {"submitted_at", JsonString(response, "authored")},
                 {"language", JsonString(response, "language")},
                 {"content", {{"id", content.id}, {"version", version}}},
                 {"demo", false},
                 {"answers", Json::object()},
                 {"flags", Json::array()},
                 {"consents", Json::array()},
                 {"signatures", Json::object()}};
  for (const auto& e : JsonMember(response, "extension")) {
    const std::string name = ExtensionName(e);
    if (name == "kiosk-id") intake["kiosk_id"] = Value(e);
    if (name == "started-at") intake["started_at"] = Value(e);
    if (name == "demo" && Value(e).is_boolean()) intake["demo"] = Value(e);
    if (name == "flag") intake["flags"].push_back(FlagFrom(e));
  }
  if (!intake.contains("kiosk_id")) error("/extension", "missing the kiosk-id extension");
  Reader(content, intake, problems).Items(JsonMember(response, "item"), "/item");
  if (!problems.empty()) return problems;
  return intake;
}

}  // namespace core
