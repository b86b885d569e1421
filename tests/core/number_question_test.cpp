// Number questions end to end in core: the loader's checks, validation, at_least/below rules, the intake's
// JSON integer and the FHIR integer item that reads back to the same intake.
#include <doctest/doctest.h>

#include "core/content/content_loader.h"
#include "core/delivery/fhir.h"
#include "core/visit/flags.h"
#include "core/visit/intake.h"
#include "core/visit/validation.h"
#include "fixtures.h"
#include "inbox/rules/fhir_intake.h"

using namespace core_test;

namespace {

Json Months(Json extra = Json::object()) {
  Json q = {{"min", 0}, {"max", 120}, {"unit", T("months")}, {"required", true}};
  for (auto& [key, value] : extra.items()) q[key] = value;
  return Q("months", "number", q);
}

// "months" raises a review flag below 12; a follow-up shows from 6 months on.
core::Content NumberContent() {
  Json flag = {{"id", "recent"}, {"tier", "review"}, {"reason", "Recent"}, {"when", {{"below", 12}}}};
  return Load(Questionnaire(Json::array({Step(
      "s", Json::array({Months({{"flags", Json::array({flag})}}),
                        Q("why", "text", {{"visible_if", {{"question", "months"}, {"at_least", 6}}}})}))})));
}

bool Holds(const Json& rule, const char* months) {
  auto c = Load(Questionnaire(
      Json::array({Step("s", Json::array({Months(), Q("probe", "info", {{"visible_if", rule}})}))})));
  return core::Evaluate(*c.FindQuestion("probe")->visible_if, "", {{"months", std::string(months)}}, kToday);
}

std::string Check(const core::Question& q, const char* typed) {
  core::Answer a = std::string(typed);
  auto e = core::Validate(q, &a, kToday);
  return e ? e->key + (e->n ? " " + std::to_string(e->n) : "") : "";
}

}  // namespace

