// FHIR R4: intakes as QuestionnaireResponses that match the Questionnaire (core/delivery/fhir.h).
#include <doctest/doctest.h>

#include "fhir_fixtures.h"

TEST_SUITE("fhir questionnaire response") {
  using namespace fhir_test;

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
