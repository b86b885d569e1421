// Visibility rules: which steps and questions this client sees, given their answers so far.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/content/content.h"
#include "core/visit/session.h"

namespace core {

// `owner` is the question a condition without "question" is about (flags); empty for visibility rules.
bool Evaluate(const Condition& c, std::string_view owner, const Answers& answers, const Date& today);

struct Visibility {
  std::set<std::string, std::less<>> questions;  // visible question ids (info blocks included)
  std::vector<size_t> steps;                     // indexes into Content::steps, in order
  Answers answers;                               // answers to visible questions only: what is submitted

  bool Shows(std::string_view question_id) const { return questions.count(question_id) > 0; }
  bool ShowsStep(size_t step) const;
};

// Walks the questionnaire in order; a rule sees only answers to questions already found visible,
// a follow-up is visible only when its parent is, a step only when it has a visible question.
Visibility ComputeVisibility(const Content& content, const Answers& answers, const Date& today);

bool IsAnswered(const Answer& a);

// A number question's answer as typed ("12"): digits only, at most six; nullopt for anything else.
std::optional<int> ParseWholeNumber(std::string_view digits);

}  // namespace core
