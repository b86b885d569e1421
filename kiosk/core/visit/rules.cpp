// Evaluation of structured conditions and the visibility walk.
#include "core/visit/rules.h"

#include <algorithm>

namespace core {

bool IsAnswered(const Answer& a) {
  if (auto* s = std::get_if<std::string>(&a)) {
    return s->find_first_not_of(" \t\r\n") != std::string::npos;  // spaces alone are not an answer
  }
  if (auto* v = std::get_if<std::vector<std::string>>(&a)) return !v->empty();
  if (auto* sig = std::get_if<Signature>(&a))
    return sig->keyed || !sig->strokes.empty();  // or confirmed by keys
  return true;
}

std::optional<int> ParseWholeNumber(std::string_view digits) {
  if (digits.empty() || digits.size() > 6) return std::nullopt;
  int n = 0;
  for (char ch : digits) {
    if (ch < '0' || ch > '9') return std::nullopt;
    n = n * 10 + (ch - '0');
  }
  return n;
}

bool Evaluate(const Condition& c, std::string_view owner, const Answers& answers, const Date& today) {
  using K = Condition::Kind;
  switch (c.kind) {
    case K::kAll:
      return std::all_of(c.children.begin(), c.children.end(),
                         [&](const Condition& x) { return Evaluate(x, owner, answers, today); });
    case K::kAny:
      return std::any_of(c.children.begin(), c.children.end(),
                         [&](const Condition& x) { return Evaluate(x, owner, answers, today); });
    case K::kNot:
      return !c.children.empty() && !Evaluate(c.children.front(), owner, answers, today);
    default:
      break;
  }
  std::string_view qid = c.question.empty() ? owner : std::string_view(c.question);
  auto it = answers.find(qid);
  const Answer* a = it == answers.end() ? nullptr : &it->second;
  switch (c.kind) {
    case K::kAnswered:
      return (a && IsAnswered(*a)) == std::get<bool>(c.value);
    case K::kEquals:
      if (!a) return false;
      if (auto* b = std::get_if<bool>(&c.value))
        return std::holds_alternative<bool>(*a) && std::get<bool>(*a) == *b;
      return std::holds_alternative<std::string>(*a) &&
             std::get<std::string>(*a) == std::get<std::string>(c.value);
    case K::kIncludes: {
      auto* list = a ? std::get_if<std::vector<std::string>>(a) : nullptr;
      return list && std::find(list->begin(), list->end(), std::get<std::string>(c.value)) != list->end();
    }
    case K::kAge: {
      auto* s = a ? std::get_if<std::string>(a) : nullptr;
      auto birth = s ? ParseDate(*s) : std::nullopt;
      if (!birth) return false;
      int age = AgeOn(*birth, today);
      return (!c.at_least || age >= *c.at_least) && (!c.below || age < *c.below);
    }
    case K::kNumber: {
      auto* s = a ? std::get_if<std::string>(a) : nullptr;
      auto n = s ? ParseWholeNumber(*s) : std::nullopt;
      return n && (!c.at_least || *n >= *c.at_least) && (!c.below || *n < *c.below);
    }
    default:
      return false;
  }
}

bool Visibility::ShowsStep(size_t step) const {
  return std::find(steps.begin(), steps.end(), step) != steps.end();
}

namespace {

void Walk(const std::vector<Question>& list, const Answers& all, const Date& today, Visibility& out) {
  for (const auto& q : list) {
    if (q.visible_if && !Evaluate(*q.visible_if, q.id, out.answers, today)) continue;
    out.questions.insert(q.id);
    if (auto it = all.find(q.id); it != all.end() && q.Answerable() && IsAnswered(it->second)) {
      out.answers.emplace(q.id, it->second);
    }
    Walk(q.follow_ups, all, today, out);
  }
}

}  // namespace

Visibility ComputeVisibility(const Content& content, const Answers& answers, const Date& today) {
  Visibility out;
  for (size_t i = 0; i < content.steps.size(); ++i) {
    const Step& step = content.steps[i];
    if (step.visible_if && !Evaluate(*step.visible_if, "", out.answers, today)) continue;
    size_t before = out.questions.size();
    Walk(step.questions, answers, today, out);
    if (out.questions.size() > before) out.steps.push_back(i);
  }
  return out;
}

}  // namespace core
