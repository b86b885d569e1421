// Content loading and validation: every problem as FILE: /json/pointer: message, all of them, not just the
// first.
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "core/content/content_loader.h"
#include "fixtures.h"

using namespace core_test;
using core::Problem;
using core::QuestionType;
using core::Tier;

namespace {

// One valid step to which a test adds the questions it needs.
Json OneStep(Json questions) {
  return Questionnaire(Json::array({Step("s1", std::move(questions))}));
}

std::string Report(const core::Problems& problems) {
  return core::Join(problems);
}

}  // namespace

TEST_SUITE("content loader") {
  TEST_CASE("the default content in content/ loads with zero problems") {
    auto content = core::LoadContent(std::filesystem::path(KIOSK_SOURCE_DIR) / "content");
    REQUIRE_MESSAGE(content.ok(), content.error());
    CHECK(content->id == "glowup-microneedling");
    CHECK_FALSE(content->version.empty());
    CHECK(content->HasLanguage(content->default_language));
    CHECK(content->app.clinic_name == "Glow Up by Vanessa");
    CHECK(content->app.months.size() == 12);
    CHECK(content->FindStep("health") != nullptr);
    CHECK(content->FindQuestion("pregnancy") != nullptr);
  }

  TEST_CASE("a minimal in-memory content parses into steps, questions and lookups") {
    auto c = Load(
        OneStep(Json::array({Q("name", "text", {{"required", true}, {"max_length", 40}}),
                             Q("smoker", "yes_no", {{"follow_ups", Json::array({Q("per_day", "text")})}})})));
    CHECK(c.id == "test-content");
    CHECK(c.version == "1.2.3");
    CHECK(c.default_language == "en");
    REQUIRE(c.steps.size() == 1);
    CHECK(c.steps[0].heading.In("en") == "Title of s1");  // heading defaults to the title
    const core::Question* name = c.FindQuestion("name");
    REQUIRE(name != nullptr);
    CHECK(name->type == QuestionType::kText);
    CHECK(name->required);
    CHECK(name->max_length == 40);
    CHECK(name->label.In("en") == "Label of name");
    REQUIRE(c.FindQuestion("per_day") != nullptr);
    CHECK(c.parent_of.at("per_day") == c.FindQuestion("smoker"));
    CHECK(c.step_of.at("per_day") == &c.steps[0]);
    CHECK(c.FindQuestion("nobody") == nullptr);
    CHECK(c.app.Ui("next").In("en") == "next");
    CHECK(c.app.Ui("no_such_key").empty());
  }

  TEST_CASE("a yes/no follow-up without its own rule is shown when the parent is yes") {
    auto c = Load(
        OneStep(Json::array({Q("smoker", "yes_no", {{"follow_ups", Json::array({Q("per_day", "text")})}})})));
    const auto& rule = c.FindQuestion("per_day")->visible_if;
    REQUIRE(rule.has_value());
    CHECK(rule->kind == core::Condition::Kind::kEquals);
    CHECK(rule->question == "smoker");
    CHECK(std::get<bool>(rule->value) == true);
  }

  TEST_CASE("a copy of content looks questions up in its own steps") {
    core::Content copy;
    {
      auto original = Load(OneStep(Json::array({Q("name", "text")})));
      copy = original;
    }
    const core::Question* q = copy.FindQuestion("name");
    REQUIRE(q != nullptr);
    CHECK(q == &copy.steps[0].questions[0]);
    CHECK(copy.step_of.at("name") == &copy.steps[0]);
  }

  TEST_CASE("a moved content keeps its lookups") {
    auto original = Load(OneStep(Json::array({Q("name", "text")})));
    core::Content moved = std::move(original);
    REQUIRE(moved.FindQuestion("name") != nullptr);
    CHECK(moved.FindQuestion("name") == &moved.steps[0].questions[0]);
  }

  TEST_CASE("a step id may not repeat another step's id") {
    auto problems = ProblemsOf(Questionnaire(Json::array(
        {Step("about", Json::array({Q("a", "text")})), Step("about", Json::array({Q("b", "text")}))})));
    CHECK(Has(problems, "questionnaire.json", "/steps/1/id", "duplicate id \"about\""));
  }

  TEST_CASE("a problem reads as FILE: /json/pointer: message") {
    CHECK(Problem{"questionnaire.json", "/steps/0/id", "must not be empty"}.ToString() ==
          "questionnaire.json: /steps/0/id: must not be empty");
    CHECK(Problem{"app.json", "/", "file is missing"}.ToString() == "app.json: /: file is missing");
    CHECK(Problem{"content", "", "is not a content folder"}.ToString() == "content: is not a content folder");
    CHECK(Problem{"", "", "plain words"}.ToString() == "plain words");
    CHECK(core::Join({Problem{"a.json", "/x", "one"}, Problem{"b.json", "/y", "two"}}) ==
          "a.json: /x: one\nb.json: /y: two");
  }

  TEST_CASE("every problem in a questionnaire is reported, not just the first") {
    Json steps = Json::array({Step(
        "s1",
        Json::array({
            Q("name", "text"),
            Q("name", "text"),  // duplicate id
            Q("ghost", "text",
              {{"visible_if", {{"question", "nope"}, {"equals", "x"}}}}),  // unknown question
            Q("slider", "slider"),                                         // unknown type
            Q("code", "text", {{"pattern", "([a-z"}}),                     // bad regex
            Q("early", "text",
              {{"visible_if", {{"question", "late"}, {"answered", true}}}}),  // later question
            Q("yn", "yes_no",
              {{"flags", Json::array({{{"id", "f1"}, {"reason", "r"}, {"when", {{"equals", true}}}}})}}),
            Q("inc", "text",
              {{"visible_if", {{"question", "yn"}, {"includes", "a"}}}}),  // includes on yes_no
            Q("typo", "text", {{"lable", T("oops")}}),                     // unknown key
            Q("late", "text"),
        }))});
    auto problems = ProblemsOf(Questionnaire(steps));
    INFO(Report(problems));
    const std::string f = "questionnaire.json";
    CHECK(Has(problems, f, "/steps/0/questions/1/id", "duplicate id \"name\""));
    CHECK(Has(problems, f, "/steps/0/questions/2/visible_if/question", "unknown question \"nope\""));
    CHECK(Has(problems, f, "/steps/0/questions/3/type", "unknown question type \"slider\""));
    CHECK(Has(problems, f, "/steps/0/questions/4/pattern", "is not a valid regular expression"));
    CHECK(Has(problems, f, "/steps/0/questions/5/visible_if/question", "can only use earlier answers"));
    CHECK(Has(problems, f, "/steps/0/questions/6/flags/0", "missing required \"tier\""));
    CHECK(Has(problems, f, "/steps/0/questions/7/visible_if/includes", "is not a multi_choice question"));
    CHECK(Has(problems, f, "/steps/0/questions/8/lable", "unknown key \"lable\""));
    CHECK(problems.size() >= 8);
  }

  TEST_CASE("problems in different files are all reported together") {
    Json manifest = Manifest();
    manifest["languages"].push_back({{"code", "English"}, {"name", "x"}});
    Json app = App();
    app["ui"].erase("next");
    Json q = OneStep(Json::array({Q("Bad Id", "text")}));
    auto problems = ProblemsOf(FileMap{
        {"manifest.json", manifest.dump()}, {"app.json", app.dump()}, {"questionnaire.json", q.dump()}});
    INFO(Report(problems));
    CHECK(Has(problems, "manifest.json", "/languages/1/code", "must be a language code"));
    CHECK(Has(problems, "app.json", "/ui", "missing required \"next\""));
    CHECK(Has(problems, "questionnaire.json", "/steps/0/questions/0/id", "must use only a-z, 0-9 and _"));
  }

  TEST_CASE("a text missing one of the declared languages is named with its pointer") {
    const std::vector<std::string> both = {"en", "es"};
    Json q = Questionnaire(
        Json::array({{{"id", "s1"},
                      {"title", T("Step", both)},
                      {"questions", Json::array({{{"id", "name"},
                                                  {"type", "text"},
                                                  {"label", {{"en", "Name"}}},
                                                  {"help", {{"en", "Help"}, {"es", ""}}}}})}}}));
    auto problems = ProblemsOf(FileMap{{"manifest.json", Manifest(both).dump()},
                                       {"app.json", App(both).dump()},
                                       {"questionnaire.json", q.dump()}});
    INFO(Report(problems));
    CHECK(Has(problems, "questionnaire.json", "/steps/0/questions/0/label", "missing the \"es\" text"));
    CHECK(Has(problems, "questionnaire.json", "/steps/0/questions/0/help/es", "must not be empty"));
    CHECK(problems.size() == 2);
  }

  TEST_CASE("a text in a language the manifest does not declare is a problem") {
    auto problems =
        ProblemsOf(OneStep(Json::array({Q("name", "text", {{"label", {{"en", "Name"}, {"fr", "Nom"}}}})})));
    CHECK(Has(problems, "questionnaire.json", "/steps/0/questions/0/label/fr",
              "\"fr\" is not declared in manifest.json"));
  }

  TEST_CASE("app.json must have every language for every screen text") {
    Json app = App({"en", "es"});
    app["thank_you"]["body"].erase("es");
    app["ui"]["months"].erase(11);
    const std::vector<std::string> both = {"en", "es"};
    Json q = Questionnaire(Json::array(
        {{{"id", "s1"},
          {"title", T("Step", both)},
          {"questions", Json::array({{{"id", "name"}, {"type", "text"}, {"label", T("Name", both)}}})}}}));
    auto problems = ProblemsOf(FileMap{{"manifest.json", Manifest(both).dump()},
                                       {"app.json", app.dump()},
                                       {"questionnaire.json", q.dump()}});
    INFO(Report(problems));
    CHECK(Has(problems, "app.json", "/thank_you/body", "missing the \"es\" text"));
    CHECK(Has(problems, "app.json", "/ui/months", "must list 12 month names, found 11"));
  }

  TEST_CASE("two questions with the same id are a problem, also between a step and a question") {
    auto problems =
        ProblemsOf(Questionnaire(Json::array({Step("about", Json::array({Q("about", "text")}))})));
    CHECK(Has(problems, "questionnaire.json", "/steps/0/questions/0/id", "duplicate id \"about\""));
  }

  TEST_CASE("a rule naming an unknown question is a problem, in visibility rules and flags alike") {
    auto problems = ProblemsOf(OneStep(
        Json::array({Q("yn", "yes_no",
                       {{"flags", Json::array({{{"id", "f"},
                                                {"tier", "review"},
                                                {"reason", "r"},
                                                {"when", {{"question", "nope"}, {"equals", true}}}}})}})})));
    CHECK(Has(problems, "questionnaire.json", "/steps/0/questions/0/flags/0/when/question",
              "unknown question \"nope\""));
  }

  TEST_CASE("a rule referring to a question in a later step is a problem") {
    Json q = Questionnaire(Json::array({
        Step("first",
             Json::array({Q("a", "text", {{"visible_if", {{"question", "b"}, {"answered", true}}}})})),
        Step("second", Json::array({Q("b", "text")})),
    }));
    auto problems = ProblemsOf(q);
    CHECK(Has(problems, "questionnaire.json", "/steps/0/questions/0/visible_if/question",
              "\"b\" is not asked before this"));
  }

  TEST_CASE("a step rule may only use answers from earlier steps") {
    Json q = Questionnaire(Json::array({
        Step("first", Json::array({Q("a", "yes_no")})),
        Step("second", Json::array({Q("b", "yes_no")}),
             {{"visible_if", {{"question", "b"}, {"equals", true}}}}),
    }));
    auto problems = ProblemsOf(q);
    CHECK(
        Has(problems, "questionnaire.json", "/steps/1/visible_if/question", "can only use earlier answers"));
    Json ok = q;
    ok["steps"][1]["visible_if"]["question"] = "a";
    Load(ok);
  }

  TEST_CASE("a rule nested in all/any/not is checked with the right pointer") {
    Json rule = {{"all", Json::array({{{"question", "yn"}, {"equals", true}},
                                      {{"not", {{"question", "gone"}, {"answered", true}}}}})}};
    auto problems =
        ProblemsOf(OneStep(Json::array({Q("yn", "yes_no"), Q("x", "text", {{"visible_if", rule}})})));
    CHECK(Has(problems, "questionnaire.json", "/steps/0/questions/1/visible_if/all/1/not/question",
              "unknown question \"gone\""));
  }

  TEST_CASE("a flag needs a tier, a known tier, and defer flags need a waiting period") {
    Json flags = Json::array({
        {{"id", "f0"}, {"reason", "r"}, {"when", {{"equals", true}}}},
        {{"id", "f1"}, {"tier", "urgent"}, {"reason", "r"}, {"when", {{"equals", true}}}},
        {{"id", "f2"}, {"tier", "defer"}, {"reason", "r"}, {"when", {{"equals", true}}}},
        {{"id", "f3"}, {"tier", "review"}, {"reason", "r"}, {"wait_days", 3}, {"when", {{"equals", true}}}},
        {{"id", "f3"}, {"tier", "stop"}, {"reason", "r"}},
    });
    auto problems = ProblemsOf(OneStep(Json::array({Q("yn", "yes_no", {{"flags", flags}})})));
    INFO(Report(problems));
    const std::string p = "/steps/0/questions/0/flags/";
    CHECK(Has(problems, "questionnaire.json", p + "0", "missing required \"tier\""));
    CHECK(Has(problems, "questionnaire.json", p + "1/tier",
              "must be \"stop\", \"defer\" or \"review\", found \"urgent\""));
    CHECK(Has(problems, "questionnaire.json", p + "2", "missing required \"wait_days\""));
    CHECK(Has(problems, "questionnaire.json", p + "3/wait_days", "only defer flags have a waiting period"));
    CHECK(Has(problems, "questionnaire.json", p + "4", "missing required \"when\""));
    CHECK(Has(problems, "questionnaire.json", p + "4/id", "duplicate flag id \"f3\""));
  }

  TEST_CASE("a valid flag of each tier is loaded with its reason and waiting period") {
    Json flags = Json::array({
        {{"id", "s"}, {"tier", "stop"}, {"reason", "Stop reason"}, {"when", {{"equals", true}}}},
        {{"id", "d"},
         {"tier", "defer"},
         {"reason", "Defer reason"},
         {"wait_days", 14},
         {"when", {{"equals", true}}}},
        {{"id", "r"}, {"tier", "review"}, {"reason", "Review reason"}, {"when", {{"equals", false}}}},
    });
    auto c = Load(OneStep(Json::array({Q("yn", "yes_no", {{"flags", flags}})})));
    const auto& f = c.FindQuestion("yn")->flags;
    REQUIRE(f.size() == 3);
    CHECK(f[0].tier == Tier::kStop);
    CHECK(f[1].tier == Tier::kDefer);
    CHECK(f[1].wait_days == 14);
    CHECK(f[2].tier == Tier::kReview);
    CHECK(f[2].reason == "Review reason");
    CHECK(f[0].when.question.empty());  // about the question the flag belongs to
  }

  TEST_CASE("includes on a question that is not multi_choice is a problem, and so is an unknown option") {
    auto problems = ProblemsOf(OneStep(Json::array({
        Q("one", "single_choice"),
        Q("many", "multi_choice"),
        Q("x", "text", {{"visible_if", {{"question", "one"}, {"includes", "a"}}}}),
        Q("y", "text", {{"visible_if", {{"question", "many"}, {"includes", "zzz"}}}}),
        Q("z", "text", {{"visible_if", {{"question", "one"}, {"equals", "zzz"}}}}),
    })));
    INFO(Report(problems));
    CHECK(Has(problems, "questionnaire.json", "/steps/0/questions/2/visible_if/includes",
              "\"one\" is not a multi_choice question"));
    CHECK(Has(problems, "questionnaire.json", "/steps/0/questions/3/visible_if/includes",
              "has no option \"zzz\""));
    CHECK(Has(problems, "questionnaire.json", "/steps/0/questions/4/visible_if/equals",
              "has no option \"zzz\""));
  }

  TEST_CASE("equals must fit the type of the question it names") {
    auto problems = ProblemsOf(OneStep(Json::array({
        Q("yn", "yes_no"),
        Q("name", "text"),
        Q("many", "multi_choice"),
        Q("a", "text", {{"visible_if", {{"question", "yn"}, {"equals", "yes"}}}}),
        Q("b", "text", {{"visible_if", {{"question", "name"}, {"equals", true}}}}),
        Q("c", "text", {{"visible_if", {{"question", "many"}, {"equals", "a"}}}}),
        Q("d", "text", {{"visible_if", {{"question", "yn"}, {"equals", 1}}}}),
    })));
    INFO(Report(problems));
    CHECK(Has(problems, "questionnaire.json", "/steps/0/questions/3/visible_if/equals", "use true or false"));
    CHECK(Has(problems, "questionnaire.json", "/steps/0/questions/4/visible_if/equals",
              "true/false only fits"));
    CHECK(Has(problems, "questionnaire.json", "/steps/0/questions/5/visible_if/equals", "use \"includes\""));
    CHECK(Has(problems, "questionnaire.json", "/steps/0/questions/6/visible_if/equals",
              "must be true, false or an option id"));
  }

  TEST_CASE("a condition needs exactly one test, and an age rule needs a date question and a bound") {
    auto problems = ProblemsOf(OneStep(Json::array({
        Q("dob", "date"),
        Q("name", "text"),
        Q("a", "text", {{"visible_if", {{"question", "name"}, {"answered", true}, {"equals", "x"}}}}),
        Q("b", "text", {{"visible_if", {{"question", "name"}}}}),
        Q("c", "text", {{"visible_if", {{"age_from", "dob"}}}}),
        Q("d", "text", {{"visible_if", {{"age_from", "name"}, {"below", 18}}}}),
        Q("e", "text", {{"visible_if", {{"any", Json::array()}}}}),
        Q("f", "text", {{"visible_if", {{"answered", true}}}}),
    })));
    INFO(Report(problems));
    const std::string f = "questionnaire.json";
    CHECK(Has(problems, f, "/steps/0/questions/2/visible_if", "needs exactly one of"));
    CHECK(Has(problems, f, "/steps/0/questions/3/visible_if", "needs exactly one of"));
    CHECK(Has(problems, f, "/steps/0/questions/4/visible_if", "needs \"at_least\", \"below\" or both"));
    CHECK(Has(problems, f, "/steps/0/questions/5/visible_if/age_from", "is not a date question"));
    CHECK(Has(problems, f, "/steps/0/questions/6/visible_if/any", "must list at least one condition"));
    CHECK(Has(problems, f, "/steps/0/questions/7/visible_if", "missing required \"question\""));
  }

  TEST_CASE("type-specific keys are refused on the wrong types") {
    auto problems = ProblemsOf(OneStep(Json::array({
        Q("one", "single_choice", {{"options", Json::array({{{"id", "a"}, {"label", T("A")}}})}}),
        Q("yn", "yes_no",
          {{"options", Json::array({{{"id", "a"}, {"label", T("A")}}, {{"id", "b"}, {"label", T("B")}}})}}),
        Q("dob", "date", {{"max_length", 3}}),
        Q("name", "text", {{"min_age", 3}}),
        Q("read", "info", {{"required", true}}),
        Q("agree", "consent", {{"version", ""}}),
        Q("note", "text", {{"version", "v1"}}),
        Q("short", "text", {{"min_length", 9}, {"max_length", 3}}),
        Q("dup", "multi_choice",
          {{"options", Json::array({{{"id", "a"}, {"label", T("A")}}, {{"id", "a"}, {"label", T("B")}}})}}),
    })));
    INFO(Report(problems));
    const std::string f = "questionnaire.json", p = "/steps/0/questions/";
    CHECK(Has(problems, f, p + "0/options", "needs at least two options"));
    CHECK(Has(problems, f, p + "1/options", "a yes_no question has no options"));
    CHECK(Has(problems, f, p + "2", "min_length/max_length only fit"));
    CHECK(Has(problems, f, p + "3", "min_age/max_age only fit date questions"));
    CHECK(Has(problems, f, p + "4", "an info block cannot be required"));
    CHECK(Has(problems, f, p + "5/version", "must not be empty"));
    CHECK(Has(problems, f, p + "6/version", "only consent questions have a text version"));
    CHECK(Has(problems, f, p + "7/min_length", "is larger than max_length"));
    CHECK(Has(problems, f, p + "8/options/1/id", "duplicate option id \"a\""));
  }

  TEST_CASE("unknown keys are named at every level") {
    Json q = OneStep(Json::array({Q("one", "single_choice")}));
    q["stepz"] = 1;
    q["steps"][0]["titel"] = T("x");
    q["steps"][0]["questions"][0]["options"][0]["colour"] = "red";
    auto problems = ProblemsOf(q);
    INFO(Report(problems));
    CHECK(Has(problems, "questionnaire.json", "/stepz", "unknown key \"stepz\""));
    CHECK(Has(problems, "questionnaire.json", "/steps/0/titel", "unknown key \"titel\""));
    CHECK(Has(problems, "questionnaire.json", "/steps/0/questions/0/options/0/colour",
              "unknown key \"colour\""));
  }

  TEST_CASE("a wrong JSON type is named with what was found") {
    Json q = OneStep(Json::array({Q("name", "text", {{"required", "yes"}, {"max_length", 2.5}})}));
    q["steps"][0]["questions"].push_back("not a question");
    auto problems = ProblemsOf(q);
    INFO(Report(problems));
    CHECK(Has(problems, "questionnaire.json", "/steps/0/questions/0/required",
              "must be true or false, found a string"));
    CHECK(Has(problems, "questionnaire.json", "/steps/0/questions/0/max_length",
              "must be a whole number, found a number"));
    CHECK(Has(problems, "questionnaire.json", "/steps/0/questions/1", "must be an object, found a string"));
  }

  TEST_CASE("invalid JSON is reported with its file, line and column") {
    auto files = Files(OneStep(Json::array({Q("name", "text")})));
    files["questionnaire.json"] = "{\n  \"steps\": [,]\n}";
    auto problems = ProblemsOf(files);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].file == "questionnaire.json");
    CHECK(problems[0].pointer == "/");
    CHECK(problems[0].message.find("invalid JSON at line 2, column 13") == 0);
    CHECK(problems[0].ToString().find("questionnaire.json: /: invalid JSON at line 2, column 13") == 0);
  }

  TEST_CASE("too-deep nesting is refused, not parsed") {
    auto files = Files(OneStep(Json::array({Q("name", "text")})));
    files["app.json"] = std::string(5000, '[') + std::string(5000, ']');
    auto problems = ProblemsOf(files);
    CHECK(Has(problems, "app.json", "/", "nesting is deeper than 64 levels"));
  }

  TEST_CASE("a file that is not there is reported by name") {
    auto files = Files(OneStep(Json::array({Q("name", "text")})));
    files.erase("app.json");
    auto problems = ProblemsOf(files);
    CHECK(Has(problems, "app.json", "/", "file is missing"));
  }

  TEST_CASE("the manifest declares valid, unique languages and a default among them") {
    Json m = Manifest({"en"});
    m["languages"].push_back({{"code", "en"}, {"name", "again"}});
    m["default_language"] = "de";
    auto problems =
        ProblemsOf(FileMap{{"manifest.json", m.dump()},
                           {"app.json", App().dump()},
                           {"questionnaire.json", OneStep(Json::array({Q("a", "text")})).dump()}});
    CHECK(Has(problems, "manifest.json", "/languages/1/code", "declared twice"));
    CHECK(Has(problems, "manifest.json", "/default_language", "\"de\" is not one of the declared languages"));
  }

  TEST_CASE("app.json's screens, highlights and timings are read") {
    Json app = App();
    app["attract"]["highlights"] = Json::array({T("One"), T("Two")});
    app["attract"]["rotate_s"] = 9;
    app["thank_you"]["return_s"] = 12;
    auto c = Load(FileMap{{"manifest.json", Manifest().dump()},
                          {"app.json", app.dump()},
                          {"questionnaire.json", OneStep(Json::array({Q("a", "text")})).dump()}});
    CHECK(c.app.clinic_name == "Test Clinic");
    REQUIRE(c.app.attract.highlights.size() == 2);
    CHECK(c.app.attract.highlights[1].In("en") == "Two");
    CHECK(c.app.attract.rotate_s == 9);
    CHECK(c.app.thank_you.return_s == 12);
    CHECK(c.app.idle.continue_.In("en") == "Continue");
    CHECK(c.app.months[0].In("en") == "month 1");
  }

  TEST_CASE("app.json timings out of range are named") {
    Json app = App();
    app["attract"]["rotate_s"] = 1;
    app["thank_you"]["return_s"] = 0;
    auto problems =
        ProblemsOf(FileMap{{"manifest.json", Manifest().dump()},
                           {"app.json", app.dump()},
                           {"questionnaire.json", OneStep(Json::array({Q("a", "text")})).dump()}});
    CHECK(Has(problems, "app.json", "/attract/rotate_s", "must be between 2 and 120, found 1"));
    CHECK(Has(problems, "app.json", "/thank_you/return_s", "must be between 3 and 120, found 0"));
  }

  TEST_CASE("types and tiers have their content names") {
    CHECK(std::string(core::ToString(QuestionType::kSingleChoice)) == "single_choice");
    CHECK(std::string(core::ToString(QuestionType::kYesNo)) == "yes_no");
    CHECK(std::string(core::ToString(QuestionType::kSignature)) == "signature");
    CHECK(std::string(core::ToString(Tier::kStop)) == "stop");
    CHECK(std::string(core::ToString(Tier::kDefer)) == "defer");
    CHECK(std::string(core::ToString(Tier::kReview)) == "review");
  }

  TEST_CASE("a file over the size limit is not read") {
    auto file =
        std::filesystem::temp_directory_path() / ("core_unit_big_" + std::to_string(::getpid()) + ".json");
    std::ofstream(file) << std::string(2000, ' ');
    auto small = core::ReadFile(file, 1000);
    CHECK_FALSE(small.ok());
    CHECK(small.error().find("larger than 1000 bytes") != std::string::npos);
    auto fits = core::ReadFile(file, 2000);
    REQUIRE(fits.ok());
    CHECK(fits->size() == 2000);
    std::filesystem::remove(file);
  }

  TEST_CASE("loading a folder reads the three files from disk") {
    auto dir = std::filesystem::temp_directory_path() / ("core_unit_content_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    auto files = Files(OneStep(Json::array({Q("name", "text")})));
    for (const auto& [name, text] : files) std::ofstream(dir / name) << text;
    auto ok = core::LoadContent(dir);
    CHECK_MESSAGE(ok.ok(), ok.error());

    std::filesystem::remove(dir / "app.json");
    auto missing = core::LoadContent(dir);
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.problems().size() == 1);
    CHECK(missing.problems()[0].file == "app.json");
    CHECK(missing.problems()[0].message.find("cannot read") == 0);
    std::filesystem::remove_all(dir);

    auto nowhere = core::LoadContent(dir / "no-such-folder");
    REQUIRE_FALSE(nowhere.ok());
    CHECK(nowhere.error().find("is not a content folder") != std::string::npos);
  }
}
