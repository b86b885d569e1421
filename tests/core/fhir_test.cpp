// FHIR R4: the default content as a Questionnaire and intakes as QuestionnaireResponses that match it.
#include "core/delivery/fhir.h"

#include <doctest/doctest.h>

#include <functional>
#include <regex>
#include <set>

#include "core/visit/intake.h"
#include "fixtures.h"

using namespace core_test;
namespace in = core::intent;

namespace {

const std::string kUrl = "urn:glowup-kiosk:questionnaire:glowup-microneedling";
// A 1x1 PNG, standard base64.
const std::string kPng =
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

core::IntakeContext FhirContext(bool demo = false) {
  core::IntakeContext ctx;
  ctx.kiosk_id = "front-desk-1";
  ctx.submitted_at = At(2026, 11, 25, 9, 4, 30) + std::chrono::milliseconds(250);
  ctx.today = kToday;
  ctx.demo = demo;
  ctx.signature_png_base64 = [](const core::Signature&) { return kPng; };
  return ctx;
}

// A full visit to the default content by a 16-year-old with a guardian, some flags and follow-ups.
core::Session MinorVisit() {
  core::Session s;
  s.screen = core::Screen::kSubmitting;
  s.language = "en";
  s.intake_id = "3f0c2a5e-8d4b-4c1a-9e7f-0123456789ab";
  s.started_at = At(2026, 11, 25, 9, 0, 0);
  s.answers = {{"privacy_ack", true},
               {"first_name", std::string("María")},
               {"last_name", std::string("  Núñez ")},
               {"date_of_birth", std::string("2010-03-15")},
               {"phone", std::string("+34 600 123 456")},
               {"email", std::string("maria@example.es")},
               {"heard_about", std::string("other")},
               {"heard_about_other", std::string("A friend at the gym")},
               {"skin_concerns", std::vector<std::string>{"acne_scars", "other"}},
               {"concerns_other", std::string("Dark circles")},
               {"areas", std::vector<std::string>{"face", "body"}},
               {"areas_body_details", std::string("Upper arms")},
               {"previous_treatments", std::vector<std::string>{"chemical_peel"}},
               {"previous_treatments_details", std::string("Peel in 2024")},
               {"treatment_consent", true},
               {"photo_consent", false},
               {"marketing_consent", true},  // hidden for a minor (issue 18): never submitted
               {"guardian_statement", true},
               {"guardian_name", std::string("Ana Núñez")},
               {"guardian_signature", Line()},
               {"client_signature", Line()}};
  for (const auto& q : DefaultContent().FindStep("health")->questions) {
    core::ForEachQuestion(std::vector<core::Question>{q},
                          [&](const core::Question& x) { s.answers.emplace(x.id, false); });
  }
  s.answers["pregnancy"] = true;
  s.answers["recent_sun"] = true;
  s.answers["blood_thinners"] = true;
  s.answers["isotretinoin_12m"] = true;  // isotretinoin_now stays false
  s.answers["isotretinoin_months_since"] = std::string("3");
  s.answers["allergy_skincare"] = true;
  s.answers["allergy_skincare_details"] = std::string("Fragrance");
  return s;
}

Json Intake(const core::Session& s = MinorVisit(), bool demo = false) {
  return core::BuildIntake(DefaultContent(), s, FhirContext(demo));
}

Json FhirQuestionnaire() {
  return core::ToFhirQuestionnaire(DefaultContent(), "en");
}

Json Response(const Json& intake = Intake()) {
  return core::ToFhirQuestionnaireResponse(DefaultContent(), intake);
}

// Every item of a Questionnaire or QuestionnaireResponse, depth first (item.item and answer.item).
void ForEachItem(const Json& parent, const std::function<void(const Json&)>& f) {
  if (parent.contains("item")) {
    for (const auto& item : parent["item"]) {
      f(item);
      ForEachItem(item, f);
    }
  }
  if (parent.contains("answer")) {
    for (const auto& answer : parent["answer"]) ForEachItem(answer, f);
  }
}

std::map<std::string, Json> ItemsByLinkId(const Json& resource) {
  std::map<std::string, Json> out;
  ForEachItem(resource, [&](const Json& item) { out.emplace(item["linkId"].get<std::string>(), item); });
  return out;
}

// The item with `link_id` (anywhere), or null.
Json Item(const Json& resource, const std::string& link_id) {
  auto items = ItemsByLinkId(resource);
  auto it = items.find(link_id);
  return it == items.end() ? Json() : it->second;
}

std::vector<std::string> Codes(const Json& answers) {
  std::vector<std::string> out;
  for (const auto& a : answers) out.push_back(a["valueCoding"]["code"]);
  return out;
}

const Json* Extension(const Json& obj, const std::string& url) {
  if (!obj.contains("extension")) return nullptr;
  for (const auto& e : obj["extension"]) {
    if (e["url"] == url) return &e;
  }
  return nullptr;
}

std::vector<Json> Extensions(const Json& obj, const std::string& url) {
  std::vector<Json> out;
  if (obj.contains("extension")) {
    for (const auto& e : obj["extension"]) {
      if (e["url"] == url) out.push_back(e);
    }
  }
  return out;
}

Json Part(const Json& extension, const std::string& url) {
  for (const auto& e : extension["extension"]) {
    if (e["url"] == url) return e;
  }
  return Json();
}

bool Matches(const Json& value, const char* pattern) {
  return value.is_string() && std::regex_match(value.get<std::string>(), std::regex(pattern));
}

const char* kDate = "[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])";
const char* kDateTime =
    "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})";

// The rules of FHIR JSON that hold anywhere: no nulls, no empty arrays, objects or strings, no padding in
// strings, absolute URLs on top-level extensions (nested ones may be simple names), typed primitives.
void CheckFhirJson(const Json& j, const std::string& path, bool nested_extension = false) {
  CAPTURE(path);
  CHECK_FALSE(j.is_null());
  if (j.is_string()) {
    const auto& s = j.get<std::string>();
    CHECK_FALSE(s.empty());
    if (!s.empty()) CHECK(s.find_first_of(" \t\r\n") != 0);
  }
  if (j.is_array() || j.is_object()) CHECK_FALSE(j.empty());
  if (j.is_array()) {
    for (size_t i = 0; i < j.size(); ++i)
      CheckFhirJson(j[i], path + "/" + std::to_string(i), nested_extension);
    return;
  }
  if (!j.is_object()) return;
  if (j.contains("url") && path.find("/extension/") != std::string::npos && !nested_extension) {
    CHECK(Matches(j["url"], "(urn:|https?://).+"));
  }
  for (const char* key : {"valueDate", "answerDate"}) {
    if (j.contains(key)) CHECK(Matches(j[key], kDate));
  }
  for (const char* key : {"authored", "valueDateTime"}) {
    if (j.contains(key)) CHECK(Matches(j[key], kDateTime));
  }
  for (auto& [key, value] : j.items()) {
    bool inner = nested_extension || (key == "extension" && path.find("/extension/") != std::string::npos);
    CheckFhirJson(value, path + "/" + key, inner);
  }
}

// FHIR's structural rules for items: groups have items and no answers, display items have neither,
// required/repeats not on display, answerOption only on choice, nested items of a question under its answers.
void CheckItems(const Json& resource, bool response) {
  ForEachItem(resource, [&](const Json& item) {
    CAPTURE(item["linkId"]);
    REQUIRE(item.contains("linkId"));
    if (response) {
      CHECK_FALSE((item.contains("item") && item.contains("answer")));
      return;
    }
    std::string type = item["type"];
    if (type == "group") CHECK(item.contains("item"));
    if (type == "display") {
      CHECK_FALSE(item.contains("item"));
      CHECK_FALSE(item.contains("required"));
      CHECK_FALSE(item.contains("repeats"));
    }
    if (item.contains("answerOption")) CHECK(type == "choice");
    if (item.contains("enableWhen") && item["enableWhen"].size() > 1) CHECK(item.contains("enableBehavior"));
  });
}

// The value[x] a QuestionnaireResponse answer must use for a Questionnaire item type.
std::string ValueKeyFor(const std::string& type) {
  if (type == "boolean") return "valueBoolean";
  if (type == "choice") return "valueCoding";
  if (type == "string") return "valueString";
  if (type == "date") return "valueDate";
  if (type == "integer") return "valueInteger";
  if (type == "attachment") return "valueAttachment";
  return "";
}

}  // namespace

