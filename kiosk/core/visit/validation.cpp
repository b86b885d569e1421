// Answer validation rules.
#include "core/visit/validation.h"

#include <algorithm>
#include <cctype>
#include <regex>

namespace core {

size_t CodePoints(std::string_view utf8) {
  return static_cast<size_t>(
      std::count_if(utf8.begin(), utf8.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

size_t InputLimit(const Question& q) {
  if (q.type == QuestionType::kNumber) return std::to_string(kNumberLimit).size();
  return q.max_length ? static_cast<size_t>(*q.max_length) : kTextLimit;
}

bool IsValidEmail(std::string_view s) {
  if (s.size() < 3 || s.size() > 254) return false;
  auto at = s.find('@');
  if (at == std::string_view::npos || at == 0 || s.find('@', at + 1) != std::string_view::npos) return false;
  auto local = s.substr(0, at), domain = s.substr(at + 1);
  if (local.size() > 64 || local.front() == '.' || local.back() == '.') return false;
  for (unsigned char c : s) {
    if (c <= ' ' || c == 0x7f || c == ',' || c == ';' || c == '<' || c == '>' || c == '"' || c == '\\')
      return false;
  }
  // domain: labels of letters, digits, hyphens (or UTF-8), at least one dot, no empty label
  size_t label = 0, dots = 0;
  for (size_t i = 0; i <= domain.size(); ++i) {
    if (i == domain.size() || domain[i] == '.') {
      if (label == 0 || domain[i - 1] == '-' || domain[i - label] == '-') return false;
      dots += i < domain.size();
      label = 0;
    } else {
      unsigned char c = domain[i];
      if (!(std::isalnum(c) || c == '-' || c >= 0x80)) return false;
      ++label;
    }
  }
  return dots >= 1;
}

bool IsValidPhone(std::string_view s) {
  int digits = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (c == '+') {
      if (digits > 0 || s.find_first_not_of(' ') != i) return false;
    } else if (c != ' ' && c != '-' && c != '(' && c != ')') {
      return false;
    }
  }
  return digits >= 7 && digits <= 15;
}

bool TypeFits(QuestionType type, const Answer& a) {
  switch (type) {
    case QuestionType::kYesNo:
    case QuestionType::kConsent:
      return std::holds_alternative<bool>(a);
    case QuestionType::kMultiChoice:
      return std::holds_alternative<std::vector<std::string>>(a);
    case QuestionType::kSignature:
      return std::holds_alternative<Signature>(a);
    case QuestionType::kInfo:
      return false;
    default:
      return std::holds_alternative<std::string>(a);
  }
}

namespace {

std::optional<ValidationError> ValidateText(const Question& q, const std::string& s) {
  size_t n = CodePoints(s);
  if (q.min_length && n < static_cast<size_t>(*q.min_length))
    return ValidationError{"too_short", *q.min_length};
  if (q.max_length && n > static_cast<size_t>(*q.max_length))
    return ValidationError{"too_long", *q.max_length};
  if (q.type == QuestionType::kEmail && !IsValidEmail(s)) return ValidationError{"invalid_email"};
  if (q.type == QuestionType::kPhone && !IsValidPhone(s)) return ValidationError{"invalid_phone"};
  if (!q.pattern.empty()) {
    try {
      if (!std::regex_match(s, std::regex(q.pattern, std::regex::ECMAScript)))
        return ValidationError{"pattern_mismatch"};
    } catch (const std::regex_error&) {
      return ValidationError{"pattern_mismatch"};  // the loader rejects bad patterns; never crash here
    }
  }
  return std::nullopt;
}

std::optional<ValidationError> ValidateDate(const Question& q, const std::string& s, const Date& today) {
  auto d = ParseDate(s);
  if (!d || *d > today) return ValidationError{"invalid_date"};
  int age = AgeOn(*d, today);
  if ((q.min_age && age < *q.min_age) || (q.max_age && age > *q.max_age))
    return ValidationError{"age_out_of_range"};
  return std::nullopt;
}

std::optional<ValidationError> ValidateNumber(const Question& q, const std::string& s) {
  auto n = ParseWholeNumber(s);
  if (!n) return ValidationError{"invalid_number"};
  if (q.min && *n < *q.min) return ValidationError{"number_too_small", *q.min};
  if (q.max && *n > *q.max) return ValidationError{"number_too_large", *q.max};
  return std::nullopt;
}

}  // namespace

std::optional<ValidationError> Validate(const Question& q, const Answer* answer, const Date& today) {
  if (!q.Answerable()) return std::nullopt;
  bool answered = answer && IsAnswered(*answer);
  if (q.type == QuestionType::kConsent) {
    bool ticked = answered && std::holds_alternative<bool>(*answer) && std::get<bool>(*answer);
    return q.required && !ticked ? std::optional(ValidationError{"required"}) : std::nullopt;
  }
  if (q.type == QuestionType::kSignature) {
    auto* sig = answered ? std::get_if<Signature>(answer) : nullptr;
    if (sig && (sig->keyed ? q.keyed_confirmation : HasEnoughInk(*sig))) return std::nullopt;
    return q.required || answered ? std::optional(ValidationError{"signature_required"}) : std::nullopt;
  }
  if (!answered) return q.required ? std::optional(ValidationError{"required"}) : std::nullopt;
  if (!TypeFits(q.type, *answer)) return ValidationError{"required"};
  if (auto* ids = std::get_if<std::vector<std::string>>(answer)) {
    bool known =
        std::all_of(ids->begin(), ids->end(), [&](const std::string& id) { return q.FindOption(id); });
    return known ? std::nullopt : std::optional(ValidationError{"required"});
  }
  if (auto* s = std::get_if<std::string>(answer)) {
    if (q.type == QuestionType::kDate) return ValidateDate(q, *s, today);
    if (q.type == QuestionType::kNumber) return ValidateNumber(q, *s);
    if (q.type == QuestionType::kSingleChoice) {
      return q.FindOption(*s) ? std::nullopt : std::optional(ValidationError{"required"});
    }
    return ValidateText(q, *s);
  }
  return std::nullopt;
}

std::map<std::string, ValidationError, std::less<>> ValidateStep(const Content& content, size_t step,
                                                                 const Visibility& vis,
                                                                 const Answers& answers, const Date& today) {
  std::map<std::string, ValidationError, std::less<>> errors;
  ForEachQuestion(content.steps.at(step).questions, [&](const Question& q) {
    if (!vis.Shows(q.id)) return;
    auto it = answers.find(q.id);
    if (auto e = Validate(q, it == answers.end() ? nullptr : &it->second, today)) errors.emplace(q.id, *e);
  });
  return errors;
}

std::vector<std::string> ProblemsInPageOrder(
    const Content& content, size_t step, const std::map<std::string, ValidationError, std::less<>>& errors) {
  std::vector<std::string> ids;
  if (step >= content.steps.size()) return ids;
  ForEachQuestion(content.steps[step].questions, [&](const Question& q) {
    if (errors.count(q.id)) ids.push_back(q.id);
  });
  return ids;
}

}  // namespace core
