// FHIR R4: the default content as a Questionnaire (core/delivery/fhir.h): items, options, enableWhen, valid
// JSON.
#include <doctest/doctest.h>

#include "fhir_fixtures.h"

TEST_SUITE("fhir questionnaire") {
  using namespace fhir_test;

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
