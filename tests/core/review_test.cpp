// Review's rules: an optional consent left unticked reads "No" as the intake records it; steps of
// information only get no card.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <string>

#include "core/visit/intake.h"
#include "core/visit/review.h"
#include "fixtures.h"

using namespace core_test;

TEST_SUITE("review") {
  TEST_CASE("an optional consent nobody ticked is not given, as the intake sends it") {
    const auto& c = DefaultContent();
    core::Answers answers{{"treatment_consent", true}, {"marketing_consent", false}};
    const core::Question& photo = *c.FindQuestion("photo_consent");
    const core::Question& marketing = *c.FindQuestion("marketing_consent");
    const core::Question& treatment = *c.FindQuestion("treatment_consent");
    CHECK_FALSE(core::ConsentAccepted(answers, photo));      // never touched
    CHECK_FALSE(core::ConsentAccepted(answers, marketing));  // ticked and unticked
    CHECK(core::ConsentAccepted(answers, treatment));
    core::Session s;
    s.answers = answers;
    s.answers["date_of_birth"] = std::string("1990-03-15");  // an adult: photo and marketing are asked
    core::IntakeContext ctx{"kiosk-1", core::TimePoint{}, kToday, false, nullptr};
    const auto intake = core::BuildIntake(c, s, ctx);
    CAPTURE(intake["consents"].dump());
    // What the intake sends, as literals: Review's "No" above must be what staff receive.
    std::map<std::string, bool> sent;
    for (const auto& consent : intake["consents"]) sent[consent["id"]] = consent["accepted"].get<bool>();
    REQUIRE(sent.size() == intake["consents"].size());  // each consent once
    CHECK(sent == std::map<std::string, bool>{{"privacy_ack", false},
                                              {"treatment_consent", true},
                                              {"photo_consent", false},
                                              {"marketing_consent", false}});
  }

  TEST_CASE("the explainer has no answers and gets no card; every step with a question does") {
    const auto& c = DefaultContent();
    core::Answers answers{{"concerns", std::vector<std::string>{"acne_scars"}}};
    auto vis = core::ComputeVisibility(c, answers, kToday);
    auto steps = core::StepsToReview(c, vis);
    std::vector<std::string> ids, shown;
    for (size_t s : steps) ids.push_back(c.steps[s].id);
    for (size_t s : vis.steps) shown.push_back(c.steps[s].id);
    CHECK(std::find(shown.begin(), shown.end(), "explainer") != shown.end());  // shown in the visit
    CHECK(ids == std::vector<std::string>{"privacy", "about_you", "concerns", "health", "consent"});
  }
}
