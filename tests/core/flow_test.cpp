// The flow engine: a visit driven by intents through core::Apply, as the screens drive it.
#include <doctest/doctest.h>

#include "core/visit/flow.h"
#include "core/visit/validation.h"
#include "fixtures.h"

using namespace core_test;
using core::Screen;
namespace in = core::intent;

namespace {

// about (name, smoker -> per_day), smoking (only for smokers), consent (agree, sig).
Json FlowQuestionnaire() {
  return Questionnaire(Json::array({
      Step("about",
           Json::array({Q("name", "text", {{"required", true}}),
                        Q("smoker", "yes_no",
                          {{"required", true},
                           {"follow_ups", Json::array({Q("per_day", "text", {{"required", true}})})}})})),
      Step("smoking", Json::array({Q("quit", "yes_no", {{"required", true}})}),
           {{"visible_if", {{"question", "smoker"}, {"equals", true}}}}),
      Step("consent", Json::array({Q("agree", "consent", {{"required", true}}),
                                   Q("sig", "signature", {{"required", true}})})),
  }));
}

core::Content FlowContent(const std::vector<std::string>& languages = {"en"}) {
  return Load(FlowQuestionnaire(), languages);
}

// Answers every step validly (as a non-smoker) and arrives at the review screen.
void ToReview(Kiosk& k) {
  k.Do(in::Start{});
  k.Answer("name", std::string("Maria"));
  k.Answer("smoker", false);
  k.Next();
  k.Answer("agree", true);
  k.Answer("sig", Line());
  k.Next();
  REQUIRE(k.Where() == "review");
}

core::Progress ProgressNow(Kiosk& k) {
  return core::ProgressOf(k.content, k.session, k.Vis());
}

}  // namespace

