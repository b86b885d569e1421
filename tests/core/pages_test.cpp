// Multi-page steps: each page has its own Next and is checked on its own; Back walks the pages; one review
// card for the step, none for a step without answers; "step n of m" counts the step once.
#include <doctest/doctest.h>

#include "core/visit/review.h"
#include "fixtures.h"

using core_test::Json;
using core_test::Q;
using core_test::Step;
using core_test::T;

namespace {
// about (one page) -> explainer (three info pages) -> details (two pages of answers)
core::Content Paged() {
  Json pages_explainer = Json::array({{{"starts_at", "how"}},
                                      {{"starts_at", "during"}, {"heading", T("During the session")}},
                                      {{"starts_at", "after"}, {"heading", T("Afterwards")}}});
  Json pages_details = Json::array({{{"starts_at", "name"}}, {{"starts_at", "email"}}});
  return core_test::Load(core_test::Questionnaire(Json::array(
      {Step("about", Json::array({Q("first", "text")})),
       Step("explainer",
            Json::array({Q("how", "info"), Q("how_more", "info"), Q("during", "info"), Q("after", "info")}),
            {{"pages", pages_explainer}}),
       Step("details",
            Json::array({Q("name", "text", {{"required", true}}), Q("email", "email", {{"required", true}})}),
            {{"pages", pages_details}})})));
}

core_test::Kiosk Started() {
  core_test::Kiosk k(Paged());
  k.Do(core::intent::Start{});
  REQUIRE(k.Where() == "about");
  return k;
}
}  // namespace

TEST_SUITE("pages") {
  TEST_CASE("a multi-page step is loaded as one step with its pages") {
    core::Content c = Paged();
    REQUIRE(c.steps.size() == 3);
    const core::Step& e = c.steps[1];
    CHECK(e.questions.size() == 4);
    CHECK(e.PageCount() == 3);
    CHECK(e.PageBegin(0) == 0);
    CHECK(e.PageEnd(0) == 2);
    CHECK(e.PageBegin(2) == 3);
    CHECK(e.PageEnd(2) == 4);
    CHECK(e.pages[1].heading.In("en") == "During the session");
    CHECK(c.steps[0].PageCount() == 1);
  }

  TEST_CASE("Next walks the pages of a step, Back walks them back, the step counted once") {
    auto k = Started();
    k.Next();
    CHECK(k.Where() == "explainer");
    CHECK(k.session.page == 0);
    auto progress = core::ProgressOf(k.content, k.session, k.Vis());
    CHECK(progress.n == 2);
    CHECK(progress.m == 4);  // three steps and review
    k.Next();
    CHECK(k.Where() == "explainer");
    CHECK(k.session.page == 1);
    CHECK(core::ProgressOf(k.content, k.session, k.Vis()).n == 2);
    k.Next();
    CHECK(k.session.page == 2);
    k.Back();
    CHECK(k.session.page == 1);
    k.Next();
    k.Next();
    CHECK(k.Where() == "details");
    CHECK(k.session.page == 0);
    k.Back();  // back into the previous step lands on its last page
    CHECK(k.Where() == "explainer");
    CHECK(k.session.page == 2);
  }

  TEST_CASE("each page is checked at its own Next, for its own questions only") {
    auto k = Started();
    for (int i = 0; i < 4; ++i) k.Next();
    REQUIRE(k.Where() == "details");
    k.Next();  // name is missing; email (next page) is not this page's problem
    CHECK(k.session.page == 0);
    CHECK(k.HasError("name"));
    CHECK_FALSE(k.HasError("email"));
    k.Answer("name", std::string("Maria"));
    k.Next();
    CHECK(k.session.page == 1);
    CHECK(k.session.errors.empty());
    k.Next();
    CHECK(k.HasError("email"));
    k.Answer("email", std::string("maria@example.com"));
    k.Next();
    CHECK(k.Where() == "review");
  }

  TEST_CASE("Send with a problem opens the page that holds it") {
    auto k = Started();
    for (int i = 0; i < 4; ++i) k.Next();
    k.Answer("name", std::string("Maria"));
    k.Next();
    k.Answer("email", std::string("maria@example.com"));
    k.Next();
    REQUIRE(k.Where() == "review");
    k.Do(core::intent::EditStep{"details"});
    CHECK(k.session.page == 0);
    k.Answer("name", std::string(""));
    k.Do(core::intent::ClearAnswer{"name"});
    k.Next();  // still page 0's problem
    CHECK(k.HasError("name"));
    k.Answer("name", std::string("Maria"));
    k.Next();  // on to page 1 of the step being edited
    CHECK(k.session.page == 1);
    k.Next();
    CHECK(k.Where() == "review");
    k.Do(core::intent::ClearAnswer{"email"});  // as if it had never been given
    k.Do(core::intent::Submit{});
    REQUIRE(k.Where() == "details");
    CHECK(k.session.page == 1);  // the page that holds the problem, not the step's first
    CHECK(k.HasError("email"));
    CHECK_FALSE(k.HasError("name"));
  }

  TEST_CASE("one review card for a multi-page step with answers, none for the info-only one") {
    auto k = Started();
    auto steps = core::StepsToReview(k.content, k.Vis());
    REQUIRE(steps.size() == 2);
    CHECK(k.content.steps[steps[0]].id == "about");
    CHECK(k.content.steps[steps[1]].id == "details");
  }

  TEST_CASE("pages must start at questions of the step, the first at its first, in order") {
    Json q = core_test::Questionnaire(Json::array({Step(
        "s", Json::array({Q("a", "info"), Q("b", "info"), Q("c", "info")}),
        {{"pages", Json::array({{{"starts_at", "b"}}, {{"starts_at", "zz"}}, {{"starts_at", "a"}}})}})}));
    auto problems = core_test::ProblemsOf(q);
    CHECK(core_test::Has(problems, "questionnaire.json", "/steps/0/pages/0/starts_at",
                         "first question, \"a\""));
    CHECK(core_test::Has(problems, "questionnaire.json", "/steps/0/pages/1/starts_at",
                         "not a question of this step"));
    CHECK(
        core_test::Has(problems, "questionnaire.json", "/steps/0/pages/2/starts_at", "does not come after"));
  }
}
