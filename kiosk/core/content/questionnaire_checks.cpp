// Cross-checks over a parsed questionnaire: unique ids, rules naming real questions asked earlier,
// options that exist, type-specific requirements, flags with a tier.
#include <regex>
#include <set>

#include "core/content/content_loader.h"

namespace core {

namespace {

const std::regex kId("[a-z0-9_]+");

struct Checker {
  const Content& c;
  const JsonReader& r;
  std::map<std::string, size_t, std::less<>> order;  // question id -> display position
  std::set<std::string, std::less<>> ids, flag_ids;

  void Id(const std::string& id, const std::string& ptr) {
    if (id.empty()) return;
    if (!std::regex_match(id, kId)) r.Error(Child(ptr, "id"), "\"" + id + "\" must use only a-z, 0-9 and _");
    if (!ids.insert(id).second) r.Error(Child(ptr, "id"), "duplicate id \"" + id + "\"");
  }

  // `before`: for visibility rules, the display position the referenced question must come before.
  void Rule(const Condition& cond, const std::string& ptr, std::string_view owner,
            std::optional<size_t> before) {
    using K = Condition::Kind;
    if (cond.kind == K::kAll || cond.kind == K::kAny || cond.kind == K::kNot) {
      const char* key = cond.kind == K::kAll ? "all" : cond.kind == K::kAny ? "any" : "not";
      for (size_t i = 0; i < cond.children.size(); ++i) {
        Rule(cond.children[i], cond.kind == K::kNot ? Child(ptr, key) : Child(Child(ptr, key), i), owner,
             before);
      }
      return;
    }
    std::string_view qid = cond.question.empty() ? owner : std::string_view(cond.question);
    const char* field = cond.kind == K::kAge ? "age_from" : "question";
    const core::Question* q = c.FindQuestion(qid);
    if (!q) {
      if (!qid.empty()) r.Error(Child(ptr, field), "names unknown question \"" + std::string(qid) + "\"");
      return;
    }
    if (before && order[std::string(qid)] >= *before) {
      r.Error(Child(ptr, field),
              "\"" + std::string(qid) + "\" is not asked before this; a rule can only use earlier answers");
    }
    switch (cond.kind) {
      case K::kAge:
        if (q->type != QuestionType::kDate)
          r.Error(Child(ptr, field), "\"" + q->id + "\" is not a date question");
        break;
      case K::kNumber:
        if (q->type != QuestionType::kNumber) {
          r.Error(Child(ptr, cond.at_least ? "at_least" : "below"),
                  "\"" + q->id + "\" is not a number question; at_least/below compare number answers");
        } else if (cond.at_least && cond.below && *cond.at_least >= *cond.below) {
          r.Error(Child(ptr, "at_least"), "is not smaller than below: no answer can match");
        }
        break;
      case K::kIncludes:
        if (q->type != QuestionType::kMultiChoice) {
          r.Error(Child(ptr, "includes"), "\"" + q->id + "\" is not a multi_choice question");
        } else if (!q->FindOption(std::get<std::string>(cond.value))) {
          r.Error(Child(ptr, "includes"),
                  "\"" + q->id + "\" has no option \"" + std::get<std::string>(cond.value) + "\"");
        }
        break;
      case K::kEquals:
        if (std::holds_alternative<bool>(cond.value)) {
          if (q->type != QuestionType::kYesNo && q->type != QuestionType::kConsent) {
            r.Error(Child(ptr, "equals"), "true/false only fits yes_no and consent questions; \"" + q->id +
                                              "\" is " + ToString(q->type));
          }
        } else if (q->type == QuestionType::kSingleChoice &&
                   !q->FindOption(std::get<std::string>(cond.value))) {
          r.Error(Child(ptr, "equals"),
                  "\"" + q->id + "\" has no option \"" + std::get<std::string>(cond.value) + "\"");
        } else if (q->type == QuestionType::kYesNo || q->type == QuestionType::kMultiChoice) {
          r.Error(Child(ptr, "equals"),
                  std::string("a ") + ToString(q->type) + " answer cannot equal a string; use " +
                      (q->type == QuestionType::kYesNo ? "true or false" : "\"includes\""));
        }
        break;
      default:
        break;
    }
  }

