// Conditions (equals, includes, answered, age, all, any, not) and the visibility walk.
#include <doctest/doctest.h>

#include "core/visit/rules.h"
#include "fixtures.h"

using namespace core_test;
using core::Answers;

namespace {

// Earlier questions of every kind the rules can name, then `probe` shown by `rule`.
core::Condition Rule(const Json& rule) {
  auto c = Load(Questionnaire(
      Json::array({Step("s1", Json::array({Q("yn", "yes_no"), Q("one", "single_choice"),
                                           Q("many", "multi_choice"), Q("name", "text"), Q("dob", "date"),
                                           Q("probe", "info", {{"visible_if", rule}})}))})));
  return *c.FindQuestion("probe")->visible_if;
}

bool Holds(const Json& rule, const Answers& answers) {
  return core::Evaluate(Rule(rule), "", answers, kToday);
}

}  // namespace

TEST_SUITE("conditions") {
  TEST_CASE("equals true holds only for a yes answer") {
    Json rule = {{"question", "yn"}, {"equals", true}};
    CHECK(Holds(rule, {{"yn", true}}));
    CHECK_FALSE(Holds(rule, {{"yn", false}}));
    CHECK_FALSE(Holds(rule, {}));
    CHECK_FALSE(Holds(rule, {{"yn", std::string("true")}}));
  }

  TEST_CASE("equals false holds only for a no answer, not for an unanswered question") {
    Json rule = {{"question", "yn"}, {"equals", false}};
    CHECK(Holds(rule, {{"yn", false}}));
    CHECK_FALSE(Holds(rule, {{"yn", true}}));
    CHECK_FALSE(Holds(rule, {}));
  }

  TEST_CASE("equals an option id holds for that single choice") {
    Json rule = {{"question", "one"}, {"equals", "other"}};
    CHECK(Holds(rule, {{"one", std::string("other")}}));
    CHECK_FALSE(Holds(rule, {{"one", std::string("a")}}));
    CHECK_FALSE(Holds(rule, {}));
  }

  TEST_CASE("includes holds when a multi choice has that option among others") {
    Json rule = {{"question", "many"}, {"includes", "b"}};
    CHECK(Holds(rule, {{"many", std::vector<std::string>{"a", "b"}}}));
    CHECK(Holds(rule, {{"many", std::vector<std::string>{"b"}}}));
    CHECK_FALSE(Holds(rule, {{"many", std::vector<std::string>{"a", "other"}}}));
    CHECK_FALSE(Holds(rule, {{"many", std::vector<std::string>{}}}));
    CHECK_FALSE(Holds(rule, {}));
  }

  TEST_CASE("answered true needs a non-empty answer and answered false needs none") {
    Json yes = {{"question", "name"}, {"answered", true}};
    Json no = {{"question", "name"}, {"answered", false}};
    CHECK(Holds(yes, {{"name", std::string("Maria")}}));
    CHECK_FALSE(Holds(yes, {{"name", std::string()}}));
    CHECK_FALSE(Holds(yes, {}));
    CHECK(Holds(no, {}));
    CHECK(Holds(no, {{"name", std::string()}}));
    CHECK_FALSE(Holds(no, {{"name", std::string("Maria")}}));
  }

  TEST_CASE("a no answer to a yes/no question counts as answered") {
    CHECK(Holds({{"question", "yn"}, {"answered", true}}, {{"yn", false}}));
    CHECK(core::IsAnswered(core::Answer{false}));
    CHECK_FALSE(core::IsAnswered(core::Answer{std::string()}));
    CHECK_FALSE(core::IsAnswered(core::Answer{std::vector<std::string>{}}));
    CHECK_FALSE(core::IsAnswered(core::Answer{core::Signature{}}));
    CHECK(core::IsAnswered(core::Answer{Line()}));
  }

  TEST_CASE("an age rule counts whole years on the day of the visit, lower bound in and upper bound out") {
    Json rule = {{"age_from", "dob"}, {"at_least", 18}, {"below", 22}};
    CHECK(Holds(rule, {{"dob", std::string("2008-11-25")}}));        // 18 today
    CHECK_FALSE(Holds(rule, {{"dob", std::string("2008-11-26")}}));  // 18 tomorrow
    CHECK(Holds(rule, {{"dob", std::string("2004-11-26")}}));        // 21, 22 tomorrow
    CHECK_FALSE(Holds(rule, {{"dob", std::string("2004-11-25")}}));  // 22 today
  }

  TEST_CASE("an age rule with one bound checks only that bound") {
    Json under_18 = {{"age_from", "dob"}, {"below", 18}};
    CHECK(Holds(under_18, {{"dob", std::string("2015-01-01")}}));
    CHECK_FALSE(Holds(under_18, {{"dob", std::string("1990-01-01")}}));
    Json adult = {{"age_from", "dob"}, {"at_least", 18}};
    CHECK(Holds(adult, {{"dob", std::string("1930-06-01")}}));
  }

  TEST_CASE("an age rule never holds without a valid date") {
    Json rule = {{"age_from", "dob"}, {"below", 150}};
    CHECK_FALSE(Holds(rule, {}));
    CHECK_FALSE(Holds(rule, {{"dob", std::string("not a date")}}));
    CHECK_FALSE(Holds(rule, {{"dob", std::string("2001-02-29")}}));
  }

  TEST_CASE("all holds when every part holds, any when one does, not inverts") {
    Json yes = {{"question", "yn"}, {"equals", true}};
    Json b = {{"question", "many"}, {"includes", "b"}};
    Answers both = {{"yn", true}, {"many", std::vector<std::string>{"b"}}};
    Answers only_yes = {{"yn", true}};
    CHECK(Holds({{"all", Json::array({yes, b})}}, both));
    CHECK_FALSE(Holds({{"all", Json::array({yes, b})}}, only_yes));
    CHECK(Holds({{"any", Json::array({yes, b})}}, only_yes));
    CHECK_FALSE(Holds({{"any", Json::array({yes, b})}}, {}));
    CHECK(Holds({{"not", yes}}, {}));
    CHECK_FALSE(Holds({{"not", yes}}, only_yes));
    CHECK(Holds({{"not", {{"all", Json::array({yes, b})}}}}, only_yes));
  }

  TEST_CASE("a flag rule without a question is about the question it belongs to") {
    core::Condition c;
    c.kind = core::Condition::Kind::kEquals;
    c.value = true;
    CHECK(core::Evaluate(c, "yn", {{"yn", true}}, kToday));
    CHECK_FALSE(core::Evaluate(c, "other", {{"yn", true}}, kToday));
  }
}

