// The real default content in content/: the screening rules of PRODUCT.md, guardians, explainers, a whole
// visit.
#include <doctest/doctest.h>

#include <algorithm>

#include "core/visit/flags.h"
#include "core/visit/intake.h"
#include "core/visit/validation.h"
#include "fixtures.h"

using namespace core_test;
using core::Answers;
using core::Tier;
namespace in = core::intent;

namespace {

std::vector<core::RaisedFlag> FlagsFor(const Answers& answers) {
  const auto& c = DefaultContent();
  return core::ComputeFlags(c, core::ComputeVisibility(c, answers, kToday), kToday);
}

const core::RaisedFlag* Find(const std::vector<core::RaisedFlag>& flags, const std::string& id) {
  auto it =
      std::find_if(flags.begin(), flags.end(), [&](const core::RaisedFlag& f) { return f.flag_id == id; });
  return it == flags.end() ? nullptr : &*it;
}

bool Shows(const Answers& answers, const std::string& id) {
  return core::ComputeVisibility(DefaultContent(), answers, kToday).Shows(id);
}

}  // namespace

TEST_SUITE("default content") {
  TEST_CASE("the default content has the visit's steps in order") {
    const auto& c = DefaultContent();
    std::vector<std::string> ids;
    for (const auto& s : c.steps) ids.push_back(s.id);
    CHECK(ids ==
          std::vector<std::string>{"privacy", "about_you", "concerns", "health", "explainer", "consent"});
  }

  TEST_CASE("answering pregnancy yes raises a stop flag") {
    auto flags = FlagsFor({{"pregnancy", true}});
    const auto* f = Find(flags, "pregnant");
    REQUIRE(f != nullptr);
    CHECK(f->tier == Tier::kStop);
    CHECK(f->question_id == "pregnancy");
    CHECK(FlagsFor({{"pregnancy", false}}).empty());
  }

  TEST_CASE("age 19 raises the age_18_to_21 review flag, and 17 or 22 do not") {
    auto nineteen = FlagsFor({{"date_of_birth", std::string("2007-06-01")}});
    const auto* f = Find(nineteen, "age_18_to_21");
    REQUIRE(f != nullptr);
    CHECK(f->tier == Tier::kReview);
    CHECK(Find(FlagsFor({{"date_of_birth", std::string("2008-11-25")}}), "age_18_to_21") !=
          nullptr);  // 18 today
    CHECK(Find(FlagsFor({{"date_of_birth", std::string("2004-11-26")}}), "age_18_to_21") != nullptr);  // 21
    CHECK(Find(FlagsFor({{"date_of_birth", std::string("2004-11-25")}}), "age_18_to_21") ==
          nullptr);  // 22 today
    CHECK(Find(FlagsFor({{"date_of_birth", std::string("2009-06-01")}}), "age_18_to_21") == nullptr);  // 17
  }

  TEST_CASE("under 18 shows guardian_name and guardian_signature, and they are required") {
    Answers minor = {{"date_of_birth", std::string("2010-03-15")}};
    CHECK(Shows(minor, "guardian_name"));
    CHECK(Shows(minor, "guardian_signature"));
    Answers adult = {{"date_of_birth", std::string("1990-03-15")}};
    CHECK_FALSE(Shows(adult, "guardian_name"));
    CHECK_FALSE(Shows(adult, "guardian_signature"));
    CHECK_FALSE(Shows({}, "guardian_name"));  // no age yet: no guardian

    const auto& c = DefaultContent();
    size_t consent = static_cast<size_t>(c.FindStep("consent") - &c.steps[0]);
    auto errors = core::ValidateStep(c, consent, core::ComputeVisibility(c, minor, kToday), minor, kToday);
    CHECK(errors.at("guardian_name").key == "required");
    CHECK(errors.at("guardian_signature").key == "signature_required");
  }

  TEST_CASE("the turning-18 birthday is the day the guardian is no longer needed") {
    CHECK(Shows({{"date_of_birth", std::string("2008-11-26")}}, "guardian_name"));
    CHECK_FALSE(Shows({{"date_of_birth", std::string("2008-11-25")}}, "guardian_name"));
  }

  TEST_CASE("explainer blocks follow the chosen concerns") {
    Answers a = {{"skin_concerns", std::vector<std::string>{"acne_scars", "pores"}}};
    CHECK(Shows(a, "explain_acne_scars"));
    CHECK(Shows(a, "explain_pores"));
    CHECK_FALSE(Shows(a, "explain_wrinkles"));
    CHECK_FALSE(Shows(a, "explain_tone_texture"));
    CHECK_FALSE(Shows(a, "explain_stretch_marks"));
    CHECK_FALSE(Shows(a, "explain_other"));
    for (const char* general : {"explain_how_it_works", "explain_during", "explain_after", "explain_results",
                                "explain_aftercare"}) {
      CAPTURE(general);
      CHECK(Shows(a, general));
    }
    CHECK(Shows({{"skin_concerns", std::vector<std::string>{"wrinkles"}}}, "explain_wrinkles"));
  }

  TEST_CASE("an other concern asks what it is, and requires it") {
    Answers a = {{"skin_concerns", std::vector<std::string>{"other"}}};
    CHECK(Shows(a, "concerns_other"));
    CHECK(DefaultContent().FindQuestion("concerns_other")->required);
    CHECK_FALSE(Shows({{"skin_concerns", std::vector<std::string>{"pores"}}}, "concerns_other"));
  }

  TEST_CASE("previous treatments offer an exclusive none") {
    const auto* q = DefaultContent().FindQuestion("previous_treatments");
    REQUIRE(q != nullptr);
    REQUIRE(q->FindOption("none") != nullptr);
    CHECK(q->FindOption("none")->exclusive);
    CHECK_FALSE(q->FindOption("laser")->exclusive);
  }

  TEST_CASE("isotretinoin now is a stop, stopped under 6 months a defer, 6 to 12 months a review") {
    CHECK_FALSE(Shows({{"isotretinoin_12m", false}}, "isotretinoin_now"));
    CHECK(Shows({{"isotretinoin_12m", true}}, "isotretinoin_now"));
    CHECK_FALSE(Shows({{"isotretinoin_12m", true}}, "isotretinoin_months_since"));
    CHECK(Shows({{"isotretinoin_12m", true}, {"isotretinoin_now", false}}, "isotretinoin_months_since"));
    CHECK_FALSE(Shows({{"isotretinoin_12m", true}, {"isotretinoin_now", true}}, "isotretinoin_months_since"));
    auto now = FlagsFor({{"isotretinoin_12m", true}, {"isotretinoin_now", true}});
    REQUIRE(Find(now, "isotretinoin_current") != nullptr);
    CHECK(Find(now, "isotretinoin_current")->tier == Tier::kStop);
    CHECK(now.size() == 1);
    auto stopped = [](const char* months) {
      return FlagsFor({{"isotretinoin_12m", true},
                       {"isotretinoin_now", false},
                       {"isotretinoin_months_since", std::string(months)}});
    };
    for (const char* months : {"0", "5"}) {
      CAPTURE(months);
      auto flags = stopped(months);
      REQUIRE(flags.size() == 1);
      CHECK(flags[0].flag_id == "isotretinoin_under_6m");
      CHECK(flags[0].tier == Tier::kDefer);
      CHECK(flags[0].wait_days == 180);
    }
    for (const char* months : {"6", "12"}) {
      CAPTURE(months);
      auto flags = stopped(months);
      REQUIRE(flags.size() == 1);
      CHECK(flags[0].flag_id == "isotretinoin_6_to_12m");
      CHECK(flags[0].tier == Tier::kReview);
    }
    CHECK(FlagsFor({{"isotretinoin_12m", false}, {"isotretinoin_now", true}}).empty());  // stale follow-up
  }

  TEST_CASE("diabetes hard to control (or not sure) is a stop and controlled diabetes a review") {
    CHECK(Find(FlagsFor({{"diabetes", true}, {"diabetes_hard_to_control", true}}), "diabetes_uncontrolled")
              ->tier == Tier::kStop);
    CHECK(Find(FlagsFor({{"diabetes", true}, {"diabetes_hard_to_control", false}}), "diabetes_under_control")
              ->tier == Tier::kReview);
  }

  TEST_CASE("eczema, psoriasis or rosacea flaring now is a stop, and not flaring a review") {
    CHECK_FALSE(Shows({{"skin_condition", false}}, "skin_condition_now"));
    auto now = FlagsFor({{"skin_condition", true}, {"skin_condition_now", true}});
    REQUIRE(now.size() == 1);
    CHECK(now[0].flag_id == "skin_irritated_now");
    CHECK(now[0].tier == Tier::kStop);
    auto past = FlagsFor({{"skin_condition", true}, {"skin_condition_now", false}});
    REQUIRE(past.size() == 1);
    CHECK(past[0].flag_id == "skin_condition_in_area");
    CHECK(past[0].tier == Tier::kReview);
  }

  TEST_CASE("on every health question Yes is the cautious answer") {
    // a question whose No raises a flag has a Yes that raises a stricter one (tiers: stop < defer < review)
    core::ForEachQuestion(DefaultContent().FindStep("health")->questions, [](const core::Question& q) {
      if (q.type != core::QuestionType::kYesNo) return;
      CAPTURE(q.id);
      std::optional<Tier> on_yes, on_no;
      for (const auto& f : q.flags) {
        REQUIRE(f.when.kind == core::Condition::Kind::kEquals);
        auto& slot = std::get<bool>(f.when.value) ? on_yes : on_no;
        if (!slot || f.tier < *slot) slot = f.tier;
      }
      CHECK((on_yes || !q.follow_ups.empty()));  // a Yes always means something to staff or asks more
      if (on_no) {
        REQUIRE(on_yes);
        CHECK(*on_yes < *on_no);
      }
    });
  }

  TEST_CASE("under 18: the guardian statement is asked, and photo and marketing consent are not") {
    Answers minor = {{"date_of_birth", std::string("2010-03-15")}};
    CHECK(Shows(minor, "guardian_statement"));
    CHECK(DefaultContent().FindQuestion("guardian_statement")->required);
    CHECK_FALSE(Shows(minor, "photo_consent"));
    CHECK_FALSE(Shows(minor, "marketing_consent"));
    Answers adult = {{"date_of_birth", std::string("1990-03-15")}};
    CHECK_FALSE(Shows(adult, "guardian_statement"));
    CHECK(Shows(adult, "photo_consent"));
    CHECK(Shows(adult, "marketing_consent"));
    CHECK_FALSE(DefaultContent().FindQuestion("marketing_consent")->required);
  }

  TEST_CASE("defer flags carry their waiting period") {
    auto flags = FlagsFor({{"recent_sun", true}, {"recent_surgery", true}});
    REQUIRE(flags.size() == 2);
    CHECK(Find(flags, "sunburn_or_tan")->wait_days == 14);
    CHECK(Find(flags, "surgery_3m")->wait_days == 90);
    CHECK(Find(flags, "surgery_3m")->tier == Tier::kDefer);
  }

  TEST_CASE("every screening item of PRODUCT.md and issue 18 has a flag of the right tier") {
    std::map<std::string, Tier> tiers;
    for (const auto& [id, q] : DefaultContent().questions) {
      for (const auto& f : q->flags) tiers[f.id] = f.tier;
    }
    const std::map<std::string, Tier> expected = {
        {"pregnant", Tier::kStop},
        {"breastfeeding_now", Tier::kStop},
        {"isotretinoin_current", Tier::kStop},
        {"bleeding_disorder_reported", Tier::kStop},
        {"infection_wound_in_area", Tier::kStop},
        {"cold_sore_active", Tier::kStop},
        {"inflammatory_acne", Tier::kStop},
        {"skin_cancer_or_lesion", Tier::kStop},
        {"chemo_or_radiotherapy", Tier::kStop},
        {"diabetes_uncontrolled", Tier::kStop},
        {"nickel_allergy", Tier::kStop},
        {"lidocaine_allergy", Tier::kStop},          // issue 18: the label's "allergy to anesthetics"
        {"skin_irritated_now", Tier::kStop},         // issue 18: irritated skin
        {"collagen_vascular_disease", Tier::kStop},  // issue 18: scleroderma
        {"under_18", Tier::kStop},                   // issue 18: the device is for adults 22 and over
        {"sunburn_or_tan", Tier::kDefer},
        {"resurfacing_2w", Tier::kDefer},
        {"injectables_2w", Tier::kDefer},
        {"surgery_3m", Tier::kDefer},
        {"isotretinoin_under_6m", Tier::kDefer},  // issue 18: stopped less than 6 months ago
        {"radiation_area_12m", Tier::kDefer},
        {"blood_thinner_use", Tier::kReview},
        {"isotretinoin_6_to_12m", Tier::kReview},
        {"keloid_tendency", Tier::kReview},
        {"cold_sore_history", Tier::kReview},
        {"autoimmune", Tier::kReview},
        {"immunosuppression", Tier::kReview},
        {"diabetes_under_control", Tier::kReview},
        {"skin_condition_in_area", Tier::kReview},
        {"retinoids_7d", Tier::kReview},
        {"skincare_allergy", Tier::kReview},
        {"age_18_to_21", Tier::kReview},
        {"heart_condition_reported", Tier::kReview},
        {"poor_wound_healing", Tier::kReview},
        {"scar_under_1y", Tier::kReview},
        {"photosensitising_medicine", Tier::kReview},
        {"tattoo_or_pmu_in_area", Tier::kReview},
    };
    for (const auto& entry : expected) {
      const std::string& id = entry.first;
      CAPTURE(id);
      REQUIRE(tiers.count(id) == 1);
      CHECK(tiers.at(id) == entry.second);
    }
  }

  TEST_CASE("every health question is a required yes/no") {
    const auto* health = DefaultContent().FindStep("health");
    REQUIRE(health != nullptr);
    core::ForEachQuestion(health->questions, [](const core::Question& q) {
      CAPTURE(q.id);
      if (q.type == core::QuestionType::kYesNo) CHECK(q.required);
    });
    for (const auto& q : health->questions) {
      CAPTURE(q.id);
      CHECK(q.type == core::QuestionType::kYesNo);
    }
  }

  TEST_CASE("a whole visit through the default content reaches thank you with its flags first") {
    Kiosk k(DefaultContent());
    k.Do(in::Start{});
    REQUIRE(k.Where() == "language");  // the default content is in English and Spanish
    k.Do(in::ChooseLanguage{"en"});
    REQUIRE(k.Where() == "privacy");
    auto progress = core::ProgressOf(k.content, k.session, k.Vis());
    CHECK(progress.n == 1);
    CHECK(progress.m == 7);  // six steps and review: "step 3 of 7" in PRODUCT.md

    k.Next();
    CHECK(k.ErrorKey("privacy_ack") == "required");
    k.Answer("privacy_ack", true);
    k.Next();
    REQUIRE(k.Where() == "about_you");
    k.Answer("first_name", std::string("María"));
    k.Answer("last_name", std::string("Núñez"));
    k.Answer("date_of_birth", std::string("1992-04-03"));
    k.Answer("phone", std::string("+34 600 123 456"));
    k.Answer("email", std::string("maria@example"));
    k.Next();
    CHECK(k.ErrorKey("email") == "invalid_email");
    k.Answer("email", std::string("maria@example.es"));
    k.Next();
    REQUIRE(k.Where() == "concerns");
    k.Answer("skin_concerns", std::vector<std::string>{"acne_scars"});
    k.Answer("areas", std::vector<std::string>{"face"});
    k.Next();
    REQUIRE(k.Where() == "health");
    CHECK(core::ProgressOf(k.content, k.session, k.Vis()).n == 4);
    for (const auto& q : k.content.FindStep("health")->questions) k.Answer(q.id, false);
    k.Answer("pregnancy", true);
    k.Answer("recent_surgery", true);
    k.Answer("blood_thinners", true);
    k.Next();
    REQUIRE(k.Where() == "explainer");
    CHECK(k.Vis().Shows("explain_acne_scars"));
    for (size_t page = 1; page < 3; ++page) {  // the explainer reads as three pages, one step
      k.Next();
      REQUIRE(k.Where() == "explainer");
      CHECK(k.session.page == page);
      CHECK(core::ProgressOf(k.content, k.session, k.Vis()).n == 5);
    }
    k.Next();
    REQUIRE(k.Where() == "consent");
    CHECK_FALSE(k.Vis().Shows("guardian_name"));
    k.Answer("treatment_consent", true);
    k.Answer("client_signature", Dot());
    k.Next();
    CHECK(k.ErrorKey("client_signature") == "signature_required");
    k.Answer("client_signature", Line());
    k.Next();
    REQUIRE(k.Where() == "review");

    REQUIRE(k.Do(in::Submit{}).submit);
    core::IntakeContext ctx{"kiosk-1", k.clock.Now(), k.clock.Today(), false,
                            [](const core::Signature&) { return "iVBOR"; }};
    Json intake = core::BuildIntake(k.content, k.session, ctx);
    REQUIRE(intake["flags"].size() == 3);
    CHECK(intake["flags"][0]["id"] == "pregnant");
    CHECK(intake["flags"][1]["id"] == "surgery_3m");
    CHECK(intake["flags"][1]["wait_days"] == 90);
    CHECK(intake["flags"][2]["id"] == "blood_thinner_use");
    CHECK(intake["answers"]["first_name"] == "María");
    CHECK(intake["answers"]["pregnancy"] == true);
    CHECK_FALSE(intake["answers"].contains("isotretinoin_now"));
    CHECK(intake["signatures"]["client_signature"]["png_base64"] == "iVBOR");
    CHECK_FALSE(intake["signatures"].contains("guardian_signature"));
    bool treatment = false;
    for (const auto& consent : intake["consents"]) {
      if (consent["id"] == "treatment_consent")
        treatment = consent["accepted"] == true && consent["version"] == "2026-12";
    }
    CHECK(treatment);

    k.Do(in::SubmitDone{true});
    CHECK(k.Where() == "thank_you");
    k.Wait(std::chrono::seconds(k.content.app.thank_you.return_s));
    CHECK(k.Tick().wiped);
    CHECK(k.Where() == "attract");
  }
}
