// FHIR back to an intake: what ToFhirQuestionnaireResponse writes reads back to the same intake (except
// signature stroke counts, which FHIR does not carry); foreign responses are refused with a pointer.
#include <doctest/doctest.h>

#include "core/content/content_loader.h"
#include "core/delivery/fhir.h"
#include "inbox/rules/fhir_intake.h"
#include "inbox/rules/intake_summary.h"

using core::Json;

namespace {

const core::Content& DefaultContent() {
  static const auto content = core::LoadContent(std::string(KIOSK_SOURCE_DIR) + "/content");
  REQUIRE_MESSAGE(content.ok(), content.error());
  return *content;
}

Json BaseIntake() {
  auto text = core::ReadFile(std::string(KIOSK_SOURCE_DIR) + "/tests/inbox/fixtures/intake_cases.json");
  REQUIRE(text.ok());
  Json intake = Json::parse(*text)["base"];
  intake["answers"]["skin_concerns"] = {"acne_scars", "other"};
  intake["answers"]["concerns_other"] = "Dark circles";
  intake["answers"]["isotretinoin_12m"] = true;
  intake["answers"]["isotretinoin_now"] = false;
  intake["answers"]["heard_about"] = "social_media";
  intake["language"] = "es";
  intake["flags"].push_back({{"id", "sunburn_or_tan"},
                             {"question_id", "recent_sun"},
                             {"tier", "defer"},
                             {"reason", "Sun"},
                             {"wait_days", 14}});
  intake["answers"]["recent_sun"] = true;
  intake["consents"].push_back({{"id", "photo_consent"}, {"version", "2026-12"}, {"accepted", false}});
  return intake;
}

}  // namespace

TEST_CASE("a QuestionnaireResponse made by the kiosk reads back to the intake it came from") {
  const Json intake = BaseIntake();
  const Json response = core::ToFhirQuestionnaireResponse(DefaultContent(), intake);
  auto back = core::IntakeFromFhirResponse(DefaultContent(), response);
  REQUIRE_MESSAGE(back.ok(), back.error());
  Json expected = intake;
  expected["signatures"]["client_signature"].erase("strokes");
  CHECK(back->dump(1) == expected.dump(1));
}

TEST_CASE("a response to another questionnaire, or not a response, is refused with a pointer") {
  Json response = core::ToFhirQuestionnaireResponse(DefaultContent(), BaseIntake());
  response["questionnaire"] = "urn:glowup-kiosk:questionnaire:other-clinic|1";
  response["item"][0]["item"][0]["linkId"] = "no_such_question";
  auto refused = core::IntakeFromFhirResponse(DefaultContent(), response);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().find("/questionnaire") != std::string::npos);
  CHECK(refused.error().find("/item/0/item/0/linkId") != std::string::npos);
  CHECK_FALSE(core::IntakeFromFhirResponse(DefaultContent(), Json{{"resourceType", "Patient"}}).ok());
}

TEST_CASE("a summary has the client's name, the most serious tier and the flag count") {
  Json intake = BaseIntake();
  intake["answers"]["last_name"] = "García";
  core::IntakeSummary s = core::SummarizeIntake(intake);
  CHECK(s.client_name == "Ana García");
  CHECK(s.top_tier == "defer");
  CHECK(s.flag_count == 2);
  CHECK_FALSE(s.demo);
  intake["flags"] = Json::array();
  intake["answers"].erase("first_name");
  s = core::SummarizeIntake(intake);
  CHECK(s.client_name == "García");
  CHECK(s.top_tier.empty());
  CHECK(core::TierRank("stop") < core::TierRank("defer"));
  CHECK(core::TierRank("review") < core::TierRank(""));
}