TEST_SUITE("flow") {
  TEST_CASE("a new session waits on the attract screen") {
    Kiosk k(FlowContent());
    CHECK(k.Where() == "attract");
    CHECK(k.session.intake_id.empty());
  }

  TEST_CASE("Start goes straight to the first step when content has one language") {
    Kiosk k(FlowContent());
    auto fx = k.Do(in::Start{});
    CHECK_FALSE(fx.submit);
    CHECK_FALSE(fx.wiped);
    CHECK(k.Where() == "about");
    CHECK(k.session.language == "en");
    CHECK(k.session.intake_id == "intake-1");
    CHECK(k.session.started_at == At(2026, 11, 25));
    CHECK(k.session.visits == 1);
  }

  TEST_CASE("Start shows the language screen when content has two languages, and choosing one goes on") {
    Kiosk k(FlowContent({"en", "es"}));
    k.Do(in::Start{});
    CHECK(k.Where() == "language");
    CHECK(k.session.language == "en");  // the default until chosen
    k.Do(in::ChooseLanguage{"fr"});     // not offered: ignored
    CHECK(k.Where() == "language");
    k.Do(in::ChooseLanguage{"es"});
    CHECK(k.session.language == "es");
    CHECK(k.Where() == "about");
  }

  TEST_CASE("Back from the first step returns to the language screen, and Back again wipes to attract") {
    Kiosk k(FlowContent({"en", "es"}));
    k.Do(in::Start{});
    k.Do(in::ChooseLanguage{"es"});
    k.Answer("name", std::string("Maria"));
    k.Back();
    CHECK(k.Where() == "language");
    auto fx = k.Back();
    CHECK(fx.wiped);
    CHECK(k.Where() == "attract");
    CHECK(k.session.answers.empty());
    CHECK(k.session.language.empty());
  }

  TEST_CASE("Start during a visit does not begin another") {
    Kiosk k(FlowContent());
    k.Do(in::Start{});
    k.Answer("name", std::string("Maria"));
    k.Do(in::Start{});
    CHECK(k.session.intake_id == "intake-1");
    CHECK(k.session.visits == 1);
    CHECK(k.session.answers.count("name") == 1);
  }

  TEST_CASE("Next is blocked with an error on every problem of the step") {
    Kiosk k(FlowContent());
    k.Do(in::Start{});
    k.Next();
    CHECK(k.Where() == "about");
    CHECK(k.ErrorKey("name") == "required");
    CHECK(k.ErrorKey("smoker") == "required");
    CHECK_FALSE(k.HasError("per_day"));  // hidden: not asked
    k.Answer("smoker", true);
    k.Next();
    CHECK(k.ErrorKey("per_day") == "required");
  }

  TEST_CASE("each Next or Send that finds problems counts, so the page shows the first one every time") {
    Kiosk k(FlowContent());
    k.Do(in::Start{});
    CHECK(k.session.problems_shown == 0);
    k.Next();
    CHECK(k.session.problems_shown == 1);
    k.Next();  // the same problems, tapped again: shown again
    CHECK(k.session.problems_shown == 2);
    k.Answer("name", std::string("Maria"));
    k.Answer("smoker", false);
    k.Next();  // fine: no problem to show
    CHECK(k.session.problems_shown == 2);
    k.Answer("agree", true);
    k.Answer("sig", Line());
    k.Next();
    REQUIRE(k.Where() == "review");
    k.Do(in::ClearAnswer{"sig"});  // not possible from review's screen, but as if the signature were lost
    k.Do(in::Submit{});
    CHECK(k.Where() == "consent");
    CHECK(k.session.problems_shown == 3);
  }

  TEST_CASE("problems are listed in the order of the page, a follow-up after its question") {
    Kiosk k(FlowContent());
    k.Do(in::Start{});
    k.Answer("smoker", true);
    k.Next();
    // "name" < "per_day" in a map too; the page order puts name, then smoker's follow-up per_day
    CHECK(core::ProblemsInPageOrder(k.content, k.session.step, k.session.errors) ==
          std::vector<std::string>{"name", "per_day"});
    // the health page: the first question unanswered comes first, however its id sorts
    const auto& c = DefaultContent();
    size_t health = static_cast<size_t>(c.FindStep("health") - &c.steps[0]);
    std::map<std::string, core::ValidationError, std::less<>> errors{
        {"skin_cancer", {"required"}}, {"pregnancy", {"required"}}, {"active_acne", {"required"}}};
    auto ordered = core::ProblemsInPageOrder(c, health, errors);
    REQUIRE(ordered.size() == 3);
    CHECK(ordered.front() == "pregnancy");
    CHECK(errors.begin()->first == "active_acne");  // what a map's first entry would have shown
  }

  TEST_CASE("answering a question clears its error and leaves the others") {
    Kiosk k(FlowContent());
    k.Do(in::Start{});
    k.Next();
    REQUIRE(k.session.errors.size() == 2);
    k.Answer("name", std::string("Maria"));
    CHECK_FALSE(k.HasError("name"));
    CHECK(k.HasError("smoker"));
  }

  TEST_CASE("Next from a valid step skips a step with nothing visible") {
    Kiosk k(FlowContent());
    k.Do(in::Start{});
    k.Answer("name", std::string("Maria"));
    k.Answer("smoker", false);
    k.Next();
    CHECK(k.Where() == "consent");
    CHECK(k.session.errors.empty());
  }

  TEST_CASE("a step shown by an earlier answer comes next") {
    Kiosk k(FlowContent());
    k.Do(in::Start{});
    k.Answer("name", std::string("Maria"));
    k.Answer("smoker", true);
    k.Answer("per_day", std::string("5"));
    k.Next();
    CHECK(k.Where() == "smoking");
  }

  TEST_CASE("Back keeps every answer, and Next again keeps them too") {
    Kiosk k(FlowContent());
    k.Do(in::Start{});
    k.Answer("name", std::string("Maria"));
    k.Answer("smoker", true);
    k.Answer("per_day", std::string("5"));
    k.Next();
    k.Answer("quit", false);
    k.Back();
    CHECK(k.Where() == "about");
    CHECK(std::get<std::string>(k.session.answers.at("name")) == "Maria");
    CHECK(std::get<std::string>(k.session.answers.at("per_day")) == "5");
    CHECK(std::get<bool>(k.session.answers.at("quit")) == false);
    k.Next();
    CHECK(k.Where() == "smoking");
    CHECK(std::get<bool>(k.session.answers.at("quit")) == false);
  }

  TEST_CASE("Back on a step leaves its error messages behind") {
    Kiosk k(FlowContent());
    k.Do(in::Start{});
    k.Answer("name", std::string("Maria"));
    k.Answer("smoker", false);
    k.Next();
    k.Next();
    REQUIRE_FALSE(k.session.errors.empty());
    k.Back();
    CHECK(k.Where() == "about");
    CHECK(k.session.errors.empty());
  }

  TEST_CASE("Back on the first step with one language abandons the visit to attract") {
    Kiosk k(FlowContent());
    k.Do(in::Start{});
    k.Answer("name", std::string("Maria"));
    auto fx = k.Back();
    CHECK(fx.wiped);
    CHECK(k.Where() == "attract");
    CHECK(k.session.answers.empty());
    CHECK(k.session.intake_id.empty());
  }

  TEST_CASE("Back on the attract screen stays there") {
    Kiosk k(FlowContent());
    k.Back();
    CHECK(k.Where() == "attract");
  }

  TEST_CASE("screens have names for scripts and logs") {
    CHECK(std::string(core::ToString(Screen::kAttract)) == "attract");
    CHECK(std::string(core::ToString(Screen::kLanguage)) == "language");
    CHECK(std::string(core::ToString(Screen::kStep)) == "step");
    CHECK(std::string(core::ToString(Screen::kReview)) == "review");
    CHECK(std::string(core::ToString(Screen::kSubmitting)) == "submitting");
    CHECK(std::string(core::ToString(Screen::kThankYou)) == "thank_you");
  }

  TEST_CASE("progress counts only visible steps, plus review as the last") {
    Kiosk k(FlowContent());
    k.Do(in::Start{});
    auto p = ProgressNow(k);
    CHECK(p.n == 1);
    CHECK(p.m == 3);  // about, consent, review
    CHECK(p.step == k.content.FindStep("about"));
    k.Answer("smoker", true);
    CHECK(ProgressNow(k).m == 4);  // the smoking step now counts
    k.Answer("name", std::string("Maria"));
    k.Answer("per_day", std::string("5"));
    k.Next();
    p = ProgressNow(k);
    CHECK(p.n == 2);
    CHECK(p.m == 4);
    k.Answer("quit", true);
    k.Next();
    CHECK(ProgressNow(k).n == 3);
    k.Answer("agree", true);
    k.Answer("sig", Line());
    k.Next();
    p = ProgressNow(k);
    CHECK(k.Where() == "review");
    CHECK(p.n == 4);
    CHECK(p.m == 4);
    CHECK(p.step == nullptr);
  }

  TEST_CASE("Back from review returns to the last visible step") {
    Kiosk k(FlowContent());
    ToReview(k);
    k.Back();
    CHECK(k.Where() == "consent");
  }

  TEST_CASE("EditStep from review then Next returns to review") {
    Kiosk k(FlowContent());
    ToReview(k);
    k.Do(in::EditStep{"about"});
    CHECK(k.Where() == "about");
    CHECK(k.session.editing_from_review);
    k.Answer("name", std::string("María"));
    k.Next();
    CHECK(k.Where() == "review");
    CHECK_FALSE(k.session.editing_from_review);
    CHECK(std::get<std::string>(k.session.answers.at("name")) == "María");
  }

  TEST_CASE("EditStep then Back also returns to review") {
    Kiosk k(FlowContent());
    ToReview(k);
    k.Do(in::EditStep{"consent"});
    k.Back();
    CHECK(k.Where() == "review");
  }

  TEST_CASE("EditStep then Next is still blocked while the step has a problem") {
    Kiosk k(FlowContent());
    ToReview(k);
    k.Do(in::EditStep{"about"});
    k.Answer("name", std::string());
    k.Next();
    CHECK(k.Where() == "about");
    CHECK(k.ErrorKey("name") == "required");
  }

  TEST_CASE("answers can only be set on a step, not on review") {
    Kiosk k(FlowContent());
    ToReview(k);
    k.Answer("name", std::string("Someone else"));
    CHECK(std::get<std::string>(k.session.answers.at("name")) == "Maria");
  }

  TEST_CASE("an answer to an unknown question or an info block is ignored") {
    auto c =
        Load(Questionnaire(Json::array({Step("s", Json::array({Q("read", "info"), Q("name", "text")}))})));
    Kiosk k(c);
    k.Do(in::Start{});
    k.Answer("nobody", std::string("x"));
    k.Answer("read", std::string("x"));
    CHECK(k.session.answers.empty());
  }

  TEST_CASE("Submit validates everything and jumps to the first step with a problem") {
    Kiosk k(FlowContent());
    ToReview(k);
    k.Do(in::ClearAnswer{"name"});
    auto fx = k.Do(in::Submit{});
    CHECK_FALSE(fx.submit);
    CHECK(k.Where() == "about");
    CHECK(k.ErrorKey("name") == "required");
    CHECK(k.session.editing_from_review);
    k.Answer("name", std::string("Maria"));
    k.Next();
    CHECK(k.Where() == "review");
    CHECK(k.Do(in::Submit{}).submit);
  }

  TEST_CASE("Submit of a complete visit asks for one submit and shows submitting") {
    Kiosk k(FlowContent());
    ToReview(k);
    auto first = k.Do(in::Submit{});
    CHECK(first.submit);
    CHECK(k.Where() == "submitting");
    auto second = k.Do(in::Submit{});
    CHECK_FALSE(second.submit);
    CHECK(k.Where() == "submitting");
  }

  TEST_CASE("Submit anywhere but review does nothing") {
    Kiosk k(FlowContent());
    k.Do(in::Start{});
    CHECK_FALSE(k.Do(in::Submit{}).submit);
    CHECK(k.Where() == "about");
  }

  TEST_CASE("a saved submit shows thank you") {
    Kiosk k(FlowContent());
    ToReview(k);
    k.Do(in::Submit{});
    k.Do(in::SubmitDone{true});
    CHECK(k.Where() == "thank_you");
  }

  TEST_CASE("a failed save returns to review with submit_failed, and Submit can be tried again") {
    Kiosk k(FlowContent());
    ToReview(k);
    k.Do(in::Submit{});
    k.Do(in::SubmitDone{false});
    CHECK(k.Where() == "review");
    CHECK(k.session.submit_error == "submit_failed");
    CHECK(k.session.answers.count("name") == 1);
    CHECK(k.Do(in::Submit{}).submit);
    CHECK(k.session.submit_error.empty());
  }

  TEST_CASE("SubmitDone when nothing is being submitted is ignored") {
    Kiosk k(FlowContent());
    ToReview(k);
    k.Do(in::SubmitDone{true});
    CHECK(k.Where() == "review");
  }

  TEST_CASE("thank you returns to attract by itself after return_s, wiping the visit") {
    Kiosk k(FlowContent());
    REQUIRE(k.content.app.thank_you.return_s == 8);
    ToReview(k);
    k.Do(in::Submit{});
    k.Do(in::SubmitDone{true});
    k.Wait(std::chrono::milliseconds(7999));
    CHECK_FALSE(k.Tick().wiped);
    CHECK(k.Where() == "thank_you");
    k.Wait(std::chrono::milliseconds(1));
    auto fx = k.Tick();
    CHECK(fx.wiped);
    CHECK(k.Where() == "attract");
    CHECK(k.session.answers.empty());
    CHECK(k.session.intake_id.empty());
  }

  TEST_CASE("the next visit after thank you gets a new intake id") {
    Kiosk k(FlowContent());
    ToReview(k);
    k.Do(in::Submit{});
    k.Do(in::SubmitDone{true});
    k.Wait(std::chrono::seconds(8));
    k.Tick();
    k.Do(in::Start{});
    CHECK(k.session.intake_id == "intake-2");
    CHECK(k.session.visits == 2);
    CHECK(k.session.answers.empty());
  }

  TEST_CASE("Start over wipes the visit at once") {
    Kiosk k(FlowContent());
    k.Do(in::Start{});
    k.Answer("name", std::string("Maria"));
    auto fx = k.Do(in::StartOver{});
    CHECK(fx.wiped);
    CHECK(k.Where() == "attract");
    CHECK(k.session.answers.empty());
  }

  TEST_CASE("Next on the last visible step goes to review even when hidden steps follow") {
    auto c =
        Load(Questionnaire(Json::array({Step("first", Json::array({Q("read", "info"), Q("x", "text")})),
                                        Step("second", Json::array({Q("y", "text")}),
                                             {{"visible_if", {{"question", "x"}, {"answered", true}}}})})));
    Kiosk k(c);
    k.Do(in::Start{});
    CHECK(k.Where() == "first");
    k.Next();
    CHECK(k.Where() == "review");
  }
}

