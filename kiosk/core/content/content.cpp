// Lookups over the content model.
#include "core/content/content.h"

#include <algorithm>

namespace core {

const char* ToString(QuestionType type) {
  switch (type) {
    case QuestionType::kSingleChoice:
      return "single_choice";
    case QuestionType::kMultiChoice:
      return "multi_choice";
    case QuestionType::kYesNo:
      return "yes_no";
    case QuestionType::kText:
      return "text";
    case QuestionType::kEmail:
      return "email";
    case QuestionType::kPhone:
      return "phone";
    case QuestionType::kNumber:
      return "number";
    case QuestionType::kDate:
      return "date";
    case QuestionType::kConsent:
      return "consent";
    case QuestionType::kSignature:
      return "signature";
    case QuestionType::kInfo:
      return "info";
  }
  return "?";
}

const char* ToString(Tier tier) {
  switch (tier) {
    case Tier::kStop:
      return "stop";
    case Tier::kDefer:
      return "defer";
    case Tier::kReview:
      return "review";
  }
  return "?";
}

const Option* Question::FindOption(std::string_view option_id) const {
  auto it = std::find_if(options.begin(), options.end(), [&](const Option& o) { return o.id == option_id; });
  return it == options.end() ? nullptr : &*it;
}

const Text& AppText::Ui(std::string_view key) const {
  static const Text kMissing;
  auto it = ui.find(key);
  return it == ui.end() ? kMissing : it->second;
}

std::string AppText::DayText(int day, std::string_view language) const {
  if (auto lang = day_forms.find(language); lang != day_forms.end()) {
    if (auto form = lang->second.find(day); form != lang->second.end()) return form->second;
  }
  return std::to_string(day);
}

const Question* Content::FindQuestion(std::string_view id) const {
  auto it = questions.find(id);
  return it == questions.end() ? nullptr : it->second;
}

const Step* Content::FindStep(std::string_view id) const {
  auto it = std::find_if(steps.begin(), steps.end(), [&](const Step& s) { return s.id == id; });
  return it == steps.end() ? nullptr : &*it;
}

bool Content::HasLanguage(std::string_view code) const {
  return std::any_of(languages.begin(), languages.end(), [&](const Language& l) { return l.code == code; });
}

const std::string& Content::LanguageOr(std::string_view code) const {
  for (const auto& l : languages) {
    if (l.code == code) return l.code;
  }
  return default_language;
}

const KeyboardLayout& Content::KeyboardFor(std::string_view language) const {
  static const KeyboardLayout kNone;
  for (std::string_view code : {language, std::string_view(default_language)}) {
    for (const auto& l : languages) {
      if (l.code != code) continue;
      auto it = keyboards.find(l.keyboard.empty() ? l.code : l.keyboard);
      if (it != keyboards.end()) return it->second;
    }
  }
  return kNone;
}

namespace {
void IndexQuestions(Content& c, const Step& step, const std::vector<Question>& list, const Question* parent) {
  for (const auto& q : list) {
    c.questions.emplace(q.id, &q);
    c.step_of.emplace(q.id, &step);
    if (parent) c.parent_of.emplace(q.id, parent);
    IndexQuestions(c, step, q.follow_ups, &q);
  }
}
}  // namespace

void Content::Index() {
  questions.clear();
  parent_of.clear();
  step_of.clear();
  for (const auto& step : steps) IndexQuestions(*this, step, step.questions, nullptr);
}

Content& Content::operator=(const Content& other) {
  if (this == &other) return *this;
  id = other.id;
  version = other.version;
  languages = other.languages;
  default_language = other.default_language;
  app = other.app;
  steps = other.steps;
  demo = other.demo;
  keyboards = other.keyboards;
  Index();
  return *this;
}

}  // namespace core