  void Question(const core::Question& q, const std::string& ptr) {
    Id(q.id, ptr);
    bool choice = q.type == QuestionType::kSingleChoice || q.type == QuestionType::kMultiChoice;
    bool texty =
        q.type == QuestionType::kText || q.type == QuestionType::kEmail || q.type == QuestionType::kPhone;
    if (choice && q.options.size() < 2)
      r.Error(Child(ptr, "options"), "a choice question needs at least two options");
    if (!choice && !q.options.empty())
      r.Error(Child(ptr, "options"), std::string("a ") + ToString(q.type) + " question has no options");
    std::set<std::string> option_ids;
    for (size_t i = 0; i < q.options.size(); ++i) {
      std::string optr = Child(Child(ptr, "options"), i);
      if (!q.options[i].id.empty() && !std::regex_match(q.options[i].id, kId))
        r.Error(Child(optr, "id"), "must use only a-z, 0-9 and _");
      if (!option_ids.insert(q.options[i].id).second)
        r.Error(Child(optr, "id"), "duplicate option id \"" + q.options[i].id + "\"");
      if (q.options[i].exclusive && q.type != QuestionType::kMultiChoice) {
        r.Error(Child(optr, "exclusive"), "only options of a multi_choice question can be exclusive");
      }
    }
    if (!texty && (q.min_length || q.max_length))
      r.Error(ptr, "min_length/max_length only fit text, email and phone questions");
    if (q.min_length && q.max_length && *q.min_length > *q.max_length)
      r.Error(Child(ptr, "min_length"), "is larger than max_length");
    if (q.type != QuestionType::kDate && (q.min_age || q.max_age))
      r.Error(ptr, "min_age/max_age only fit date questions");
    if (q.type != QuestionType::kNumber && (q.min || q.max || !q.unit.empty()))
      r.Error(ptr, "min/max/unit only fit number questions");
    if (q.min && q.max && *q.min > *q.max) r.Error(Child(ptr, "min"), "is larger than max");
    if (q.type == QuestionType::kNumber && !q.pattern.empty())
      r.Error(Child(ptr, "pattern"), "a number question takes digits only; use min and max");
    if (q.type == QuestionType::kInfo && (q.required || !q.flags.empty()))
      r.Error(ptr, "an info block cannot be required or raise flags");
    if (q.type != QuestionType::kConsent && !q.version.empty())
      r.Error(Child(ptr, "version"), "only consent questions have a text version");
    for (size_t i = 0; i < q.flags.size(); ++i) {
      const Flag& f = q.flags[i];
      std::string fptr = Child(Child(ptr, "flags"), i);
      if (!f.id.empty() && !flag_ids.insert(f.id).second)
        r.Error(Child(fptr, "id"), "duplicate flag id \"" + f.id + "\"");
      Rule(f.when, Child(fptr, "when"), q.id, std::nullopt);
    }
    if (q.visible_if) Rule(*q.visible_if, Child(ptr, "visible_if"), "", order[q.id]);
    for (size_t i = 0; i < q.follow_ups.size(); ++i)
      Question(q.follow_ups[i], Child(Child(ptr, "follow_ups"), i));
  }
};

}  // namespace

void CheckQuestionnaire(const Content& c, const JsonReader& r) {
  Checker k{c, r, {}, {}, {}};
  size_t position = 0;
  for (const auto& step : c.steps) {
    ForEachQuestion(step.questions, [&](const core::Question& q) { k.order.emplace(q.id, position++); });
  }
  for (size_t i = 0; i < c.steps.size(); ++i) {
    const Step& step = c.steps[i];
    std::string ptr = Child("/steps", i);
    k.Id(step.id, ptr);
    if (step.visible_if) {
      size_t first = step.questions.empty() ? position : k.order[step.questions.front().id];
      k.Rule(*step.visible_if, Child(ptr, "visible_if"), "", first);
    }
    for (size_t j = 0; j < step.questions.size(); ++j)
      k.Question(step.questions[j], Child(Child(ptr, "questions"), j));
  }
}

}  // namespace core
