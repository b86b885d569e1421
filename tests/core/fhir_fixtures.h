// Fixtures of the FHIR tests (fhir_questionnaire_test.cpp, fhir_response_test.cpp): the default content's
// Questionnaire, a full visit by a minor with a guardian as an intake and its QuestionnaireResponse, and
// readers and checkers of FHIR JSON (items by linkId, extensions, the value[x] of an item type).
#pragma once

#include <functional>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "core/delivery/fhir.h"
#include "core/visit/intake.h"
#include "fixtures.h"

namespace fhir_test {

using namespace core_test;
namespace in = core::intent;

inline const std::string kUrl = "urn:glowup-kiosk:questionnaire:glowup-microneedling";
// A 1x1 PNG, standard base64.
inline const std::string kPng =
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

inline core::IntakeContext FhirContext(bool demo = false) {
  core::IntakeContext ctx;
  ctx.kiosk_id = "front-desk-1";
  ctx.submitted_at = At(2026, 11, 25, 9, 4, 30) + std::chrono::milliseconds(250);
  ctx.today = kToday;
  ctx.demo = demo;
  ctx.signature_png_base64 = [](const core::Signature&) { return kPng; };
  return ctx;
}

// A full visit to the default content by a 16-year-old with a guardian, some flags and follow-ups.
inline core::Session MinorVisit() {
  core::Session s;
  s.screen = core::Screen::kSubmitting;
  s.language = "en";
  s.intake_id = "3f0c2a5e-8d4b-4c1a-9e7f-0123456789ab";
  s.started_at = At(2026, 11, 25, 9, 0, 0);
  s.answers = {{"privacy_ack", true},
               {"first_name", std::string("María")},
               {"last_name", std::string("  Núñez ")},
               {"date_of_birth", std::string("2010-03-15")},
               {"phone", std::string("+34 600 123 456")},
               {"email", std::string("maria@example.es")},
               {"heard_about", std::string("other")},
               {"heard_about_other", std::string("A friend at the gym")},
               {"skin_concerns", std::vector<std::string>{"acne_scars", "other"}},
               {"concerns_other", std::string("Dark circles")},
               {"areas", std::vector<std::string>{"face", "body"}},
               {"areas_body_details", std::string("Upper arms")},
               {"previous_treatments", std::vector<std::string>{"chemical_peel"}},
               {"previous_treatments_details", std::string("Peel in 2024")},
               {"treatment_consent", true},
               {"photo_consent", false},
               {"marketing_consent", true},  // hidden for a minor (issue 18): never submitted
               {"guardian_statement", true},
               {"guardian_name", std::string("Ana Núñez")},
               {"guardian_signature", Line()},
               {"client_signature", Line()}};
  for (const auto& q : DefaultContent().FindStep("health")->questions) {
    core::ForEachQuestion(std::vector<core::Question>{q},
                          [&](const core::Question& x) { s.answers.emplace(x.id, false); });
  }
  s.answers["pregnancy"] = true;
  s.answers["recent_sun"] = true;
  s.answers["blood_thinners"] = true;
  s.answers["isotretinoin_12m"] = true;  // isotretinoin_now stays false
  s.answers["isotretinoin_months_since"] = std::string("3");
  s.answers["allergy_skincare"] = true;
  s.answers["allergy_skincare_details"] = std::string("Fragrance");
  return s;
}

inline Json Intake(const core::Session& s = MinorVisit(), bool demo = false) {
  return core::BuildIntake(DefaultContent(), s, FhirContext(demo));
}

inline Json FhirQuestionnaire() {
  return core::ToFhirQuestionnaire(DefaultContent(), "en");
}

inline Json Response(const Json& intake = Intake()) {
  return core::ToFhirQuestionnaireResponse(DefaultContent(), intake);
}

// Every item of a Questionnaire or QuestionnaireResponse, depth first (item.item and answer.item).
inline void ForEachItem(const Json& parent, const std::function<void(const Json&)>& f) {
  if (parent.contains("item")) {
    for (const auto& item : parent["item"]) {
      f(item);
      ForEachItem(item, f);
    }
  }
  if (parent.contains("answer")) {
    for (const auto& answer : parent["answer"]) ForEachItem(answer, f);
  }
}

inline std::map<std::string, Json> ItemsByLinkId(const Json& resource) {
  std::map<std::string, Json> out;
  ForEachItem(resource, [&](const Json& item) { out.emplace(item["linkId"].get<std::string>(), item); });
  return out;
}

// The item with `link_id` (anywhere), or null.
inline Json Item(const Json& resource, const std::string& link_id) {
  auto items = ItemsByLinkId(resource);
  auto it = items.find(link_id);
  return it == items.end() ? Json() : it->second;
}

inline std::vector<std::string> Codes(const Json& answers) {
  std::vector<std::string> out;
  for (const auto& a : answers) out.push_back(a["valueCoding"]["code"]);
  return out;
}

inline const Json* Extension(const Json& obj, const std::string& url) {
  if (!obj.contains("extension")) return nullptr;
  for (const auto& e : obj["extension"]) {
    if (e["url"] == url) return &e;
  }
  return nullptr;
}

inline std::vector<Json> Extensions(const Json& obj, const std::string& url) {
  std::vector<Json> out;
  if (obj.contains("extension")) {
    for (const auto& e : obj["extension"]) {
      if (e["url"] == url) out.push_back(e);
    }
  }
  return out;
}

inline Json Part(const Json& extension, const std::string& url) {
  for (const auto& e : extension["extension"]) {
    if (e["url"] == url) return e;
  }
  return Json();
}

inline bool Matches(const Json& value, const char* pattern) {
  return value.is_string() && std::regex_match(value.get<std::string>(), std::regex(pattern));
}

inline constexpr const char* kDate = "[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])";
inline constexpr const char* kDateTime =
    "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})";

// The rules of FHIR JSON that hold anywhere: no nulls, no empty arrays, objects or strings, no padding in
// strings, absolute URLs on top-level extensions (nested ones may be simple names), typed primitives.
inline void CheckFhirJson(const Json& j, const std::string& path, bool nested_extension = false) {
  CAPTURE(path);
  CHECK_FALSE(j.is_null());
  if (j.is_string()) {
    const auto& s = j.get<std::string>();
    CHECK_FALSE(s.empty());
    if (!s.empty()) CHECK(s.find_first_of(" \t\r\n") != 0);
  }
  if (j.is_array() || j.is_object()) CHECK_FALSE(j.empty());
  if (j.is_array()) {
    for (size_t i = 0; i < j.size(); ++i)
      CheckFhirJson(j[i], path + "/" + std::to_string(i), nested_extension);
    return;
  }
  if (!j.is_object()) return;
  if (j.contains("url") && path.find("/extension/") != std::string::npos && !nested_extension) {
    CHECK(Matches(j["url"], "(urn:|https?://).+"));
  }
  for (const char* key : {"valueDate", "answerDate"}) {
    if (j.contains(key)) CHECK(Matches(j[key], kDate));
  }
  for (const char* key : {"authored", "valueDateTime"}) {
    if (j.contains(key)) CHECK(Matches(j[key], kDateTime));
  }
  for (auto& [key, value] : j.items()) {
    bool inner = nested_extension || (key == "extension" && path.find("/extension/") != std::string::npos);
    CheckFhirJson(value, path + "/" + key, inner);
  }
}

// FHIR's structural rules for items: groups have items and no answers, display items have neither,
// required/repeats not on display, answerOption only on choice, nested items of a question under its answers.
inline void CheckItems(const Json& resource, bool response) {
  ForEachItem(resource, [&](const Json& item) {
    CAPTURE(item["linkId"]);
    REQUIRE(item.contains("linkId"));
    if (response) {
      CHECK_FALSE((item.contains("item") && item.contains("answer")));
      return;
    }
    std::string type = item["type"];
    if (type == "group") CHECK(item.contains("item"));
    if (type == "display") {
      CHECK_FALSE(item.contains("item"));
      CHECK_FALSE(item.contains("required"));
      CHECK_FALSE(item.contains("repeats"));
    }
    if (item.contains("answerOption")) CHECK(type == "choice");
    if (item.contains("enableWhen") && item["enableWhen"].size() > 1) CHECK(item.contains("enableBehavior"));
  });
}

// The value[x] a QuestionnaireResponse answer must use for a Questionnaire item type.
inline std::string ValueKeyFor(const std::string& type) {
  if (type == "boolean") return "valueBoolean";
  if (type == "choice") return "valueCoding";
  if (type == "string") return "valueString";
  if (type == "date") return "valueDate";
  if (type == "integer") return "valueInteger";
  if (type == "attachment") return "valueAttachment";
  return "";
}

}  // namespace fhir_test
