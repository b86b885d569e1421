// Format additions: a flag message per tier and per flag (one per age rule), day forms in dates.
#include <doctest/doctest.h>

#include "core/touch/date_picker.h"
#include "core/visit/flags.h"
#include "fixtures.h"

using core_test::D;
using core_test::Has;
using core_test::Json;
using core_test::kToday;
using core_test::Q;
using core_test::Step;
using core_test::T;

namespace {

Json Flag(const std::string& id, const std::string& tier, Json when, Json extra = Json::object()) {
  Json f = {{"id", id}, {"tier", tier}, {"reason", "reason " + id}, {"when", std::move(when)}};
  if (tier == "defer") f["wait_days"] = 14;
  for (auto& [k, v] : extra.items()) f[k] = v;
  return f;
}

// Three yes/no questions raising a stop, a defer and a review flag; a date of birth with two age rules,
// each with its own message.
Json Screening() {
  Json yes = {{"equals", true}};
  return core_test::Questionnaire(Json::array({Step(
      "health",
      Json::array(
          {Q("pregnant", "yes_no", {{"flags", Json::array({Flag("pregnant", "stop", yes)})}}),
           Q("sunburn", "yes_no", {{"flags", Json::array({Flag("sunburn", "defer", yes)})}}),
           Q("aspirin", "yes_no", {{"flags", Json::array({Flag("aspirin", "review", yes)})}}),
           Q("dob", "date",
             {{"flags",
               Json::array(
                   {Flag("under_18", "review", {{"age_from", "dob"}, {"below", 18}},
                         {{"message", T("A parent or guardian signs with you.")}}),
                    Flag("age_18_to_21", "review", {{"age_from", "dob"}, {"at_least", 18}, {"below", 22}},
                         {{"message", T("Young skin: we will check a few things.")}})})}})}))}));
}

std::string MessageFor(const core::Content& c, const core::Answers& answers, const std::string& question) {
  auto flags = core::ComputeFlags(c, core::ComputeVisibility(c, answers, kToday), kToday);
  return core::FlagMessage(c, flags, question).In("en");
}
}  // namespace

TEST_SUITE("content format: flag messages") {
  TEST_CASE("each tier reads its own message when the content has one, else ui.flag_message") {
    auto files = core_test::Files(Screening());
    Json app = Json::parse(files["app.json"]);
    app["ui"]["flag_message"] = T("Your practitioner will talk this through with you.");
    app["ui"]["flag_message_stop"] = T("Stop words.");
    app["ui"]["flag_message_defer"] = T("Defer words.");
    files["app.json"] = app.dump();
    core::Content c = core_test::Load(files);
    core::Answers yes_to_all{{"pregnant", true}, {"sunburn", true}, {"aspirin", true}};
    CHECK(MessageFor(c, yes_to_all, "pregnant") == "Stop words.");
    CHECK(MessageFor(c, yes_to_all, "sunburn") == "Defer words.");
    CHECK(MessageFor(c, yes_to_all, "aspirin") == "Your practitioner will talk this through with you.");
    CHECK(MessageFor(c, {{"pregnant", false}}, "pregnant").empty());  // no flag, no message
  }

  TEST_CASE("an age rule's own message is what a client of that age reads") {
    core::Content c = core_test::Load(Screening());
    CHECK(MessageFor(c, {{"dob", std::string("2012-03-04")}}, "dob") ==
          "A parent or guardian signs with you.");
    CHECK(MessageFor(c, {{"dob", std::string("2006-03-04")}}, "dob") ==
          "Young skin: we will check a few things.");
    CHECK(MessageFor(c, {{"dob", std::string("1980-03-04")}}, "dob").empty());
  }

  TEST_CASE("a flag message must be a text in every language") {
    Json q = Screening();
    q["steps"][0]["questions"][0]["flags"][0]["message"] = "plain string";
    CHECK(Has(core_test::ProblemsOf(q), "questionnaire.json", "/steps/0/questions/0/flags/0/message",
              "must be a text object"));
  }
}

TEST_SUITE("content format: day forms") {
  core::Content WithDayForms(Json forms) {
    auto files = core_test::Files(Screening(), {"en", "fr"});
    Json app = Json::parse(files["app.json"]);
    app["ui"]["day_forms"] = std::move(forms);
    files["app.json"] = app.dump();
    return core_test::Load(files);
  }

  TEST_CASE("the first of the month reads 1er in French, the number elsewhere") {
    core::Content c = WithDayForms({{"fr", {{"1", "1er"}}}});
    CHECK(c.app.DayText(1, "fr") == "1er");
    CHECK(c.app.DayText(2, "fr") == "2");
    CHECK(c.app.DayText(1, "en") == "1");
    CHECK(core::FormatDate(D(1988, 8, 1), "{day} {month} {year}", "août", c.app.DayText(1, "fr")) ==
          "1er août 1988");
    CHECK(core::FormatDate(D(1988, 8, 1), "{day} de {month} de {year}", "agosto") == "1 de agosto de 1988");
    CHECK(core::FormatDate(D(1988, 8, 1), "{month} {day}, {year}", "August") == "August 1, 1988");
  }

  TEST_CASE("day forms name declared languages and days 1 to 31 only") {
    auto files = core_test::Files(Screening(), {"en", "fr"});
    Json app = Json::parse(files["app.json"]);
    app["ui"]["day_forms"] = {{"de", {{"1", "1."}}}, {"fr", {{"32", "x"}, {"01", "1er"}, {"2", ""}}}};
    files["app.json"] = app.dump();
    auto problems = core_test::ProblemsOf(files);
    CHECK(Has(problems, "app.json", "/ui/day_forms/de", "not declared"));
    CHECK(Has(problems, "app.json", "/ui/day_forms/fr/32", "1 to 31"));
    CHECK(Has(problems, "app.json", "/ui/day_forms/fr/01", "1 to 31"));
    CHECK(Has(problems, "app.json", "/ui/day_forms/fr/2", "non-empty"));
    CHECK(problems.size() == 4);
  }
}
