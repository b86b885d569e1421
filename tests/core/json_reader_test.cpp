// Safe JSON parsing (size and depth limits, line and column) and the problem-collecting reader.
#include <doctest/doctest.h>

#include "core/content/json_block.h"
#include "core/content/json_reader.h"
#include "fixtures.h"

using core::Json;
using core::JsonReader;
using core_test::Has;

namespace {

std::string Nested(int levels, const std::string& inside = "") {
  return std::string(static_cast<size_t>(levels), '[') + inside +
         std::string(static_cast<size_t>(levels), ']');
}

}  // namespace

TEST_SUITE("json") {
  TEST_CASE("valid JSON parses") {
    auto j = core::ParseJson(R"({"a": [1, 2.5, "x", true, null]})");
    REQUIRE_MESSAGE(j.ok(), j.error());
    CHECK((*j)["a"][2] == "x");
  }

  TEST_CASE("invalid JSON names the line and column of the mistake") {
    auto j = core::ParseJson("{\n  \"steps\": [,]\n}");
    REQUIRE_FALSE(j.ok());
    CHECK(j.error().find("invalid JSON at line 2, column 13: syntax error") == 0);
    auto third = core::ParseJson("{\"a\": 1,\n\"b\": 2,\n\n   x}");
    CHECK(third.error().find("line 4, column 4") != std::string::npos);
    auto unterminated = core::ParseJson("{\"a\":1");
    CHECK(unterminated.error().find("line 1, column 7") != std::string::npos);
  }

  TEST_CASE("empty text is invalid JSON, not an empty document") {
    CHECK_FALSE(core::ParseJson("").ok());
  }

  TEST_CASE("text over the byte limit is refused before parsing") {
    std::string big = "\"" + std::string(200, 'x') + "\"";
    auto j = core::ParseJson(big, core::JsonLimits{100, 64});
    REQUIRE_FALSE(j.ok());
    CHECK(j.error() == "file is 202 bytes, more than the limit of 100");
    CHECK(core::ParseJson(big, core::JsonLimits{202, 64}).ok());
  }

  TEST_CASE("nesting up to the depth limit parses and deeper nesting is refused") {
    CHECK(core::ParseJson(Nested(64, "1")).ok());
    auto deep = core::ParseJson(Nested(66));
    REQUIRE_FALSE(deep.ok());
    CHECK(deep.error() == "nesting is deeper than 64 levels");
    CHECK_FALSE(core::ParseJson(Nested(65, "1")).ok());
    CHECK(core::ParseJson(Nested(8, "1"), core::JsonLimits{1024, 8}).ok());
    CHECK_FALSE(core::ParseJson(Nested(9, "1"), core::JsonLimits{1024, 8}).ok());
  }

  TEST_CASE("very deep nesting is refused without crashing") {
    CHECK_FALSE(core::ParseJson(Nested(100000)).ok());
    std::string objects;
    for (int i = 0; i < 50000; ++i) objects += "{\"a\":";
    objects += "1";
    objects += std::string(50000, '}');
    auto j = core::ParseJson(objects);
    REQUIRE_FALSE(j.ok());
    CHECK(j.error().find("nesting is deeper") == 0);
  }

  TEST_CASE("dumping replaces invalid UTF-8 instead of throwing") {
    Json j = {{"name", std::string("Mar\xff")}};
    CHECK(core::DumpJson(j) == "{\"name\":\"Mar\xEF\xBF\xBD\"}");
    CHECK(core::DumpJson(Json{{"a", 1}}, 2) == "{\n  \"a\": 1\n}");
  }

  TEST_CASE("a child pointer escapes ~ and / per RFC 6901") {
    CHECK(core::Child("/steps", 2) == "/steps/2");
    CHECK(core::Child("", "steps") == "/steps");
    CHECK(core::Child("/ui", "a/b") == "/ui/a~1b");
    CHECK(core::Child("/ui", "m~n") == "/ui/m~0n");
  }

  TEST_CASE("JSON types are named in words") {
    CHECK(std::string(core::JsonTypeName(Json())) == "null");
    CHECK(std::string(core::JsonTypeName(Json::object())) == "an object");
    CHECK(std::string(core::JsonTypeName(Json::array())) == "an array");
    CHECK(std::string(core::JsonTypeName(Json("x"))) == "a string");
    CHECK(std::string(core::JsonTypeName(Json(true))) == "a boolean");
    CHECK(std::string(core::JsonTypeName(Json(3))) == "an integer");
    CHECK(std::string(core::JsonTypeName(Json(3u))) == "an integer");
    CHECK(std::string(core::JsonTypeName(Json(2.5))) == "a number");
  }

  TEST_CASE("the reader collects a problem for every missing or mistyped field") {
    core::Problems problems;
    JsonReader r("x.json", problems);
    Json j = {{"name", 5}, {"count", "many"}, {"big", 5000}, {"flag", "yes"}, {"empty", ""}};
    CHECK(r.String(j, "/thing", "name", true).empty());
    CHECK(r.String(j, "/thing", "missing", true).empty());
    CHECK(r.String(j, "/thing", "optional", false).empty());
    CHECK_FALSE(r.Int(j, "/thing", "count", true).has_value());
    CHECK_FALSE(r.Int(j, "/thing", "big", true, 0, 100).has_value());
    CHECK(r.Bool(j, "/thing", "flag", true) == true);  // the fallback
    CHECK(r.String(j, "/thing", "empty", true).empty());
    CHECK(Has(problems, "x.json", "/thing/name", "must be a string, found an integer"));
    CHECK(Has(problems, "x.json", "/thing", "missing required \"missing\""));
    CHECK(Has(problems, "x.json", "/thing/count", "must be a whole number, found a string"));
    CHECK(Has(problems, "x.json", "/thing/big", "must be between 0 and 100, found 5000"));
    CHECK(Has(problems, "x.json", "/thing/flag", "must be true or false, found a string"));
    CHECK(Has(problems, "x.json", "/thing/empty", "must not be empty"));
    CHECK(problems.size() == 6);
  }

  TEST_CASE("the reader reports errors at the root as /") {
    core::Problems problems;
    JsonReader r("x.json", problems);
    CHECK_FALSE(r.IsObject(Json::array(), ""));
    CHECK(Has(problems, "x.json", "/", "must be an object, found an array"));
  }

  TEST_CASE("the reader names every unknown key") {
    core::Problems problems;
    JsonReader r("x.json", problems);
    r.AllowOnly(Json{{"id", 1}, {"lable", 2}, {"tpye", 3}}, "/q", {"id", "label", "type"});
    CHECK(problems.size() == 2);
    CHECK(Has(problems, "x.json", "/q/lable", "unknown key \"lable\" (misspelt?)"));
    CHECK(Has(problems, "x.json", "/q/tpye", "unknown key \"tpye\""));
  }

  TEST_CASE("a settings block is an object of known keys; absent, null (and a problem when required)") {
    core::Problems problems;
    JsonReader r("x.json", problems);
    Json j = {{"idle", {{"timeout_s", 90}, {"timout", 1}}}, {"theme", 5}};
    const Json* idle = core::ReadBlock(r, j, "", "idle", false, {"timeout_s", "countdown_s"});
    REQUIRE(idle != nullptr);
    CHECK((*idle)["timeout_s"] == 90);
    CHECK(core::ReadBlock(r, j, "", "theme", false, {"brand"}) == nullptr);
    CHECK(core::ReadBlock(r, j, "", "staff", false, {"gesture"}) == nullptr);
    CHECK(core::ReadBlock(r, j, "", "tls", true, {"cert_file"}) == nullptr);
    CHECK_FALSE(core::ReadBlock(r, Json::array(), "/kiosks/a", {"webhook_secret_files"}));
    CHECK(Has(problems, "x.json", "/idle/timout", "unknown key \"timout\""));
    CHECK(Has(problems, "x.json", "/theme", "must be an object, found an integer"));
    CHECK(Has(problems, "x.json", "/", "missing required \"tls\""));
    CHECK(Has(problems, "x.json", "/kiosks/a", "must be an object, found an array"));
    CHECK(problems.size() == 4);
  }

  TEST_CASE("a localised text needs every declared language, non-empty, and no others") {
    core::Problems problems;
    JsonReader r("x.json", problems, {"en", "es"});
    auto ok = r.LocalText(Json{{"en", "Yes"}, {"es", "Sí"}}, "/yes");
    CHECK(problems.empty());
    CHECK(ok.In("es") == "Sí");
    r.LocalText(Json{{"en", "No"}}, "/no");
    r.LocalText(Json{{"en", "Next"}, {"es", ""}}, "/next");
    r.LocalText(Json{{"en", "Back"}, {"es", "Atrás"}, {"fr", "Retour"}}, "/back");
    r.LocalText(Json{{"en", 1}, {"es", "x"}}, "/n");
    r.LocalText(Json("just a string"), "/s");
    CHECK(Has(problems, "x.json", "/no", "missing the \"es\" text"));
    CHECK(Has(problems, "x.json", "/next/es", "must not be empty"));
    CHECK(Has(problems, "x.json", "/back/fr", "language \"fr\" is not declared in manifest.json"));
    CHECK(Has(problems, "x.json", "/n/en", "must be a string, found an integer"));
    CHECK(Has(problems, "x.json", "/s", "must be a text object like {\"en\": \"...\"}, found a string"));
  }

  TEST_CASE("a Result carries a value or problems") {
    core::Result<int> good(42);
    CHECK(good.ok());
    CHECK(*good == 42);
    CHECK(good.error().empty());
    auto bad = core::Result<int>::Fail("went wrong");
    CHECK_FALSE(bad.ok());
    CHECK(bad.error() == "went wrong");
    REQUIRE(bad.problems().size() == 1);
    CHECK(bad.problems()[0].file.empty());
  }
}

TEST_CASE("a number too large for a double is a problem, not an exception (found by fuzzing)") {
  auto parsed = core::ParseJson(R"({"n": 120e9711})", core::JsonLimits{1024, 8});
  REQUIRE_FALSE(parsed.ok());
  CHECK(parsed.error().find("too large") != std::string::npos);
}