TEST_SUITE("fhir questionnaire") {
  TEST_CASE("the Questionnaire names the content by a canonical url, its version and a computable name") {
    Json q = FhirQuestionnaire();
    CHECK(q["resourceType"] == "Questionnaire");
    CHECK(q["url"] == kUrl);
    CHECK(core::FhirQuestionnaireUrl(DefaultContent()) == kUrl);
    CHECK(q["version"] == "2026.12.1");
    CHECK(q["status"] == "active");
    CHECK(q["name"] == "GlowupMicroneedling");
    CHECK(Matches(q["name"], "[A-Z]([A-Za-z0-9_]){0,254}"));
    CHECK(q["title"] == "Glow Up by Vanessa: client intake");
    CHECK(q["publisher"] == "Glow Up by Vanessa");
    CHECK(q["language"] == "en");
    CHECK(q["subjectType"] == Json::array({"Patient"}));
  }

  TEST_CASE("the Questionnaire has one group per step, titled in the language") {
    Json q = FhirQuestionnaire();
    const auto& c = DefaultContent();
    REQUIRE(q["item"].size() == c.steps.size());
    for (size_t i = 0; i < c.steps.size(); ++i) {
      CHECK(q["item"][i]["linkId"] == c.steps[i].id);
      CHECK(q["item"][i]["type"] == "group");
      CHECK(q["item"][i]["text"] == c.steps[i].title.In("en"));
      CHECK(q["item"][i]["item"].size() == c.steps[i].questions.size());
    }
  }

  TEST_CASE("every question is an item with its id as linkId, its label and a type for its kind") {
    auto items = ItemsByLinkId(FhirQuestionnaire());
    const std::map<core::QuestionType, std::string> types = {
        {core::QuestionType::kYesNo, "boolean"},      {core::QuestionType::kSingleChoice, "choice"},
        {core::QuestionType::kMultiChoice, "choice"}, {core::QuestionType::kText, "string"},
        {core::QuestionType::kEmail, "string"},       {core::QuestionType::kPhone, "string"},
        {core::QuestionType::kDate, "date"},          {core::QuestionType::kNumber, "integer"},
        {core::QuestionType::kConsent, "boolean"},    {core::QuestionType::kSignature, "attachment"},
        {core::QuestionType::kInfo, "display"}};
    int count = 0;
    for (const auto& step : DefaultContent().steps) {
      core::ForEachQuestion(step.questions, [&](const core::Question& question) {
        CAPTURE(question.id);
        ++count;
        REQUIRE(items.count(question.id) == 1);
        const Json& item = items[question.id];
        CHECK(item["type"] == types.at(question.type));
        if (question.type != core::QuestionType::kInfo) {
          CHECK(item["text"] == question.label.In("en"));
          CHECK(item["required"] == question.required);
        } else {
          CHECK(item["text"].get<std::string>().find(question.body.In("en").substr(0, 20)) !=
                std::string::npos);
        }
        CHECK(item.contains("repeats") == (question.type == core::QuestionType::kMultiChoice));
      });
    }
    CHECK(count > 50);
  }

  TEST_CASE("Questionnaire linkIds are unique") {
    std::set<std::string> seen;
    int total = 0;
    ForEachItem(FhirQuestionnaire(), [&](const Json& item) {
      ++total;
      CHECK_MESSAGE(seen.insert(item["linkId"].get<std::string>()).second, item["linkId"]);
    });
    CHECK(seen.size() == static_cast<size_t>(total));
  }

  TEST_CASE("choice items offer their options as codings in a system per question") {
    Json concerns = Item(FhirQuestionnaire(), "skin_concerns");
    CHECK(concerns["repeats"] == true);
    std::vector<std::string> codes;
    for (const auto& o : concerns["answerOption"]) {
      CHECK(o["valueCoding"]["system"] == kUrl + "/skin_concerns");
      CHECK(o["valueCoding"]["display"].is_string());
      codes.push_back(o["valueCoding"]["code"]);
    }
    CHECK(codes == std::vector<std::string>{"wrinkles", "acne_scars", "tone_texture", "stretch_marks",
                                            "pores", "other"});
    Json heard = Item(FhirQuestionnaire(), "heard_about");
    CHECK_FALSE(heard.contains("repeats"));
    CHECK(heard["answerOption"][0]["valueCoding"] ==
          Json{{"system", kUrl + "/heard_about"},
               {"code", "social_media"},
               {"display", DefaultContent().FindQuestion("heard_about")->options[0].label.In("en")}});
  }

  TEST_CASE("follow-ups are nested items of their parent") {
    Json q = FhirQuestionnaire();
    auto child_ids = [&](const std::string& parent) {
      std::vector<std::string> ids;
      Json item = Item(q, parent);
      for (const auto& child : item["item"]) ids.push_back(child["linkId"]);
      return ids;
    };
    CHECK(child_ids("heard_about") == std::vector<std::string>{"heard_about_other"});
    CHECK(child_ids("isotretinoin_12m") ==
          std::vector<std::string>{"isotretinoin_now", "isotretinoin_months_since"});
    CHECK(child_ids("skin_concerns") == std::vector<std::string>{"concerns_other"});
    Json about = q["item"][1];
    REQUIRE(about["linkId"] == "about_you");
    for (const auto& item : about["item"]) CHECK(item["linkId"] != "heard_about_other");
  }

  TEST_CASE("equals, includes and the implicit yes of a follow-up become enableWhen") {
    Json q = FhirQuestionnaire();
    CHECK(Item(q, "heard_about_other")["enableWhen"] ==
          Json::array({{{"question", "heard_about"},
                        {"operator", "="},
                        {"answerCoding", {{"system", kUrl + "/heard_about"}, {"code", "other"}}}}}));
    CHECK(Item(q, "concerns_other")["enableWhen"] ==
          Json::array({{{"question", "skin_concerns"},
                        {"operator", "="},
                        {"answerCoding", {{"system", kUrl + "/skin_concerns"}, {"code", "other"}}}}}));
    CHECK(Item(q, "isotretinoin_now")["enableWhen"] ==
          Json::array({{{"question", "isotretinoin_12m"}, {"operator", "="}, {"answerBoolean", true}}}));
    CHECK_FALSE(Item(q, "isotretinoin_now").contains("enableBehavior"));
  }

  TEST_CASE("a flat any of includes becomes enableWhen with enableBehavior any") {
    Json details = Item(FhirQuestionnaire(), "previous_treatments_details");
    CHECK(details["enableBehavior"] == "any");
    REQUIRE(details["enableWhen"].size() == 5);
    for (const auto& w : details["enableWhen"]) {
      CHECK(w["question"] == "previous_treatments");
      CHECK(w["operator"] == "=");
      CHECK(w["answerCoding"]["system"] == kUrl + "/previous_treatments");
    }
    CHECK(details["enableWhen"][0]["answerCoding"]["code"] == "microneedling");
  }

  TEST_CASE("every enableWhen names an earlier item with an answer of its type") {
    Json q = FhirQuestionnaire();
    auto items = ItemsByLinkId(q);
    ForEachItem(q, [&](const Json& item) {
      if (!item.contains("enableWhen")) return;
      for (const auto& w : item["enableWhen"]) {
        CAPTURE(w);
        REQUIRE(items.count(w["question"]) == 1);
        std::string type = items[w["question"]]["type"];
        if (w["operator"] == "exists") {
          CHECK(w["answerBoolean"].is_boolean());
        } else {
          CHECK(w.contains(type == "choice"    ? "answerCoding"
                           : type == "boolean" ? "answerBoolean"
                                               : "answerString"));
        }
      }
    });
  }

  TEST_CASE("age rules are left to the kiosk, described in an extension instead of enableWhen") {
    Json guardian = Item(FhirQuestionnaire(), "guardian_name");
    CHECK_FALSE(guardian.contains("enableWhen"));
    const Json* rule = Extension(guardian, "urn:glowup-kiosk:fhir:enable-rule");
    REQUIRE(rule != nullptr);
    CHECK(core::ParseJson((*rule)["valueString"].get<std::string>()).value() ==
          Json{{"age_from", "date_of_birth"}, {"below", 18}});
    CHECK(Extension(Item(FhirQuestionnaire(), "guardian_signature"), "urn:glowup-kiosk:fhir:enable-rule") !=
          nullptr);
  }

  TEST_CASE("not, nested combinations and answered rules map as far as FHIR can say them") {
    auto c = Load(core_test::Questionnaire(Json::array({
        Step("one", Json::array({Q("pick", "single_choice"), Q("many", "multi_choice"), Q("yes", "yes_no"),
                                 Q("name", "text"), Q("when", "date")})),
        Step("two",
             Json::array({
                 Q("a", "text", {{"visible_if", {{"not", {{"question", "yes"}, {"equals", true}}}}}}),
                 Q("b", "text",
                   {{"visible_if",
                     {{"all",
                       Json::array({{{"question", "yes"}, {"equals", true}},
                                    {{"any", Json::array({{{"question", "pick"}, {"equals", "a"}}})}}})}}}}),
                 Q("c", "text", {{"visible_if", {{"question", "name"}, {"answered", true}}}}),
                 Q("d", "text",
                   {{"visible_if",
                     {{"all", Json::array({{{"question", "name"}, {"equals", "Bo"}},
                                           {{"question", "when"}, {"equals", "2020-01-02"}},
                                           {{"question", "many"}, {"answered", false}}})}}}}),
             }),
             {{"visible_if", {{"question", "many"}, {"includes", "b"}}}}),
    })));
    Json q = core::ToFhirQuestionnaire(c, "en");
    for (const char* id : {"a", "b"}) {
      CAPTURE(id);
      Json item = Item(q, id);
      CHECK_FALSE(item.contains("enableWhen"));
      CHECK_FALSE(item.contains("enableBehavior"));
      CHECK(Extension(item, "urn:glowup-kiosk:fhir:enable-rule") != nullptr);
    }
    CHECK(Item(q, "c")["enableWhen"] ==
          Json::array({{{"question", "name"}, {"operator", "exists"}, {"answerBoolean", true}}}));
    Json d = Item(q, "d");
    CHECK(d["enableBehavior"] == "all");
    CHECK(d["enableWhen"] ==
          Json::array({{{"question", "name"}, {"operator", "="}, {"answerString", "Bo"}},
                       {{"question", "when"}, {"operator", "="}, {"answerDate", "2020-01-02"}},
                       {{"question", "many"}, {"operator", "exists"}, {"answerBoolean", false}}}));
    CHECK(q["item"][1]["enableWhen"][0]["answerCoding"]["code"] == "b");  // a step's rule, on its group
    CHECK(q["url"] == "urn:glowup-kiosk:questionnaire:test-content");
    CHECK(q["name"] == "TestContent");
    CheckFhirJson(q, "");
    CheckItems(q, false);
  }

  TEST_CASE("consent items carry their text version and their wording as a display item") {
    Json consent = Item(FhirQuestionnaire(), "treatment_consent");
    CHECK(consent["type"] == "boolean");
    CHECK(consent["required"] == true);
    const Json* version = Extension(consent, "urn:glowup-kiosk:fhir:consent-version");
    REQUIRE(version != nullptr);
    CHECK((*version)["valueString"] == "2026-12");
    REQUIRE(consent["item"].size() == 1);
    CHECK(consent["item"][0]["linkId"] == "treatment_consent.body");
    CHECK(consent["item"][0]["type"] == "display");
    CHECK(consent["item"][0]["text"] == DefaultContent().FindQuestion("treatment_consent")->body.In("en"));
  }

  TEST_CASE("the Questionnaire is written in the language asked for, or the content's default") {
    auto c =
        Load(core_test::Questionnaire(Json::array({Step("one", Json::array({Q("pick", "single_choice")}))})),
             {"en", "es"});
    Json es = core::ToFhirQuestionnaire(c, "es");
    CHECK(es["language"] == "es");
    CHECK(es["item"][0]["text"] == "es: Title of one");
    CHECK(Item(es, "pick")["text"] == "es: Label of pick");
    CHECK(Item(es, "pick")["answerOption"][0]["valueCoding"]["display"] == "es: A");
    Json unknown = core::ToFhirQuestionnaire(c, "fr");
    CHECK(unknown["language"] == "en");
    CHECK(Item(unknown, "pick")["text"] == "Label of pick");
  }

  TEST_CASE("the Questionnaire is valid FHIR JSON with no empty values") {
    Json q = FhirQuestionnaire();
    CheckFhirJson(q, "");
    CheckItems(q, false);
  }
}

