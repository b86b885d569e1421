// A signature confirmed with the keypad (issue 19): allowed only where the content says so, valid then
// without ink, recorded in the intake as the statement the client read, and refused on any other question
// type.
#include <doctest/doctest.h>

#include "core/visit/intake.h"
#include "core/visit/validation.h"
#include "fixtures.h"

using namespace core_test;

namespace {

core::Content SignatureContent(bool keyed) {
  Json sig = {{"required", true}};
  if (keyed) sig["keyed_confirmation"] = true;
  return Load(Questionnaire(Json::array({Step("consent", Json::array({Q("sig", "signature", sig)}))})));
}

core::Signature Keyed() {
  core::Signature s;
  s.width = 600;
  s.height = 200;
  s.keyed = true;
  return s;
}

}  // namespace

TEST_SUITE("keyed confirmation") {
  TEST_CASE("a keyed confirmation answers a signature question only where the content allows it") {
    core::Date today{2026, 11, 25};
    core::Signature keyed = Keyed();
    core::Answer answer = keyed;
    auto allowed = SignatureContent(true);
    CHECK_FALSE(core::Validate(*allowed.FindQuestion("sig"), &answer, today).has_value());
    auto not_allowed = SignatureContent(false);
    auto e = core::Validate(*not_allowed.FindQuestion("sig"), &answer, today);
    REQUIRE(e.has_value());
    CHECK(e->key == "signature_required");
    core::Signature none;  // no ink and not keyed: still unsigned where keys are allowed
    core::Answer empty = none;
    CHECK(core::Validate(*allowed.FindQuestion("sig"), &empty, today).has_value());
  }

  TEST_CASE("the intake records the statement in the client's language, and no image") {
    auto c = SignatureContent(true);
    core::Session s;
    s.language = "en";
    s.intake_id = "3f0c2a5e-8d4b-4c1a-9e7f-0123456789ab";
    s.answers = {{"sig", Keyed()}};
    core::IntakeContext ctx;
    ctx.kiosk_id = "k";
    ctx.today = core::Date{2026, 11, 25};
    bool drawn = false;
    ctx.signature_png_base64 = [&](const core::Signature&) {
      drawn = true;
      return std::string("PNG");
    };
    Json sig = core::BuildIntake(c, s, ctx)["signatures"]["sig"];
    CHECK(sig == Json{{"method", "keyed_confirmation"}, {"statement", "confirm_consent_by_key"}});
    CHECK_FALSE(drawn);
  }

  TEST_CASE("keyed_confirmation on a question that is not a signature is named with its pointer") {
    auto p = ProblemsOf(Questionnaire(
        Json::array({Step("s", Json::array({Q("agree", "consent", {{"keyed_confirmation", true}})}))})));
    CHECK(Has(p, "questionnaire.json", "/steps/0/questions/0/keyed_confirmation",
              "only a signature question can be confirmed by keys"));
  }
}
