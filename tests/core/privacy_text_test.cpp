// The privacy notice's placeholders filled from the config (core/content/privacy_text): the real default
// content with and without a delivery address and a clinic retention, and the periods a config lacks; and
// core::LoadContentFor, which every way content comes in goes through (the loader, the config, the notice).
#include <doctest/doctest.h>

#include "core/content/content_for_config.h"
#include "core/content/privacy_text.h"
#include "fixtures.h"

using core_test::DefaultContent;
using core_test::Has;

namespace {

std::string Body(const core::Content& c, const char* id, const char* language = "en") {
  return c.FindQuestion(id)->body.In(language);
}

// The default content with one question's English body replaced.
core::Content WithBody(const char* id, const std::string& text) {
  core::Content c = DefaultContent();
  core::ForEachQuestion(c.steps[0].questions, [&](const core::Question& q) {
    if (q.id == id) const_cast<core::Question&>(q).body.by_language["en"] = text;
  });
  return c;
}

}  // namespace

TEST_SUITE("privacy text") {
  TEST_CASE("with no delivery address the notice says nothing is sent, and the periods are the config's") {
    core::Content c = DefaultContent();
    core::PrivacyFacts facts;  // the default config: no delivery.url, no clinic retention
    facts.today_list_hours = 12;
    CHECK(core::FillPrivacy(c, facts).empty());
    for (const char* language : {"en", "es", "fr"}) {
      CAPTURE(language);
      CHECK(Body(c, "privacy_who", language) ==
            c.app.Ui("privacy_not_sent").In(language) +
                Body(DefaultContent(), "privacy_who", language).substr(10));
      CHECK(Body(c, "privacy_who", language).find("{") == std::string::npos);
      CHECK(Body(c, "privacy_kept", language).find("12") != std::string::npos);
      CHECK(Body(c, "privacy_kept", language).find(c.app.Ui("privacy_clinic_days_unset").In(language)) == 0);
    }
    CHECK(Body(c, "privacy_who").find("sent over a secure connection") == std::string::npos);
  }

  TEST_CASE("with a delivery address and a clinic retention the notice states both periods") {
    core::Content c = DefaultContent();
    core::PrivacyFacts facts;
    facts.delivery_configured = true;
    facts.delivered_days = 3;
    facts.clinic_days = 2555;
    CHECK(core::FillPrivacy(c, facts).empty());
    CHECK(Body(c, "privacy_who").find("sent over a secure connection") != std::string::npos);
    CHECK(Body(c, "privacy_who").find("deleted after 3 days") != std::string::npos);
    CHECK(Body(c, "privacy_kept").find("for 2555 days, then deletes them") != std::string::npos);
    CHECK(Body(c, "privacy_kept", "es").find("durante 2555 días") != std::string::npos);
  }

  TEST_CASE("a period the config does not have is refused, naming the file and the text") {
    core::Content c = WithBody("privacy_kiosk", "We delete your record after {clinic_days} days.");
    auto problems = core::FillPrivacy(c, core::PrivacyFacts{});
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].file == "questionnaire.json");
    CHECK(problems[0].pointer == "/steps/0/questions/3/body/en");
    CHECK(problems[0].message.find("retention.clinic_days") != std::string::npos);

    core::PrivacyFacts kept_forever;
    kept_forever.delivery_configured = true;
    kept_forever.delivered_days = 0;  // the sender never purges: no deletion period to promise
    c = WithBody("privacy_kiosk", "Deleted after {delivered_days} days.");
    problems = core::FillPrivacy(c, kept_forever);
    CHECK(problems.size() == 4);  // this text, and the default notice's "sent" text in en, es and fr
    bool named = false;
    for (const auto& p : problems) {
      CHECK(p.message.find("{delivered_days}") != std::string::npos);
      named = named || p.pointer == "/steps/0/questions/3/body/en";
    }
    CHECK(named);

    c = WithBody("privacy_kiosk", "Deleted after {backup_days} days.");
    problems = core::FillPrivacy(c, core::PrivacyFacts{});
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].message.find("{backup_days}") != std::string::npos);
  }

  TEST_CASE("the demo notice states the lead retention") {
    core::Content c = DefaultContent();
    core::PrivacyFacts facts;
    facts.lead_days = 45;
    CHECK(core::FillPrivacy(c, facts).empty());
    REQUIRE(c.demo);
    const core::Question& notice = c.demo->steps[0].questions[0];
    CHECK(notice.body.In("en").find("deleted after 45 days at the latest") != std::string::npos);
    CHECK(notice.body.In("es").find("a los 45 días") != std::string::npos);
    CHECK(notice.body.In("fr").find("{lead_days}") == std::string::npos);
  }

  TEST_CASE("other braces are left as they are") {
    core::Content c = WithBody("privacy_kiosk", "Ask for {name} at the desk.");
    CHECK(core::FillPrivacy(c, core::PrivacyFacts{}).empty());
    CHECK(Body(c, "privacy_kiosk") == "Ask for {name} at the desk.");
  }

  TEST_CASE("the config's retention and staff settings are the facts") {
    core::Config config;
    config.delivery.url = "https://clinic.example/intake";
    config.retention_delivered_days = 5;
    config.staff.today_list_hours = 8;
    config.retention_clinic_days = 365;
    config.retention_lead_days = 14;
    auto f = core::PrivacyFactsOf(config);
    CHECK(f.delivery_configured);
    CHECK(f.delivered_days == 5);
    CHECK(f.today_list_hours == 8);
    CHECK(f.clinic_days == 365);
    CHECK(f.lead_days == 14);
    CHECK_FALSE(core::PrivacyFactsOf(core::Config{}).clinic_days);
  }

  TEST_CASE("kiosk.json's retention.clinic_days is read, and a period of 0 days is refused") {
    auto config = core::ParseConfig(R"({"kiosk_id": "k", "retention": {"clinic_days": 2555}})", "kiosk.json");
    REQUIRE_MESSAGE(config.ok(), config.error());
    CHECK(config->retention_clinic_days == 2555);
    auto none = core::ParseConfig(R"({"kiosk_id": "k"})", "kiosk.json");
    REQUIRE(none.ok());
    CHECK_FALSE(none->retention_clinic_days);
    auto zero = core::ParseConfig(R"({"kiosk_id": "k", "retention": {"clinic_days": 0}})", "kiosk.json");
    REQUIRE_FALSE(zero.ok());
    CHECK(zero.error().find("/retention/clinic_days") != std::string::npos);
  }

  TEST_CASE("content as this installation runs it: loaded, checked against the config, the notice filled") {
    const auto dir = std::filesystem::path(KIOSK_SOURCE_DIR) / "content";
    core::Config config;
    config.staff.language = "fr";
    auto runs = core::LoadContentFor(config, dir, "kiosk.json");
    REQUIRE_MESSAGE(runs.ok(), runs.error());
    CHECK(Body(*runs, "privacy_who").find("{") == std::string::npos);  // the notice is filled in
    config.staff.language = "de";  // a staff language the content does not declare: refused, as at start
    auto refused = core::LoadContentFor(config, dir, "kiosk.json");
    REQUIRE_FALSE(refused.ok());
    CHECK(Has(refused.problems(), "kiosk.json", "/staff/language", "\"de\" is not a language the content"));
    auto missing = core::LoadContentFor(core::Config{}, dir / "no-such-folder", "kiosk.json");
    CHECK_FALSE(missing.ok());
  }
}
