// Shared helpers for the core unit tests: small in-memory content, a manual clock and a kiosk that applies
// intents.
#pragma once

#include <doctest/doctest.h>

#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "core/base/clock.h"
#include "core/base/date.h"
#include "core/content/content_loader.h"
#include "core/content/json_reader.h"
#include "core/content/ui_keys.h"
#include "core/visit/flow.h"
#include "core/visit/rules.h"
#include "core/visit/session.h"

namespace core_test {

using core::Json;
using FileMap = std::map<std::string, std::string>;  // file name -> JSON text

// "Today" for the tests that need a fixed date.
inline const core::Date kToday{2026, 11, 25};

// A localised text with the same words in every language (prefixed by the code for the others).
inline Json T(const std::string& words, const std::vector<std::string>& languages = {"en"}) {
  Json t = Json::object();
  for (const auto& lang : languages) t[lang] = lang == "en" ? words : lang + ": " + words;
  return t;
}

inline Json Manifest(const std::vector<std::string>& languages = {"en"}) {
  Json langs = Json::array();
  for (const auto& code : languages) langs.push_back({{"code", code}, {"name", code}});
  return {{"id", "test-content"},
          {"version", "1.2.3"},
          {"languages", langs},
          {"default_language", languages.front()}};
}

// A minimal valid app.json in the given languages.
inline Json App(const std::vector<std::string>& languages = {"en"}, int return_s = 8) {
  auto t = [&](const std::string& words) { return T(words, languages); };
  Json ui = Json::object();
  for (std::string_view key : core::UiKeys()) ui[std::string(key)] = t(std::string(key));
  ui["step_of"] = t("Step {n} of {m} · {title}");
  Json months = Json::array();
  for (int i = 1; i <= 12; ++i) months.push_back(t("month " + std::to_string(i)));
  ui["months"] = months;
  return {{"clinic_name", "Test Clinic"},
          {"attract", {{"title", t("Welcome")}, {"tap_to_start", t("Tap to start")}}},
          {"language", {{"title", t("Choose your language")}}},
          {"review",
           {{"title", t("Check")},
            {"edit", t("Edit")},
            {"not_answered", t("Not answered")},
            {"submit", t("Send")}}},
          {"thank_you", {{"title", t("Thank you")}, {"body", t("Take a seat")}, {"return_s", return_s}}},
          {"idle",
           {{"title", t("Still there?")},
            {"body", t("Tap to carry on")},
            {"continue", t("Continue")},
            {"start_over", t("Start over")}}},
          {"ui", ui}};
}

// A question with a label in English; `extra` is merged in.
inline Json Q(const std::string& id, const std::string& type, Json extra = Json::object()) {
  Json q = {{"id", id}, {"type", type}, {"label", T("Label of " + id)}};
  if (type == "info" || type == "consent") q["body"] = T("Body of " + id);
  if (type == "consent") q["version"] = "v7";
  if (type == "single_choice" || type == "multi_choice") {
    q["options"] = Json::array({{{"id", "a"}, {"label", T("A")}},
                                {{"id", "b"}, {"label", T("B")}},
                                {{"id", "other"}, {"label", T("Other")}}});
  }
  for (auto& [key, value] : extra.items()) q[key] = value;
  return q;
}

inline Json Step(const std::string& id, Json questions, Json extra = Json::object()) {
  Json s = {{"id", id}, {"title", T("Title of " + id)}, {"questions", std::move(questions)}};
  for (auto& [key, value] : extra.items()) s[key] = value;
  return s;
}

inline Json Questionnaire(Json steps) {
  return {{"steps", std::move(steps)}};
}

// Adds the other languages to every English-only text {"en": "..."} in `j`.
inline Json Localise(Json j, const std::vector<std::string>& languages) {
  if (j.is_object() && j.size() == 1 && j.contains("en") && j["en"].is_string()) return T(j["en"], languages);
  if (j.is_structured()) {
    for (auto& item : j) item = Localise(item, languages);
  }
  return j;
}

inline std::map<std::string, std::string> Files(const Json& questionnaire,
                                                const std::vector<std::string>& languages = {"en"}) {
  return {{"manifest.json", Manifest(languages).dump()},
          {"app.json", App(languages).dump()},
          {"questionnaire.json", Localise(questionnaire, languages).dump()}};
}

// Parses content that must be valid; fails the test with every problem otherwise.
inline core::Content Load(const std::map<std::string, std::string>& files) {
  auto content = core::ParseContent(files);
  REQUIRE_MESSAGE(content.ok(), content.error());
  return *content;
}

inline core::Content Load(const Json& questionnaire, const std::vector<std::string>& languages = {"en"}) {
  return Load(Files(questionnaire, languages));
}

// The problems of content that must be invalid.
inline core::Problems ProblemsOf(const std::map<std::string, std::string>& files) {
  auto content = core::ParseContent(files);
  REQUIRE_MESSAGE(!content.ok(), "content was expected to have problems");
  return content.problems();
}

inline core::Problems ProblemsOf(const Json& questionnaire) {
  return ProblemsOf(Files(questionnaire));
}

// True when some problem is about `file` at exactly `pointer` and its message contains `words`.
inline bool Has(const core::Problems& problems, const std::string& file, const std::string& pointer,
                const std::string& words) {
  for (const auto& p : problems) {
    if (p.file == file && p.pointer == pointer && p.message.find(words) != std::string::npos) return true;
  }
  return false;
}

// The real default content in content/.
inline const core::Content& DefaultContent() {
  static const core::Content content = [] {
    auto loaded = core::LoadContent(std::filesystem::path(KIOSK_SOURCE_DIR) / "content");
    REQUIRE_MESSAGE(loaded.ok(), loaded.error());
    return *loaded;
  }();
  return content;
}

// A moment in UTC.
inline core::TimePoint At(int y, unsigned m, unsigned d, int h = 9, int min = 0, int s = 0) {
  using namespace std::chrono;
  return sys_days{year{y} / month{m} / day{d}} + hours{h} + minutes{min} + seconds{s};
}

inline core::Date D(int y, int m, int d) {
  return core::Date{y, m, d};
}

// A signature with one horizontal line across `fraction` of a 400x200 pad.
inline core::Signature Line(float fraction = 0.8f) {
  core::Signature s;
  s.width = 400;
  s.height = 200;
  s.strokes.push_back({{{40, 100}, {40 + 400 * fraction / 2, 110}, {40 + 400 * fraction, 100}}});
  return s;
}

inline core::Signature Dot() {
  core::Signature s;
  s.width = 400;
  s.height = 200;
  s.strokes.push_back({{{200, 100}, {201, 100}}});
  return s;
}

// A visit on a kiosk: content, a manual clock, the session, and intents applied through core::Apply.
struct Kiosk {
  explicit Kiosk(core::Content c, core::TimePoint start = At(2026, 11, 25))
      : content(std::move(c)), clock(start) {}

