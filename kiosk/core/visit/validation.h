// Validation of answers: required, lengths, whole numbers, patterns, email, phone, dates and ages,
// signatures.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/content/content.h"
#include "core/visit/rules.h"
#include "core/visit/session.h"

namespace core {

bool IsValidEmail(std::string_view s);
bool IsValidPhone(std::string_view s);
size_t CodePoints(std::string_view utf8);
// How many characters (code points) a field takes from either keyboard: its max_length, else kTextLimit; six
// digits for a number. Typing stops there, so a text is never cut inside a character.
inline constexpr size_t kTextLimit = 500;
size_t InputLimit(const Question& q);
// Whether a value has the type the question stores (yes_no/consent: bool; multi_choice: ids; ...).
bool TypeFits(QuestionType type, const Answer& answer);

// The problem with one question's answer (nullopt when fine). `answer` is null when unanswered.
std::optional<ValidationError> Validate(const Question& q, const Answer* answer, const Date& today);

// Problems on every visible question of one step.
std::map<std::string, ValidationError, std::less<>> ValidateStep(const Content& content, size_t step,
                                                                 const Visibility& vis,
                                                                 const Answers& answers, const Date& today);

// The ids of `errors` on one step in the order the page shows them (a follow-up right after its question):
// the first is the problem Next and Send bring into view.
std::vector<std::string> ProblemsInPageOrder(
    const Content& content, size_t step, const std::map<std::string, ValidationError, std::less<>>& errors);

}  // namespace core