TEST_SUITE("exclusive options") {
  core::Content ExclusiveContent() {
    Json options = Json::array({{{"id", "peel"}, {"label", T("Peel")}},
                                {{"id", "laser"}, {"label", T("Laser")}},
                                {{"id", "none"}, {"label", T("None of these")}, {"exclusive", true}}});
    return Load(Questionnaire(
        Json::array({Step("s", Json::array({Q("treatments", "multi_choice", {{"options", options}})}))})));
  }

  std::vector<std::string> Chosen(const Kiosk& k) {
    return std::get<std::vector<std::string>>(k.session.answers.at("treatments"));
  }

  TEST_CASE("choosing None of these clears the other options") {
    Kiosk k(ExclusiveContent());
    k.Do(in::Start{});
    k.Answer("treatments", std::vector<std::string>{"peel", "laser"});
    k.Answer("treatments", std::vector<std::string>{"peel", "laser", "none"});
    CHECK(Chosen(k) == std::vector<std::string>{"none"});
  }

  TEST_CASE("choosing another option clears None of these") {
    Kiosk k(ExclusiveContent());
    k.Do(in::Start{});
    k.Answer("treatments", std::vector<std::string>{"none"});
    k.Answer("treatments", std::vector<std::string>{"none", "laser"});
    CHECK(Chosen(k) == std::vector<std::string>{"laser"});
  }

  TEST_CASE("None of these alone stays chosen and ordinary options combine") {
    Kiosk k(ExclusiveContent());
    k.Do(in::Start{});
    k.Answer("treatments", std::vector<std::string>{"none"});
    k.Answer("treatments", std::vector<std::string>{"none"});
    CHECK(Chosen(k) == std::vector<std::string>{"none"});
    k.Answer("treatments", std::vector<std::string>{"peel", "laser"});
    CHECK(Chosen(k) == std::vector<std::string>{"peel", "laser"});
  }

  TEST_CASE(
      "a tapped card toggles its option in the session's own answer: two taps in one frame both count") {
    Kiosk k(ExclusiveContent());
    k.Do(in::Start{});
    // both cards tapped before the screen saw either: each toggle reads the answer as it is now
    k.Do(in::ToggleOption{"treatments", "peel"});
    k.Do(in::ToggleOption{"treatments", "laser"});
    CHECK(Chosen(k) == std::vector<std::string>{"peel", "laser"});
    k.Do(in::ToggleOption{"treatments", "peel"});
    CHECK(Chosen(k) == std::vector<std::string>{"laser"});
    k.Do(in::ToggleOption{"treatments", "none"});
    CHECK(Chosen(k) == std::vector<std::string>{"none"});  // exclusive stands alone
    k.Do(in::ToggleOption{"treatments", "peel"});
    CHECK(Chosen(k) == std::vector<std::string>{"peel"});
    k.Do(in::ToggleOption{"treatments", "peel"});
    CHECK(Chosen(k).empty());
  }

  TEST_CASE("a toggle for an option the question does not have, or outside a step, changes nothing") {
    Kiosk k(ExclusiveContent());
    k.Do(in::ToggleOption{"treatments", "peel"});  // still on the attract screen
    CHECK(k.session.answers.empty());
    k.Do(in::Start{});
    k.Do(in::ToggleOption{"treatments", "botox"});
    k.Do(in::ToggleOption{"nothing", "peel"});
    CHECK(k.session.answers.empty());
  }

  TEST_CASE("only options of a multi choice can be exclusive") {
    Json options = Json::array(
        {{{"id", "a"}, {"label", T("A")}}, {{"id", "b"}, {"label", T("B")}, {"exclusive", true}}});
    auto problems = ProblemsOf(Questionnaire(
        Json::array({Step("s", Json::array({Q("one", "single_choice", {{"options", options}})}))})));
    CHECK(Has(problems, "questionnaire.json", "/steps/0/questions/0/options/1/exclusive",
              "only options of a multi_choice question can be exclusive"));
  }
}