  core::Content content;
  core::ManualClock clock;
  core::Session session;
  core::IdleSettings idle;
  int ids = 0;

  core::Env env() {
    return core::Env{clock, idle, [this] { return "intake-" + std::to_string(++ids); }};
  }
  core::Effects Do(const core::Intent& intent) { return core::Apply(content, session, intent, env()); }
  core::Effects Answer(const std::string& id, core::Answer value) {
    return Do(core::intent::SetAnswer{id, std::move(value)});
  }
  core::Effects Next() { return Do(core::intent::Next{}); }
  core::Effects Back() { return Do(core::intent::Back{}); }
  core::Effects Tick() { return Do(core::intent::Tick{}); }
  void Wait(std::chrono::milliseconds by) { clock.Advance(by); }

  core::Visibility Vis() const { return core::ComputeVisibility(content, session.answers, clock.Today()); }
  // The id of the step on screen, or the screen's name when not a step.
  std::string Where() const {
    switch (session.screen) {
      case core::Screen::kAttract:
        return "attract";
      case core::Screen::kLanguage:
        return "language";
      case core::Screen::kStep:
        return content.steps.at(session.step).id;
      case core::Screen::kReview:
        return "review";
      case core::Screen::kSubmitting:
        return "submitting";
      case core::Screen::kThankYou:
        return "thank_you";
    }
    return "?";
  }
  bool HasError(const std::string& question_id) const { return session.errors.count(question_id) > 0; }
  std::string ErrorKey(const std::string& question_id) const {
    auto it = session.errors.find(question_id);
    return it == session.errors.end() ? std::string() : it->second.key;
  }
};

}  // namespace core_test
