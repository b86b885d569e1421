// Languages as data: the default language before a client chooses, the staff language from the config.
#include <doctest/doctest.h>

#include "core/base/language_tag.h"
#include "core/content/config.h"
#include "fixtures.h"

using core_test::Has;

namespace {
using core_test::Json;

// Content declaring French first (its default) and English: English is alphabetically first.
core::Content FrenchDefault() {
  return core_test::Load(core_test::Questionnaire(Json::array(
                             {core_test::Step("about", Json::array({core_test::Q("first_name", "text")}))})),
                         {"fr", "en"});
}
}  // namespace

TEST_SUITE("languages") {
  TEST_CASE("a language code is a BCP 47 tag: language, optional script, optional region") {
    for (const char* good : {"en", "fr", "fil", "pt-BR", "zh-Hans", "zh-Hant-TW", "sr-Latn-RS", "es-419"}) {
      CAPTURE(good);
      CHECK(core::IsLanguageTag(good));
    }
    for (const char* bad : {"", "e", "english", "EN", "fr_FR", "fr-fr", "pt-", "-BR", "zh-hans", "zh-HANS",
                            "zh-Hans-", "es-4190", "en-US-x", "fr-FR-FR", "zh-Hans-Hant"}) {
      CAPTURE(bad);
      CHECK_FALSE(core::IsLanguageTag(bad));
    }
  }

  TEST_CASE("a language with a region or a script types on its language's layout: fr-CA on fr, pt-BR on pt") {
    auto content = core_test::Load(core_test::Questionnaire(Json::array({core_test::Step(
                                       "about", Json::array({core_test::Q("first_name", "text")}))})),
                                   {"fr-CA", "pt-BR"});
    REQUIRE(content.languages.size() == 2);
    CHECK(content.languages[0].keyboard == "fr");
    CHECK(content.languages[1].keyboard == "pt");
  }

  TEST_CASE("before a client chooses, the content's default language is read, not the first by code") {
    core::Content c = FrenchDefault();
    REQUIRE(c.default_language == "fr");
    CHECK(c.LanguageOr("") == "fr");
    CHECK(c.LanguageOr("de") == "fr");  // not declared
    CHECK(c.LanguageOr("en") == "en");
    CHECK(c.app.attract.tap_to_start.In(c.LanguageOr("")) == "fr: Tap to start");
  }

  TEST_CASE("the staff language is read from the config and must be one the content declares") {
    auto config = core::ParseConfig(R"({"kiosk_id": "k", "staff": {"language": "en"}})", "kiosk.json");
    REQUIRE(config.ok());
    CHECK(config->staff.language == "en");
    core::Content c = FrenchDefault();
    CHECK(core::CheckConfigAgainstContent(*config, c, "kiosk.json").empty());
    config->staff.language = "fr_FR";
    auto problems = core::CheckConfigAgainstContent(*config, c, "kiosk.json");
    CHECK(problems.size() == 1);
    CHECK(Has(problems, "kiosk.json", "/staff/language",
              "\"fr_FR\" is not a language the content declares (fr, en)"));
    config->staff.language.clear();  // none named: staff read the default language
    CHECK(core::CheckConfigAgainstContent(*config, c, "kiosk.json").empty());
    CHECK(c.LanguageOr(config->staff.language) == "fr");
  }

  TEST_CASE("a staff or delivery word missing from app.json is named, in every language") {
    auto files = core_test::Files(core_test::Questionnaire(Json::array({core_test::Step(
                                      "about", Json::array({core_test::Q("name", "text")}))})),
                                  {"en", "es"});
    Json app = Json::parse(files["app.json"]);
    app["ui"].erase("staff_pin_title");
    app["ui"].erase("conn_ok");
    app["ui"]["tier_stop"].erase("es");
    files["app.json"] = app.dump();
    auto problems = core_test::ProblemsOf(files);
    CHECK(Has(problems, "app.json", "/ui", "missing required \"staff_pin_title\""));
    CHECK(Has(problems, "app.json", "/ui", "missing required \"conn_ok\""));
    CHECK(Has(problems, "app.json", "/ui/tier_stop", "missing the \"es\" text"));
    CHECK(problems.size() == 3);
  }

  TEST_CASE("a ui key the kiosk never shows is named as a likely misspelling") {
    auto files = core_test::Files(core_test::Questionnaire(
        Json::array({core_test::Step("about", Json::array({core_test::Q("name", "text")}))})));
    Json app = Json::parse(files["app.json"]);
    app["ui"]["staff_pin_titel"] = core_test::T("Staff PIN");
    files["app.json"] = app.dump();
    auto problems = core_test::ProblemsOf(files);
    CHECK(Has(problems, "app.json", "/ui/staff_pin_titel", "unknown key"));
    CHECK(problems.size() == 1);
  }

  TEST_CASE("a bad language code is reported once, not at every text that uses it") {
    // every text carries "fr_FR" and the manifest declares it: one mistake, one problem
    auto files = core_test::Files(core_test::Questionnaire(Json::array({core_test::Step(
                                      "about", Json::array({core_test::Q("name", "text")}))})),
                                  {"en", "fr_FR"});
    auto problems = core_test::ProblemsOf(files);
    CHECK(Has(problems, "manifest.json", "/languages/1/code", "found \"fr_FR\""));
    CHECK(problems.size() == 1);
    // the same as the default language: still the one problem
    Json manifest = Json::parse(files["manifest.json"]);
    manifest["default_language"] = "fr_FR";
    files["manifest.json"] = manifest.dump();
    CHECK(core_test::ProblemsOf(files).size() == 1);
  }
}
