// The intake document: visible answers only, typed values, flags by tier, consents with versions, signatures.
#include <doctest/doctest.h>

#include "core/visit/flags.h"
#include "core/visit/intake.h"
#include "fixtures.h"

using namespace core_test;

namespace {

Json Flag(const std::string& id, const std::string& tier, Json when, int wait_days = 0) {
  Json f = {{"id", id}, {"tier", tier}, {"reason", "Reason " + id}, {"when", std::move(when)}};
  if (wait_days) f["wait_days"] = wait_days;
  return f;
}

// Flags appear in content as review, defer, stop, so the intake's order must come from the tiers.
core::Content IntakeContent() {
  Json yes = {{"equals", true}};
  return Load(Questionnaire(Json::array({
      Step("about",
           Json::array({
               Q("name", "text"),
               Q("dob", "date",
                 {{"flags", Json::array({Flag("young", "review",
                                              {{"age_from", "dob"}, {"at_least", 18}, {"below", 22}})})}}),
               Q("heard", "single_choice"),
               Q("concerns", "multi_choice"),
           })),
      Step("health",
           Json::array({
               Q("smoker", "yes_no",
                 {{"flags", Json::array({Flag("smokes", "review", yes)})},
                  {"follow_ups",
                   Json::array({Q("per_day", "text"),
                                Q("heavy", "yes_no",
                                  {{"flags", Json::array({Flag("heavy_smoker", "stop", yes)})}})})}}),
               Q("sun", "yes_no", {{"flags", Json::array({Flag("sun", "defer", yes, 14)})}}),
               Q("pregnant", "yes_no", {{"flags", Json::array({Flag("preg", "stop", yes)})}}),
           })),
      Step("consent", Json::array({Q("read", "info"), Q("marketing", "consent"),
                                   Q("agree", "consent", {{"required", true}}),
                                   Q("sig", "signature", {{"required", true}})})),
      Step("guardian", Json::array({Q("guardian_name", "text")}),
           {{"visible_if", {{"age_from", "dob"}, {"below", 18}}}}),
  })));
}

core::Session FilledSession() {
  core::Session s;
  s.screen = core::Screen::kSubmitting;
  s.language = "en";
  s.intake_id = "3f0c2a5e-8d4b-4c1a-9e7f-0123456789ab";
  s.started_at = At(2026, 11, 25, 9, 0, 0);
  s.answers = {{"name", std::string("Maria")},
               {"dob", std::string("2006-01-10")},  // 20 on the day
               {"heard", std::string("a")},
               {"concerns", std::vector<std::string>{"a", "other"}},
               {"smoker", false},
               {"per_day", std::string("10")},  // hidden: smoker is no
               {"heavy", true},                 // hidden, and its stop flag with it
               {"sun", true},
               {"pregnant", true},
               {"agree", true},
               {"sig", Line()},
               {"guardian_name", std::string("Mum")}};  // hidden: an adult
  return s;
}

core::IntakeContext IntakeContextFor(bool demo = false) {
  core::IntakeContext ctx;
  ctx.kiosk_id = "front-desk";
  ctx.submitted_at = At(2026, 11, 25, 9, 4, 30) + std::chrono::milliseconds(250);
  ctx.today = core::Date{2026, 11, 25};
  ctx.demo = demo;
  ctx.signature_png_base64 = [](const core::Signature& s) {
    return "PNG(" + std::to_string(s.strokes.size()) + " strokes, " +
           std::to_string(static_cast<int>(s.width)) + "x" + std::to_string(static_cast<int>(s.height)) + ")";
  };
  return ctx;
}

}  // namespace