TEST_SUITE("wipe") {
  TEST_CASE("Wipe leaves no answers, intake id, language or errors, and keeps the visit count") {
    Kiosk k(FlowContent({"en", "es"}));
    k.Do(in::Start{});
    k.Do(in::ChooseLanguage{"es"});
    k.Answer("name", std::string("Maria"));
    k.Answer("smoker", true);
    k.Next();
    REQUIRE_FALSE(k.session.errors.empty());
    core::Wipe(k.session);
    CHECK(k.session.screen == Screen::kAttract);
    CHECK(k.session.answers.empty());
    CHECK(k.session.intake_id.empty());
    CHECK(k.session.language.empty());
    CHECK(k.session.errors.empty());
    CHECK(k.session.submit_error.empty());
    CHECK_FALSE(k.session.still_there);
    CHECK_FALSE(k.session.editing_from_review);
    CHECK(k.session.started_at == core::TimePoint{});
    CHECK(k.session.visits == 1);
  }

  TEST_CASE("Wipe clears signatures and lists as well as text") {
    Kiosk k(FlowContent());
    k.Do(in::Start{});
    k.session.answers["sig"] = Line();
    k.session.answers["many"] = std::vector<std::string>{"secret", "list"};
    core::Wipe(k.session);
    CHECK(k.session.answers.empty());
  }
}
