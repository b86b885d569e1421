// questionnaire.json: steps, questions, options, conditions and flags (shapes only; cross-checks are in
// questionnaire_checks.cpp).
#include <algorithm>
#include <regex>

#include "core/content/content_loader.h"

namespace core {

namespace {

const std::map<std::string, QuestionType, std::less<>> kTypes = {
    {"single_choice", QuestionType::kSingleChoice},
    {"multi_choice", QuestionType::kMultiChoice},
    {"yes_no", QuestionType::kYesNo},
    {"text", QuestionType::kText},
    {"email", QuestionType::kEmail},
    {"phone", QuestionType::kPhone},
    {"date", QuestionType::kDate},
    {"number", QuestionType::kNumber},
    {"consent", QuestionType::kConsent},
    {"signature", QuestionType::kSignature},
    {"info", QuestionType::kInfo}};

Condition ParseCondition(const Json& j, const std::string& ptr, const JsonReader& r, bool question_optional);

std::vector<Condition> ParseList(const Json& j, const std::string& ptr, const JsonReader& r,
                                 bool optional_q) {
  std::vector<Condition> out;
  if (!r.IsArray(j, ptr)) return out;
  if (j.empty()) r.Error(ptr, "must list at least one condition");
  for (size_t i = 0; i < j.size(); ++i) out.push_back(ParseCondition(j[i], Child(ptr, i), r, optional_q));
  return out;
}

Condition ParseCondition(const Json& j, const std::string& ptr, const JsonReader& r, bool question_optional) {
  Condition c;
  if (!r.IsObject(j, ptr)) return c;
  using K = Condition::Kind;
  if (j.contains("all") || j.contains("any")) {
    const char* key = j.contains("all") ? "all" : "any";
    r.AllowOnly(j, ptr, {key});
    c.kind = j.contains("all") ? K::kAll : K::kAny;
    c.children = ParseList(j[key], Child(ptr, key), r, question_optional);
    return c;
  }
  if (j.contains("not")) {
    r.AllowOnly(j, ptr, {"not"});
    c.kind = K::kNot;
    c.children.push_back(ParseCondition(j["not"], Child(ptr, "not"), r, question_optional));
    return c;
  }
  if (j.contains("age_from")) {
    r.AllowOnly(j, ptr, {"age_from", "at_least", "below"});
    c.kind = K::kAge;
    c.question = r.String(j, ptr, "age_from", true);
    c.at_least = r.Int(j, ptr, "at_least", false, 0, 150);
    c.below = r.Int(j, ptr, "below", false, 0, 150);
    if (!c.at_least && !c.below) r.Error(ptr, "an age rule needs \"at_least\", \"below\" or both");
    return c;
  }
  if (j.contains("at_least") || j.contains("below")) {
    r.AllowOnly(j, ptr, {"question", "at_least", "below"});
    c.kind = K::kNumber;
    c.question = r.String(j, ptr, "question", !question_optional);
    c.at_least = r.Int(j, ptr, "at_least", false, 0, kNumberLimit);
    c.below = r.Int(j, ptr, "below", false, 0, kNumberLimit);
    return c;
  }
  r.AllowOnly(j, ptr, {"question", "equals", "includes", "answered"});
  c.question = r.String(j, ptr, "question", !question_optional);
  int tests = j.contains("equals") + j.contains("includes") + j.contains("answered");
  if (tests != 1) {
    r.Error(ptr,
            "a condition needs exactly one of \"equals\", \"includes\", \"answered\", \"age_from\", \"all\", "
            "\"any\" or \"not\"");
    return c;
  }
  if (j.contains("equals")) {
    c.kind = K::kEquals;
    const Json& v = j["equals"];
    if (v.is_boolean()) {
      c.value = v.get<bool>();
    } else if (v.is_string()) {
      c.value = v.get<std::string>();
    } else {
      r.Error(Child(ptr, "equals"),
              std::string("must be true, false or an option id, found ") + JsonTypeName(v));
    }
  } else if (j.contains("includes")) {
    c.kind = K::kIncludes;
    c.value = r.String(j, ptr, "includes", true);
  } else {
    c.kind = K::kAnswered;
    c.value = r.Bool(j, ptr, "answered", true);
  }
  return c;
}

Flag ParseFlag(const Json& j, const std::string& ptr, const JsonReader& r) {
  Flag f;
  if (!r.IsObject(j, ptr)) return f;
  r.AllowOnly(j, ptr, {"id", "tier", "reason", "wait_days", "when", "message"});
  f.id = r.String(j, ptr, "id", true);
  std::string tier = r.String(j, ptr, "tier", true);
  if (tier == "stop") {
    f.tier = Tier::kStop;
  } else if (tier == "defer") {
    f.tier = Tier::kDefer;
  } else if (tier == "review") {
    f.tier = Tier::kReview;
  } else if (!tier.empty()) {
    r.Error(Child(ptr, "tier"), "must be \"stop\", \"defer\" or \"review\", found \"" + tier + "\"");
  }
  f.reason = r.String(j, ptr, "reason", true);
  f.wait_days = r.Int(j, ptr, "wait_days", f.tier == Tier::kDefer && tier == "defer", 1, 3650).value_or(0);
  if (f.tier != Tier::kDefer && j.contains("wait_days"))
    r.Error(Child(ptr, "wait_days"), "only defer flags have a waiting period");
  if (const Json* w = r.Field(j, ptr, "when", true)) f.when = ParseCondition(*w, Child(ptr, "when"), r, true);
  f.message = r.LocalText(j, ptr, "message", false);
  return f;
}

Question ParseQuestion(const Json& j, const std::string& ptr, const JsonReader& r, const Question* parent);

void ParseQuestions(const Json& obj, const std::string& ptr, const char* key, const JsonReader& r,
                    std::vector<Question>& out, const Question* parent) {
  const Json* list = r.Field(obj, ptr, key, parent == nullptr);
  if (!list || !r.IsArray(*list, Child(ptr, key))) return;
  if (list->empty() && !parent) r.Error(Child(ptr, key), "must list at least one question");
  for (size_t i = 0; i < list->size(); ++i)
    out.push_back(ParseQuestion((*list)[i], Child(Child(ptr, key), i), r, parent));
}

Question ParseQuestion(const Json& j, const std::string& ptr, const JsonReader& r, const Question* parent) {
  Question q;
  if (!r.IsObject(j, ptr)) return q;
  r.AllowOnly(j, ptr, {"id",       "type",       "label",      "help",       "body",
                       "required", "options",    "min_length", "max_length", "pattern",
                       "min_age",  "max_age",    "min",        "max",        "unit",
                       "version",  "visible_if", "follow_ups", "flags",      "keyed_confirmation"});
  q.id = r.String(j, ptr, "id", true);
  std::string type = r.String(j, ptr, "type", true);
  if (auto it = kTypes.find(type); it != kTypes.end()) {
    q.type = it->second;
  } else if (!type.empty()) {
    r.Error(Child(ptr, "type"), "unknown question type \"" + type + "\"");
  }
  q.label = r.LocalText(j, ptr, "label", q.type != QuestionType::kInfo);
  q.help = r.LocalText(j, ptr, "help", false);
  q.body = r.LocalText(j, ptr, "body", q.type == QuestionType::kInfo || q.type == QuestionType::kConsent);
  q.required = r.Bool(j, ptr, "required", false);
  q.min_length = r.Int(j, ptr, "min_length", false, 0, 10000);
  q.max_length = r.Int(j, ptr, "max_length", false, 1, 10000);
  q.min_age = r.Int(j, ptr, "min_age", false, 0, 150);
  q.max_age = r.Int(j, ptr, "max_age", false, 0, 150);
  bool number = q.type == QuestionType::kNumber;
  q.min = r.Int(j, ptr, "min", number, 0, kNumberLimit);
  q.max = r.Int(j, ptr, "max", number, 0, kNumberLimit);
  q.unit = r.LocalText(j, ptr, "unit", false);
  q.pattern = r.String(j, ptr, "pattern", false);
  q.version = r.String(j, ptr, "version", q.type == QuestionType::kConsent);
  q.keyed_confirmation = r.Bool(j, ptr, "keyed_confirmation", false);
  if (q.keyed_confirmation && q.type != QuestionType::kSignature)
    r.Error(Child(ptr, "keyed_confirmation"), "only a signature question can be confirmed by keys");
  if (!q.pattern.empty()) {
    try {
      std::regex check(q.pattern, std::regex::ECMAScript);
    } catch (const std::regex_error& e) {
      r.Error(Child(ptr, "pattern"), std::string("is not a valid regular expression: ") + e.what());
    }
  }
  if (const Json* opts = r.Field(j, ptr, "options", false); opts && r.IsArray(*opts, Child(ptr, "options"))) {
    for (size_t i = 0; i < opts->size(); ++i) {
      std::string optr = Child(Child(ptr, "options"), i);
      const Json& o = (*opts)[i];
      if (!r.IsObject(o, optr)) continue;
      r.AllowOnly(o, optr, {"id", "label", "description", "exclusive"});
      q.options.push_back(Option{r.String(o, optr, "id", true), r.LocalText(o, optr, "label", true),
                                 r.LocalText(o, optr, "description", false),
                                 r.Bool(o, optr, "exclusive", false)});
    }
  }
  if (const Json* v = r.Field(j, ptr, "visible_if", false))
    q.visible_if = ParseCondition(*v, Child(ptr, "visible_if"), r, false);
  if (!q.visible_if && parent && parent->type == QuestionType::kYesNo) {
    q.visible_if = Condition{Condition::Kind::kEquals, parent->id, true, {}, {}, {}};
  }
  if (const Json* flags = r.Field(j, ptr, "flags", false); flags && r.IsArray(*flags, Child(ptr, "flags"))) {
    for (size_t i = 0; i < flags->size(); ++i)
      q.flags.push_back(ParseFlag((*flags)[i], Child(Child(ptr, "flags"), i), r));
  }
  ParseQuestions(j, ptr, "follow_ups", r, q.follow_ups, &q);
  return q;
}

// "pages": [{"starts_at": question id, "heading": T, "intro": T}, ...]: the step shown a page at a time, each
// page from the question it starts at to the next page's; the first page starts at the step's first question.
void ParsePages(const Json& pages, const std::string& ptr, const JsonReader& r, Step& step) {
  if (!r.IsArray(pages, ptr)) return;
  if (pages.empty()) r.Error(ptr, "must list at least one page (or leave \"pages\" out)");
  size_t after = 0;
  for (size_t i = 0; i < pages.size(); ++i) {
    const std::string pp = Child(ptr, i);
    if (!r.IsObject(pages[i], pp)) continue;
    r.AllowOnly(pages[i], pp, {"starts_at", "heading", "intro"});
    Page page;
    std::string first = r.String(pages[i], pp, "starts_at", true);
    page.heading = r.LocalText(pages[i], pp, "heading", false);
    page.intro = r.LocalText(pages[i], pp, "intro", false);
    auto at = std::find_if(step.questions.begin(), step.questions.end(),
                           [&](const Question& q) { return q.id == first; });
    if (first.empty()) continue;
    if (at == step.questions.end()) {
      r.Error(Child(pp, "starts_at"),
              "\"" + first + "\" is not a question of this step (follow-ups cannot start a page)");
      continue;
    }
    page.first = static_cast<size_t>(at - step.questions.begin());
    if (i == 0 && page.first != 0) {
      r.Error(Child(pp, "starts_at"), "the first page must start at the step's first question, \"" +
                                          step.questions.front().id + "\"");
    } else if (i > 0 && page.first <= after) {
      r.Error(Child(pp, "starts_at"), "\"" + first + "\" does not come after the previous page's start");
    }
    after = page.first;
    step.pages.push_back(std::move(page));
  }
  if (step.pages.size() != pages.size()) step.pages.clear();  // reported above; one page meanwhile
}

}  // namespace

void ParseQuestionnaire(const Json& j, const JsonReader& r, Content& out) {
  if (!r.IsObject(j, "")) return;
  r.AllowOnly(j, "", {"$comment", "steps"});
  const Json* steps = r.Field(j, "", "steps", true);
  if (!steps || !r.IsArray(*steps, "/steps")) return;
  if (steps->empty()) r.Error("/steps", "must list at least one step");
  for (size_t i = 0; i < steps->size(); ++i) {
    std::string ptr = Child("/steps", i);
    const Json& s = (*steps)[i];
    if (!r.IsObject(s, ptr)) continue;
    r.AllowOnly(s, ptr, {"id", "title", "heading", "intro", "visible_if", "questions", "pages"});
    Step step;
    step.id = r.String(s, ptr, "id", true);
    step.title = r.LocalText(s, ptr, "title", true);
    step.heading = r.LocalText(s, ptr, "heading", false);
    if (step.heading.empty()) step.heading = step.title;
    step.intro = r.LocalText(s, ptr, "intro", false);
    if (const Json* v = r.Field(s, ptr, "visible_if", false))
      step.visible_if = ParseCondition(*v, Child(ptr, "visible_if"), r, false);
    ParseQuestions(s, ptr, "questions", r, step.questions, nullptr);
    if (const Json* pages = r.Field(s, ptr, "pages", false)) ParsePages(*pages, Child(ptr, "pages"), r, step);
    out.steps.push_back(std::move(step));
  }
}

}  // namespace core
