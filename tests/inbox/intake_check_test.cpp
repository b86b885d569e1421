// CheckIntakeV1 against the shared intake cases (the same cases python3-jsonschema checks), and the shape
// of its problems.
#include <doctest/doctest.h>

#include "core/content/content_loader.h"
#include "inbox/rules/intake_check.h"

using core::Json;

namespace {

Json Cases() {
  auto text = core::ReadFile(std::string(KIOSK_SOURCE_DIR) + "/tests/inbox/fixtures/intake_cases.json");
  REQUIRE(text.ok());
  return Json::parse(*text);
}

}  // namespace

TEST_CASE("every intake case gets the verdict the case states (and jsonschema gives)") {
  const Json cases = Cases();
  REQUIRE(cases["cases"].size() > 50);
  for (const auto& c : cases["cases"]) {
    CAPTURE(c["name"].get<std::string>());
    Json doc = cases["base"].patch(c["patch"]);
    core::Problems problems = core::CheckIntakeV1(doc);
    CAPTURE(core::Join(problems));
    CHECK(problems.empty() == c["valid"].get<bool>());
  }
}

TEST_CASE("problems name the JSON pointer and never quote the value") {
  Json doc = Cases()["base"];
  doc["answers"]["secret_answer"] = 42.5;
  doc["intake_id"] = "Maria Lopez";
  core::Problems problems = core::CheckIntakeV1(doc);
  REQUIRE(problems.size() == 2);
  const std::string all = core::Join(problems);
  CHECK(all.find("/answers/secret_answer") != std::string::npos);
  CHECK(all.find("/intake_id") != std::string::npos);
  CHECK(all.find("Maria") == std::string::npos);
  CHECK(all.find("42") == std::string::npos);
}

TEST_CASE("a document that is not an object is one problem at the root") {
  core::Problems problems = core::CheckIntakeV1(Json::array());
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].pointer == "/");
}