TEST_SUITE("number question") {
  TEST_CASE("a number question loads with its bounds and unit") {
    auto c = NumberContent();
    const core::Question* q = c.FindQuestion("months");
    REQUIRE(q);
    CHECK(q->type == core::QuestionType::kNumber);
    CHECK(q->min == 0);
    CHECK(q->max == 120);
    CHECK(q->unit.In("en") == "months");
  }

  TEST_CASE("the loader wants min and max, in order, and refuses them on other types") {
    auto problems = ProblemsOf(Questionnaire(Json::array(
        {Step("s", Json::array({Q("a", "number"), Q("b", "number", {{"min", 9}, {"max", 3}}),
                                Q("c", "text", {{"min", 1}, {"unit", T("days")}}),
                                Q("d", "number", {{"min", -1}, {"max", 1000000}}),
                                Q("e", "number", {{"min", 0}, {"max", 9}, {"pattern", "[0-9]"}})}))})));
    INFO(core::Join(problems));
    const std::string f = "questionnaire.json", p = "/steps/0/questions/";
    CHECK(Has(problems, f, p + "0", "missing required \"min\""));
    CHECK(Has(problems, f, p + "0", "missing required \"max\""));
    CHECK(Has(problems, f, p + "1/min", "is larger than max"));
    CHECK(Has(problems, f, p + "2", "min/max/unit only fit number questions"));
    CHECK(Has(problems, f, p + "3/min", ""));
    CHECK(Has(problems, f, p + "3/max", ""));
    CHECK(Has(problems, f, p + "4/pattern", "digits only"));
  }

  TEST_CASE("an answer is digits only, within min and max") {
    const auto content = NumberContent();
    const core::Question& q = *content.FindQuestion("months");
    CHECK(Check(q, "0") == "");
    CHECK(Check(q, "120") == "");
    CHECK(Check(q, "007") == "");
    CHECK(Check(q, "121") == "number_too_large 120");
    CHECK(Check(q, "-3") == "invalid_number");
    CHECK(Check(q, "1.5") == "invalid_number");
    CHECK(Check(q, "12 ") == "invalid_number");
    CHECK(Check(q, "1234567") == "invalid_number");
    auto from_three = Load(
        Questionnaire(Json::array({Step("s", Json::array({Q("n", "number", {{"min", 3}, {"max", 5}})}))})));
    CHECK(Check(*from_three.FindQuestion("n"), "2") == "number_too_small 3");
    CHECK_FALSE(core::Validate(*from_three.FindQuestion("n"), nullptr, kToday));  // optional
  }

  TEST_CASE("at_least is inclusive, below exclusive, and both make a range") {
    Json at_least = {{"question", "months"}, {"at_least", 12}};
    Json below = {{"question", "months"}, {"below", 12}};
    Json range = {{"question", "months"}, {"at_least", 3}, {"below", 6}};
    CHECK(Holds(at_least, "12"));
    CHECK_FALSE(Holds(at_least, "11"));
    CHECK(Holds(below, "11"));
    CHECK(Holds(below, "0"));
    CHECK_FALSE(Holds(below, "12"));
    CHECK(Holds(range, "3"));
    CHECK(Holds(range, "5"));
    CHECK_FALSE(Holds(range, "6"));
    CHECK_FALSE(Holds(below, ""));     // unanswered matches nothing
    CHECK_FALSE(Holds(below, "abc"));  // nor does a non-number
  }

  TEST_CASE("at_least/below on a question that is not a number question is refused") {
    auto problems = ProblemsOf(Questionnaire(Json::array({Step(
        "s", Json::array(
                 {Q("yn", "yes_no"), Months(),
                  Q("a", "text", {{"visible_if", {{"question", "yn"}, {"below", 3}}}}),
                  Q("b", "text", {{"visible_if", {{"question", "months"}, {"at_least", 5}, {"below", 5}}}}),
                  Q("c", "text", {{"visible_if", {{"question", "months"}, {"below", 3}, {"equals", "x"}}}}),
                  Q("d", "yes_no",
                    {{"flags", Json::array({{{"id", "f"},
                                             {"tier", "review"},
                                             {"reason", "r"},
                                             {"when", {{"at_least", 1}}}}})}})}))})));
    INFO(core::Join(problems));
    const std::string f = "questionnaire.json", p = "/steps/0/questions/";
    CHECK(Has(problems, f, p + "2/visible_if/below", "\"yn\" is not a number question"));
    CHECK(Has(problems, f, p + "3/visible_if/at_least", "no answer can match"));
    CHECK(Has(problems, f, p + "4/visible_if/equals", "unknown key \"equals\""));
    CHECK(Has(problems, f, p + "5/flags/0/when/at_least", "\"d\" is not a number question"));
  }

  TEST_CASE("a number answer drives flags and follow-ups, and is a JSON integer in the intake") {
    auto c = NumberContent();
    core::Session s;
    s.language = "en";
    s.answers = {{"months", std::string("7")}, {"why", std::string("Doctor said so")}};
    core::IntakeContext ctx;
    ctx.today = kToday;
    Json intake = core::BuildIntake(c, s, ctx);
    CHECK(intake["answers"]["months"] == 7);
    CHECK(intake["answers"]["months"].is_number_integer());
    CHECK(intake["answers"]["why"] == "Doctor said so");  // shown from 6 months on
    REQUIRE(intake["flags"].size() == 1);
    CHECK(intake["flags"][0]["id"] == "recent");
    s.answers["months"] = std::string("12");
    intake = core::BuildIntake(c, s, ctx);
    CHECK(intake["flags"].empty());
    s.answers["months"] = std::string("3");
    intake = core::BuildIntake(c, s, ctx);
    CHECK_FALSE(intake["answers"].contains("why"));  // hidden below 6 months
  }

  TEST_CASE("FHIR: an integer item with minValue/maxValue, a valueInteger answer that reads back") {
    auto c = NumberContent();
    Json questionnaire = core::ToFhirQuestionnaire(c, "en");
    const Json& item = questionnaire["item"][0]["item"][0];
    CHECK(item["type"] == "integer");
    REQUIRE(item["extension"].size() == 2);
    CHECK(item["extension"][0]["url"] == "http://hl7.org/fhir/StructureDefinition/minValue");
    CHECK(item["extension"][0]["valueInteger"] == 0);
    CHECK(item["extension"][1]["valueInteger"] == 120);
    const Json& why = questionnaire["item"][0]["item"][1];
    CHECK(why["enableWhen"][0] == Json{{"question", "months"}, {"operator", ">="}, {"answerInteger", 6}});

    core::Session s;
    s.language = "en";
    s.intake_id = "3f0c2a5e-8d4b-4c1a-9e7f-0123456789ab";
    s.answers = {{"months", std::string("9")}, {"why", std::string("x")}};
    core::IntakeContext ctx;
    ctx.kiosk_id = "k";
    ctx.today = kToday;
    Json intake = core::BuildIntake(c, s, ctx);
    Json response = core::ToFhirQuestionnaireResponse(c, intake);
    CHECK(response["item"][0]["item"][0]["answer"][0] == Json{{"valueInteger", 9}});
    auto back = core::IntakeFromFhirResponse(c, response);
    REQUIRE_MESSAGE(back.ok(), back.error());
    CHECK((*back)["answers"] == intake["answers"]);
  }
}