namespace {

core::Content VisibilityContent() {
  return Load(Questionnaire(Json::array({
      Step("about",
           Json::array({
               Q("name", "text"),
               Q("smoker", "yes_no",
                 {{"follow_ups", Json::array({Q("per_day", "text",
                                                {{"follow_ups", Json::array({Q("brand", "text")})}})})}}),
               Q("pets", "multi_choice",
                 {{"follow_ups",
                   Json::array({Q("pets_other", "text",
                                  {{"visible_if", {{"question", "pets"}, {"includes", "other"}}}})})}}),
               Q("note", "info"),
           })),
      Step("smoking",
           Json::array({Q("quit", "yes_no", {{"visible_if", {{"question", "smoker"}, {"equals", true}}}})})),
      Step("pets_step", Json::array({Q("pet_name", "text")}),
           {{"visible_if", {{"question", "pets"}, {"answered", true}}}}),
      Step("end", Json::array({Q("agree", "consent")})),
  })));
}

}  // namespace

TEST_SUITE("visibility") {
  TEST_CASE("a yes/no follow-up is hidden until its parent is answered yes") {
    auto c = VisibilityContent();
    CHECK_FALSE(core::ComputeVisibility(c, {}, kToday).Shows("per_day"));
    CHECK_FALSE(core::ComputeVisibility(c, {{"smoker", false}}, kToday).Shows("per_day"));
    CHECK(core::ComputeVisibility(c, {{"smoker", true}}, kToday).Shows("per_day"));
  }

  TEST_CASE("follow-ups of a follow-up are hidden with their parent") {
    auto c = VisibilityContent();
    Answers a = {{"smoker", true}, {"per_day", std::string("10")}, {"brand", std::string("X")}};
    auto shown = core::ComputeVisibility(c, a, kToday);
    CHECK(shown.Shows("brand"));
    a["smoker"] = false;
    auto hidden = core::ComputeVisibility(c, a, kToday);
    CHECK_FALSE(hidden.Shows("per_day"));
    CHECK_FALSE(hidden.Shows("brand"));
  }

  TEST_CASE("hidden answers are not in Visibility::answers") {
    auto c = VisibilityContent();
    Answers a = {
        {"name", std::string("Maria")},       {"smoker", false}, {"per_day", std::string("10")},
        {"brand", std::string("X")},          {"quit", true},    {"pets", std::vector<std::string>{"a"}},
        {"pets_other", std::string("iguana")}};
    auto vis = core::ComputeVisibility(c, a, kToday);
    CHECK(vis.answers.count("name") == 1);
    CHECK(vis.answers.count("smoker") == 1);
    CHECK(vis.answers.count("pets") == 1);
    CHECK(vis.answers.count("per_day") == 0);
    CHECK(vis.answers.count("brand") == 0);
    CHECK(vis.answers.count("quit") == 0);
    CHECK(vis.answers.count("pets_other") == 0);
  }

  TEST_CASE("an empty answer is not carried into Visibility::answers") {
    auto c = VisibilityContent();
    auto vis = core::ComputeVisibility(c, {{"name", std::string()}}, kToday);
    CHECK(vis.Shows("name"));
    CHECK(vis.answers.count("name") == 0);
  }

  TEST_CASE("info blocks are visible but never answered") {
    auto c = VisibilityContent();
    auto vis = core::ComputeVisibility(c, {{"note", std::string("typed into an info block")}}, kToday);
    CHECK(vis.Shows("note"));
    CHECK(vis.answers.count("note") == 0);
  }

  TEST_CASE("a multi choice follow-up appears when its option is chosen") {
    auto c = VisibilityContent();
    CHECK_FALSE(
        core::ComputeVisibility(c, {{"pets", std::vector<std::string>{"a"}}}, kToday).Shows("pets_other"));
    CHECK(core::ComputeVisibility(c, {{"pets", std::vector<std::string>{"a", "other"}}}, kToday)
              .Shows("pets_other"));
  }

  TEST_CASE("a step with no visible question is skipped") {
    auto c = VisibilityContent();
    auto vis = core::ComputeVisibility(c, {{"smoker", false}}, kToday);
    REQUIRE(c.FindStep("smoking") != nullptr);
    CHECK(vis.steps == std::vector<size_t>{0, 3});
    CHECK_FALSE(vis.ShowsStep(1));
    auto smoker = core::ComputeVisibility(c, {{"smoker", true}}, kToday);
    CHECK(smoker.steps == std::vector<size_t>{0, 1, 3});
  }

  TEST_CASE("a step whose own rule fails is skipped with all its questions") {
    auto c = VisibilityContent();
    auto vis = core::ComputeVisibility(c, {{"pet_name", std::string("Rex")}}, kToday);
    CHECK_FALSE(vis.ShowsStep(2));
    CHECK_FALSE(vis.Shows("pet_name"));
    CHECK(vis.answers.count("pet_name") == 0);
    auto pets = core::ComputeVisibility(c, {{"pets", std::vector<std::string>{"b"}}}, kToday);
    CHECK(pets.ShowsStep(2));
  }

  TEST_CASE("a rule sees only answers to questions that are themselves visible") {
    // "middle" keeps a stale answer, but it is hidden, so "last" (which asks whether middle is answered) is
    // too.
    auto c = Load(Questionnaire(Json::array({Step(
        "s",
        Json::array({Q("gate", "yes_no"),
                     Q("middle", "text", {{"visible_if", {{"question", "gate"}, {"equals", true}}}}),
                     Q("last", "text", {{"visible_if", {{"question", "middle"}, {"answered", true}}}})}))})));
    Answers a = {{"gate", false}, {"middle", std::string("left over")}};
    auto vis = core::ComputeVisibility(c, a, kToday);
    CHECK_FALSE(vis.Shows("middle"));
    CHECK_FALSE(vis.Shows("last"));
  }

  TEST_CASE("steps are listed in content order") {
    auto c = VisibilityContent();
    auto vis =
        core::ComputeVisibility(c, {{"smoker", true}, {"pets", std::vector<std::string>{"a"}}}, kToday);
    CHECK(vis.steps == std::vector<size_t>{0, 1, 2, 3});
  }
}