TEST_SUITE("fhir questionnaire response") {
  TEST_CASE("the response identifies the intake, its questionnaire, language and time") {
    Json r = Response();
    CHECK(r["resourceType"] == "QuestionnaireResponse");
    CHECK(r["id"] == "3f0c2a5e-8d4b-4c1a-9e7f-0123456789ab");
    CHECK(r["identifier"] ==
          Json{{"system", "urn:glowup-kiosk:intake"}, {"value", "3f0c2a5e-8d4b-4c1a-9e7f-0123456789ab"}});
    CHECK(r["questionnaire"] == kUrl + "|2026.12.1");
    CHECK(r["status"] == "completed");
    CHECK(r["authored"] == "2026-11-25T09:04:30.250Z");
    CHECK(r["language"] == "en");
  }

  TEST_CASE("answers carry the FHIR type of their question") {
    Json r = Response();
    CHECK(Item(r, "first_name")["answer"] == Json::array({{{"valueString", "María"}}}));
    CHECK(Item(r, "last_name")["answer"] == Json::array({{{"valueString", "Núñez"}}}));  // trimmed
    CHECK(Item(r, "email")["answer"] == Json::array({{{"valueString", "maria@example.es"}}}));
    CHECK(Item(r, "date_of_birth")["answer"] == Json::array({{{"valueDate", "2010-03-15"}}}));
    CHECK(Item(r, "pregnancy")["answer"] == Json::array({{{"valueBoolean", true}}}));
    CHECK(Item(r, "breastfeeding")["answer"] == Json::array({{{"valueBoolean", false}}}));
    const auto* heard = DefaultContent().FindQuestion("heard_about");
    CHECK(Item(r, "heard_about")["answer"][0]["valueCoding"] ==
          Json{{"system", kUrl + "/heard_about"},
               {"code", "other"},
               {"display", heard->FindOption("other")->label.In("en")}});
    CHECK(Codes(Item(r, "skin_concerns")["answer"]) == std::vector<std::string>{"acne_scars", "other"});
    CHECK(Item(r, "client_signature")["answer"] ==
          Json::array({{{"valueAttachment", {{"contentType", "image/png"}, {"data", kPng}}}}}));
    CHECK(Item(r, "guardian_signature")["answer"][0]["valueAttachment"]["data"] == kPng);
    CHECK(Item(r, "guardian_name")["answer"][0]["valueString"] == "Ana Núñez");
  }

  TEST_CASE("consents are boolean answers with the version of the text agreed to") {
    Json r = Response();
    for (const char* hidden : {"photo_consent", "marketing_consent"}) {  // not asked of a minor
      CAPTURE(hidden);
      CHECK_FALSE(Item(r, hidden).contains("answer"));
    }
    for (auto [id, accepted] : {std::pair{"treatment_consent", true}, std::pair{"guardian_statement", true},
                                std::pair{"privacy_ack", true}}) {
      CAPTURE(id);
      Json item = Item(r, id);
      CHECK(item["answer"] == Json::array({{{"valueBoolean", accepted}}}));
      const Json* version = Extension(item, "urn:glowup-kiosk:fhir:consent-version");
      REQUIRE(version != nullptr);
      CHECK((*version)["valueString"] == DefaultContent().FindQuestion(id)->version);
    }
  }

  TEST_CASE("follow-up answers sit under the answer of their parent that shows them") {
    Json r = Response();
    Json concerns = Item(r, "skin_concerns");
    REQUIRE(concerns["answer"].size() == 2);
    CHECK_FALSE(concerns["answer"][0].contains("item"));
    REQUIRE(concerns["answer"][1]["valueCoding"]["code"] == "other");
    CHECK(concerns["answer"][1]["item"][0]["linkId"] == "concerns_other");
    CHECK(concerns["answer"][1]["item"][0]["answer"][0]["valueString"] == "Dark circles");
    Json areas = Item(r, "areas");
    CHECK(areas["answer"][1]["item"][0]["linkId"] == "areas_body_details");
    CHECK(Item(r, "heard_about")["answer"][0]["item"][0]["linkId"] == "heard_about_other");
    CHECK(Item(r, "isotretinoin_12m")["answer"][0]["item"][0]["answer"][0]["valueBoolean"] == false);
    CHECK(Item(r, "previous_treatments")["answer"][0]["item"][0]["linkId"] == "previous_treatments_details");
    CHECK_FALSE(Item(r, "skin_concerns").contains("item"));
  }

  TEST_CASE("only answered questions appear: no info blocks, hidden or untouched questions, or empty steps") {
    auto s = MinorVisit();
    s.answers["date_of_birth"] = std::string("1990-03-15");  // an adult: no guardian questions
    s.answers.erase("heard_about");
    s.answers["last_name"] = std::string("   ");
    Json r = Response(Intake(s));
    auto items = ItemsByLinkId(r);
    CHECK(items.count("guardian_name") == 0);
    CHECK(items.count("guardian_signature") == 0);
    CHECK(items.count("heard_about") == 0);
    CHECK(items.count("heard_about_other") == 0);
    CHECK(items.count("last_name") == 0);
    CHECK(items.count("privacy_collected") == 0);
    CHECK(items.count("explainer") == 0);  // a step of info blocks only
    CHECK(items.count("treatment_consent.body") == 0);
    for (const auto& [id, item] : items) {
      CAPTURE(id);
      const auto* step = DefaultContent().FindStep(id);
      CHECK((step ? item.contains("item") : (item.contains("answer") || item.contains("item"))));
    }
  }

  TEST_CASE("flags are extensions with id, tier, reason, question and, for defer, waitDays") {
    Json intake = Intake();
    Json r = Response(intake);
    auto flags = Extensions(r, "urn:glowup-kiosk:fhir:flag");
    REQUIRE(flags.size() == intake["flags"].size());
    REQUIRE(flags.size() >= 4);
    for (size_t i = 0; i < flags.size(); ++i) {
      const Json& f = intake["flags"][i];
      CAPTURE(f);
      CHECK(Part(flags[i], "id")["valueString"] == f["id"]);
      CHECK(Part(flags[i], "tier")["valueCode"] == f["tier"]);
      CHECK(Part(flags[i], "reason")["valueString"] == f["reason"]);
      CHECK(Part(flags[i], "question")["valueString"] == f["question_id"]);
      if (f["tier"] == "defer") {
        CHECK(Part(flags[i], "waitDays")["valuePositiveInt"] == f["wait_days"]);
      } else {
        CHECK(Part(flags[i], "waitDays").is_null());
      }
      CHECK(flags[i].size() == 2);  // url and extension, no value: a complex extension
    }
    CHECK(Part(flags[0], "id")["valueString"] == "under_18");  // a stop since issue 18, first by age
    CHECK(Part(flags[1], "id")["valueString"] == "pregnant");
    bool sun = false;
    for (const auto& f : flags)
      sun = sun || (Part(f, "id")["valueString"] == "sunburn_or_tan" &&
                    Part(f, "waitDays")["valuePositiveInt"] == 14);
    CHECK(sun);
  }

  TEST_CASE("the kiosk id, start time and demo marker are extensions, and a demo intake is tagged") {
    Json r = Response();
    CHECK((*Extension(r, "urn:glowup-kiosk:fhir:kiosk-id"))["valueString"] == "front-desk-1");
    CHECK((*Extension(r, "urn:glowup-kiosk:fhir:demo"))["valueBoolean"] == false);
    CHECK((*Extension(r, "urn:glowup-kiosk:fhir:started-at"))["valueDateTime"] == "2026-11-25T09:00:00.000Z");
    CHECK_FALSE(r.contains("meta"));
    Json demo = Response(Intake(MinorVisit(), true));
    CHECK((*Extension(demo, "urn:glowup-kiosk:fhir:demo"))["valueBoolean"] == true);
    CHECK(demo["meta"]["tag"][0]["code"] == "demo");
    CHECK(demo["meta"]["tag"][0]["system"] == "urn:glowup-kiosk:fhir:tag");
  }

  TEST_CASE("every QuestionnaireResponse linkId exists in the Questionnaire with a compatible type") {
    auto questionnaire = ItemsByLinkId(FhirQuestionnaire());
    int answers = 0;
    ForEachItem(Response(), [&](const Json& item) {
      std::string id = item["linkId"];
      CAPTURE(id);
      REQUIRE(questionnaire.count(id) == 1);
      const Json& def = questionnaire[id];
      if (item.contains("text")) CHECK(item["text"] == def["text"]);
      std::string type = def["type"];
      if (type == "group") {
        CHECK_FALSE(item.contains("answer"));
        return;
      }
      CHECK(type != "display");
      REQUIRE(item.contains("answer"));
      if (!def.contains("repeats")) CHECK(item["answer"].size() == 1);
      for (const auto& a : item["answer"]) {
        ++answers;
        CHECK(a.contains(ValueKeyFor(type)));
        if (type == "choice") {
          bool offered = false;
          for (const auto& o : def["answerOption"])
            offered = offered || o["valueCoding"]["code"] == a["valueCoding"]["code"];
          CHECK(offered);
          CHECK(a["valueCoding"]["system"] == def["answerOption"][0]["valueCoding"]["system"]);
        }
      }
    });
    CHECK(answers > 30);
  }

  TEST_CASE("the response's items mirror the Questionnaire's nesting") {
    Json q = FhirQuestionnaire();
    // Every response item's parent in the response is its parent in the Questionnaire.
    std::map<std::string, std::string> parent_in_q, parent_in_r;
    std::function<void(const Json&, const std::string&, std::map<std::string, std::string>&)> walk =
        [&](const Json& node, const std::string& parent, std::map<std::string, std::string>& out) {
          for (const char* key : {"item", "answer"}) {
            if (!node.contains(key)) continue;
            for (const auto& child : node[key]) {
              std::string id = child.contains("linkId") ? child["linkId"].get<std::string>() : parent;
              if (child.contains("linkId")) out[id] = parent;
              walk(child, id, out);
            }
          }
        };
    walk(q, "", parent_in_q);
    walk(Response(), "", parent_in_r);
    for (const auto& [id, parent] : parent_in_r) {
      CAPTURE(id);
      CHECK(parent_in_q[id] == parent);
    }
  }

  TEST_CASE("the response is valid FHIR JSON with no empty arrays, objects or strings") {
    Json r = Response();
    CheckFhirJson(r, "");
    CheckItems(r, true);
    Json demo = Response(Intake(MinorVisit(), true));
    CheckFhirJson(demo, "");
  }

  TEST_CASE("cleared answers, missing signature images and an intake without answers leave no empty values") {
    auto s = MinorVisit();
    s.answers["skin_concerns"] = std::vector<std::string>{};
    s.answers["first_name"] = std::string("");
    auto ctx = FhirContext();
    ctx.signature_png_base64 = nullptr;  // BuildIntake writes "" without an encoder
    Json intake = core::BuildIntake(DefaultContent(), s, ctx);
    Json r = Response(intake);
    CheckFhirJson(r, "");
    CHECK(Item(r, "skin_concerns").is_null());
    CHECK(Item(r, "first_name").is_null());
    CHECK(Item(r, "client_signature").is_null());

    core::Session empty;
    empty.language = "en";
    empty.intake_id = "3f0c2a5e-8d4b-4c1a-9e7f-0123456789ab";
    Json bare = Response(core::BuildIntake(DefaultContent(), empty, FhirContext()));
    CheckFhirJson(bare, "");
    CHECK(bare["item"][0]["linkId"] == "privacy");  // the unticked privacy consent is still a consent answer
  }

  TEST_CASE("a malformed intake never throws and gives a response without the broken parts") {
    for (const Json& bad : {Json(), Json::array(), Json("intake"), Json::object(),
                            Json{{"intake_id", 7},
                                 {"answers", "x"},
                                 {"flags", {1, "two"}},
                                 {"consents", {{"id", 3}}},
                                 {"signatures", {{"client_signature", "not an object"}}},
                                 {"language", " "},
                                 {"submitted_at", "yesterday"},
                                 {"demo", "yes"}},
                            Json{{"intake_id", "not a valid fhir id!"},
                                 {"answers",
                                  {{"date_of_birth", "1990-02-30"},
                                   {"pregnancy", "yes"},
                                   {"skin_concerns", "acne_scars"},
                                   {"heard_about", Json::array()}}}}}) {
      CAPTURE(bad);
      Json r;
      CHECK_NOTHROW(r = Response(bad));
      CHECK(r["resourceType"] == "QuestionnaireResponse");
      CHECK(r["status"] == "completed");
      CHECK_FALSE(r.contains("item"));
      CheckFhirJson(r, "");
    }
    Json odd_id = Response(Json{{"intake_id", "not a valid fhir id!"}});
    CHECK_FALSE(odd_id.contains("id"));
    CHECK(odd_id["identifier"]["value"] == "not a valid fhir id!");
  }

  TEST_CASE("a visit made through the kiosk's intents maps to a response that matches the Questionnaire") {
    Kiosk k(DefaultContent());
    k.Do(in::Start{});
    REQUIRE(k.Where() == "language");  // the default content is in English and Spanish
    k.Do(in::ChooseLanguage{"en"});
    k.Answer("privacy_ack", true);
    k.Next();
    k.Answer("first_name", std::string("Lee"));
    k.Answer("last_name", std::string("Park"));
    k.Answer("date_of_birth", std::string("1990-01-02"));
    k.Answer("phone", std::string("+44 7700 900123"));
    k.Answer("email", std::string("lee@example.com"));
    k.Next();
    k.Answer("skin_concerns", std::vector<std::string>{"pores"});
    k.Answer("areas", std::vector<std::string>{"neck"});
    k.Next();
    for (const auto& q : k.content.FindStep("health")->questions) k.Answer(q.id, false);
    k.Answer("recent_surgery", true);
    k.Next();
    while (k.Where() == "explainer") k.Next();  // its pages
    k.Answer("treatment_consent", true);
    k.Answer("client_signature", Line());
    k.Next();
    REQUIRE(k.Where() == "review");
    REQUIRE(k.Do(in::Submit{}).submit);
    core::IntakeContext ctx{"kiosk-1", k.clock.Now(), k.clock.Today(), false,
                            [](const core::Signature&) { return kPng; }};
    Json r = core::ToFhirQuestionnaireResponse(k.content, core::BuildIntake(k.content, k.session, ctx));
    CheckFhirJson(r, "");
    CheckItems(r, true);
    CHECK(r["id"] == k.session.intake_id);
    CHECK(Item(r, "areas")["answer"][0]["valueCoding"]["code"] == "neck");
    auto flags = Extensions(r, "urn:glowup-kiosk:fhir:flag");
    REQUIRE(flags.size() == 1);
    CHECK(Part(flags[0], "waitDays")["valuePositiveInt"] == 90);
    auto questionnaire = ItemsByLinkId(core::ToFhirQuestionnaire(k.content, "en"));
    ForEachItem(r, [&](const Json& item) { CHECK(questionnaire.count(item["linkId"]) == 1); });
  }
}