TEST_SUITE("intake") {
  TEST_CASE("the intake names its schema, ids, times, language and content") {
    auto c = IntakeContent();
    Json j = core::BuildIntake(c, FilledSession(), IntakeContextFor());
    CHECK(j["schema_version"] == 1);
    CHECK(core::kIntakeSchemaVersion == 1);
    CHECK(j["intake_id"] == "3f0c2a5e-8d4b-4c1a-9e7f-0123456789ab");
    CHECK(j["kiosk_id"] == "front-desk");
    CHECK(j["started_at"] == "2026-11-25T09:00:00.000Z");
    CHECK(j["submitted_at"] == "2026-11-25T09:04:30.250Z");
    CHECK(j["language"] == "en");
    CHECK(j["content"] == Json{{"id", "test-content"}, {"version", "1.2.3"}});
    CHECK(j["demo"] == false);
  }

  TEST_CASE("the demo marker follows the context") {
    auto c = IntakeContent();
    CHECK(core::BuildIntake(c, FilledSession(), IntakeContextFor(true))["demo"] == true);
  }

  TEST_CASE("answers hold visible answers only, with typed values") {
    auto c = IntakeContent();
    Json answers = core::BuildIntake(c, FilledSession(), IntakeContextFor())["answers"];
    CHECK(answers == Json{{"name", "Maria"},
                          {"dob", "2006-01-10"},
                          {"heard", "a"},
                          {"concerns", {"a", "other"}},
                          {"smoker", false},
                          {"sun", true},
                          {"pregnant", true}});
    CHECK(answers["smoker"].is_boolean());
    CHECK(answers["concerns"].is_array());
  }

  TEST_CASE("a hidden follow-up's answer is dropped but returns when the parent is yes again") {
    auto c = IntakeContent();
    auto s = FilledSession();
    CHECK_FALSE(core::BuildIntake(c, s, IntakeContextFor())["answers"].contains("per_day"));
    s.answers["smoker"] = true;
    Json answers = core::BuildIntake(c, s, IntakeContextFor())["answers"];
    CHECK(answers["per_day"] == "10");
    CHECK(answers["heavy"] == true);
  }

  TEST_CASE("an under-18 visit includes the guardian step's answers") {
    auto c = IntakeContent();
    auto s = FilledSession();
    s.answers["dob"] = std::string("2012-03-04");
    Json answers = core::BuildIntake(c, s, IntakeContextFor())["answers"];
    CHECK(answers["guardian_name"] == "Mum");
  }

  TEST_CASE("flags are ordered stop, defer, review, with wait_days only on defer") {
    auto c = IntakeContent();
    Json flags = core::BuildIntake(c, FilledSession(), IntakeContextFor())["flags"];
    REQUIRE(flags.size() == 3);
    CHECK(flags[0] ==
          Json{{"id", "preg"}, {"question_id", "pregnant"}, {"tier", "stop"}, {"reason", "Reason preg"}});
    CHECK(flags[1] == Json{{"id", "sun"},
                           {"question_id", "sun"},
                           {"tier", "defer"},
                           {"reason", "Reason sun"},
                           {"wait_days", 14}});
    CHECK(flags[2] ==
          Json{{"id", "young"}, {"question_id", "dob"}, {"tier", "review"}, {"reason", "Reason young"}});
  }

  TEST_CASE("a flag on a hidden question is never raised") {
    auto c = IntakeContent();
    auto s = FilledSession();
    Json flags = core::BuildIntake(c, s, IntakeContextFor())["flags"];
    for (const auto& f : flags) CHECK(f["id"] != "heavy_smoker");
    s.answers["smoker"] = true;
    auto vis = core::ComputeVisibility(c, s.answers, core::Date{2026, 11, 25});
    auto raised = core::ComputeFlags(c, vis, core::Date{2026, 11, 25});
    REQUIRE(raised.size() == 5);
    CHECK(raised[0].flag_id == "heavy_smoker");  // stops in content order: heavy comes before pregnant
    CHECK(raised[1].flag_id == "preg");
    CHECK(raised[2].flag_id == "sun");
    CHECK(raised[3].flag_id == "young");  // reviews in content order
    CHECK(raised[4].flag_id == "smokes");
    CHECK(core::RaisesFlag(raised, "pregnant"));
    CHECK_FALSE(core::RaisesFlag(raised, "name"));
  }

  TEST_CASE("consents list every visible consent with its version, ticked or not") {
    auto c = IntakeContent();
    Json consents = core::BuildIntake(c, FilledSession(), IntakeContextFor())["consents"];
    CHECK(consents == Json::array({{{"id", "marketing"}, {"version", "v7"}, {"accepted", false}},
                                   {{"id", "agree"}, {"version", "v7"}, {"accepted", true}}}));
  }

  TEST_CASE("signatures are encoded by the injected encoder") {
    auto c = IntakeContent();
    Json sigs = core::BuildIntake(c, FilledSession(), IntakeContextFor())["signatures"];
    CHECK(sigs ==
          Json{{"sig",
                {{"png_base64", "PNG(1 strokes, 400x200)"}, {"strokes", 1}, {"media_type", "image/png"}}}});
    auto no_encoder = IntakeContextFor();
    no_encoder.signature_png_base64 = nullptr;
    CHECK(core::BuildIntake(c, FilledSession(), no_encoder)["signatures"]["sig"]["png_base64"] == "");
  }

  TEST_CASE("info blocks, consents and signatures are not among the answers") {
    auto c = IntakeContent();
    Json answers = core::BuildIntake(c, FilledSession(), IntakeContextFor())["answers"];
    CHECK_FALSE(answers.contains("read"));
    CHECK_FALSE(answers.contains("agree"));
    CHECK_FALSE(answers.contains("marketing"));
    CHECK_FALSE(answers.contains("sig"));
  }

  TEST_CASE("the intake has exactly the documented top-level keys") {
    auto c = IntakeContent();
    Json j = core::BuildIntake(c, FilledSession(), IntakeContextFor());
    std::vector<std::string> keys;
    for (const auto& [key, value] : j.items()) keys.push_back(key);
    CHECK(keys == std::vector<std::string>{"answers", "consents", "content", "demo", "flags", "intake_id",
                                           "kiosk_id", "language", "schema_version", "signatures",
                                           "started_at", "submitted_at"});
  }

  TEST_CASE("an intake with invalid UTF-8 in an answer still dumps") {
    auto c = IntakeContent();
    auto s = FilledSession();
    s.answers["name"] = std::string("Mar\xff\xfe");
    std::string text = core::DumpJson(core::BuildIntake(c, s, IntakeContextFor()));
    CHECK(text.find("\"name\":\"Mar\xEF\xBF\xBD\xEF\xBF\xBD\"") != std::string::npos);
  }

  TEST_CASE("the intake of a visit driven through the flow carries its intake id and language") {
    auto c = IntakeContent();
    Kiosk k(c, At(2026, 11, 25, 10, 15, 0));
    k.Do(core::intent::Start{});
    k.Answer("name", std::string("Maria"));
    k.Answer("dob", std::string("1990-05-17"));
    k.Next();
    k.Answer("smoker", false);
    k.Answer("sun", false);
    k.Answer("pregnant", false);
    k.Next();
    k.Answer("agree", true);
    k.Answer("sig", Line());
    k.Next();
    REQUIRE(k.Where() == "review");
    k.Wait(std::chrono::seconds(75));
    REQUIRE(k.Do(core::intent::Submit{}).submit);
    auto ctx = IntakeContextFor();
    ctx.submitted_at = k.clock.Now();
    Json j = core::BuildIntake(k.content, k.session, ctx);
    CHECK(j["intake_id"] == "intake-1");
    CHECK(j["started_at"] == "2026-11-25T10:15:00.000Z");
    CHECK(j["submitted_at"] == "2026-11-25T10:16:15.000Z");
    CHECK(j["flags"].empty());
    CHECK(j["answers"]["dob"] == "1990-05-17");
  }
}
