// The inbox's second look at an intake: times, then every answer by the rules the kiosk applied.
#include "inbox/rules/content_check.h"

#include <algorithm>

#include "core/visit/validation.h"

namespace core {
namespace {

const TimePoint kEarliest = TimePoint(std::chrono::sys_days(std::chrono::year(2020) / 1 / 1));

void Add(Problems& problems, const std::string& at, std::string message) {
  problems.push_back(Problem{"", at, std::move(message)});
}

bool HasControl(const std::string& s) {
  return std::any_of(s.begin(), s.end(), [](char c) {
    auto u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7f;
  });
}

// The answer as the kiosk holds it (a number question's whole number as its digits), or nullopt when the
// JSON type is not the one the question stores.
std::optional<Answer> AsAnswer(const Question& q, const Json& v) {
  if (q.type == QuestionType::kNumber) {
    if (!v.is_number_integer()) return std::nullopt;
    return Answer(std::to_string(v.get<long long>()));
  }
  std::optional<Answer> a;
  if (v.is_boolean()) a = Answer(v.get<bool>());
  if (v.is_string()) a = Answer(v.get<std::string>());
  if (v.is_array()) {
    std::vector<std::string> ids;
    for (const auto& id : v) ids.push_back(id.is_string() ? id.get<std::string>() : std::string());
    a = Answer(std::move(ids));
  }
  if (!a || !TypeFits(q.type, *a)) return std::nullopt;
  return a;
}

const char* Stores(QuestionType type) {
  switch (type) {
    case QuestionType::kYesNo:
      return "true or false";
    case QuestionType::kMultiChoice:
      return "an array of option ids";
    case QuestionType::kNumber:
      return "a whole number";
    default:
      return "a string";
  }
}

std::string Words(const Question& q, const ValidationError& e) {
  const std::string& code = e.key;
  if (code == "too_long") return "longer than the " + std::to_string(e.n) + " characters question allows";
  if (code == "too_short") return "shorter than the " + std::to_string(e.n) + " characters question asks";
  if (code == "invalid_date") return "not a date (YYYY-MM-DD) on or before the day it was submitted";
  if (code == "age_out_of_range") return "an age outside the question's range";
  if (code == "invalid_email") return "not an email address";
  if (code == "invalid_phone") return "not a phone number";
  if (code == "pattern_mismatch") return "does not match the question's pattern";
  if (code == "number_too_small" || code == "number_too_large" || code == "invalid_number")
    return "outside the question's range";
  if (q.type == QuestionType::kSingleChoice || q.type == QuestionType::kMultiChoice)
    return "not an option of this question";
  return "not an answer this question takes (" + code + ")";
}

// The kiosk's validation of one answer on the day it was submitted (the next day too: the kiosk counts in
// its local time, the intake in UTC).
std::optional<ValidationError> ValidateOn(const Question& q, const Answer& a, const Date& day) {
  auto problem = Validate(q, &a, day);
  if (!problem || (problem->key != "invalid_date" && problem->key != "age_out_of_range")) return problem;
  const auto next =
      std::chrono::sys_days(std::chrono::year(day.year) / day.month / day.day) + std::chrono::days(1);
  return Validate(q, &a, ToDate(next));
}

void CheckAnswer(const Question& q, const Json& v, const Date& day, const std::string& at, Problems& out) {
  if (q.type == QuestionType::kConsent || q.type == QuestionType::kSignature || !q.Answerable())
    return Add(out, at, "question \"" + q.id + "\" is not answered here (" + ToString(q.type) + ")");
  auto a = AsAnswer(q, v);
  if (!a)
    return Add(out, at,
               std::string("must be ") + Stores(q.type) + " (question type " + ToString(q.type) + ")");
  if (const auto* s = std::get_if<std::string>(&*a)) {
    if (HasControl(*s)) return Add(out, at, "holds a control character");
    if (q.type != QuestionType::kNumber && CodePoints(*s) > InputLimit(q))
      return Add(out, at, "longer than the " + std::to_string(InputLimit(q)) + " characters the kiosk takes");
    if (s->empty()) return;  // typed and cleared again on an optional question
  }
  if (const auto* ids = std::get_if<std::vector<std::string>>(&*a); ids && ids->empty()) return;
  if (auto problem = ValidateOn(q, *a, day)) Add(out, at, Words(q, *problem));
}

void CheckFlag(const Content& content, const Json& f, const std::string& at, Problems& out) {
  const Question* q = content.FindQuestion(JsonString(f, "question_id"));
  if (!q) return Add(out, Child(at, "question_id"), "not a question of this content version");
  const auto flag = std::find_if(q->flags.begin(), q->flags.end(),
                                 [&](const Flag& known) { return known.id == JsonString(f, "id"); });
  if (flag == q->flags.end()) return Add(out, Child(at, "id"), "not a flag of question \"" + q->id + "\"");
  if (JsonString(f, "tier") != ToString(flag->tier))
    Add(out, Child(at, "tier"), std::string("must be \"") + ToString(flag->tier) + "\" for this flag");
  if (flag->tier == Tier::kDefer && JsonMember(f, "wait_days") != flag->wait_days)
    Add(out, Child(at, "wait_days"), "must be " + std::to_string(flag->wait_days) + " for this flag");
}

void CheckConsent(const Content& content, const Json& c, const std::string& at, Problems& out) {
  const Question* q = content.FindQuestion(JsonString(c, "id"));
  if (!q || q->type != QuestionType::kConsent)
    return Add(out, Child(at, "id"), "not a consent question of this content version");
  if (JsonString(c, "version") != q->version)
    Add(out, Child(at, "version"), "must be the consent text's version \"" + q->version + "\"");
}

}  // namespace

Problems CheckIntakeTimes(const Json& intake, TimePoint now, std::optional<int> keep_days) {
  Problems out;
  auto started = ParseRfc3339(JsonString(intake, "started_at"));
  auto submitted = ParseRfc3339(JsonString(intake, "submitted_at"));
  if (!started) Add(out, "/started_at", "must be a UTC time like 2026-11-25T10:00:00.000Z");
  if (!submitted) Add(out, "/submitted_at", "must be a UTC time like 2026-11-25T10:00:00.000Z");
  if (!started || !submitted) return out;
  if (*submitted > now + kSubmittedAheadTolerance)
    Add(out, "/submitted_at", "is later than this inbox's clock (more than 5 minutes ahead)");
  else if (*submitted < kEarliest)
    Add(out, "/submitted_at", "is before 2020");
  else if (keep_days && *submitted < now - std::chrono::days(*keep_days))
    Add(out, "/submitted_at",
        "is older than this inbox keeps intakes (retention.days = " + std::to_string(*keep_days) + ")");
  if (*started > *submitted)
    Add(out, "/started_at", "is after submitted_at");
  else if (*submitted - *started > kLongestVisit)
    Add(out, "/started_at", "is more than a day before submitted_at");
  return out;
}

Problems CheckAgainstContent(const Content& content, const Json& intake) {
  Problems out;
  if (!content.HasLanguage(JsonString(intake, "language")))
    Add(out, "/language", "not a language of this content version");
  const auto submitted = ParseRfc3339(JsonString(intake, "submitted_at"));
  const Date day = ToDate(std::chrono::floor<std::chrono::days>(submitted.value_or(TimePoint())));
  for (const auto& [id, v] : JsonMember(intake, "answers").items()) {
    const std::string at = Child("/answers", id);
    if (const Question* q = content.FindQuestion(id)) {
      CheckAnswer(*q, v, day, at, out);
    } else {
      Add(out, at, "not a question of content \"" + content.id + "\" version \"" + content.version + "\"");
    }
  }
  const Json& flags = JsonMember(intake, "flags");
  for (size_t i = 0; i < flags.size(); ++i) CheckFlag(content, flags[i], Child("/flags", i), out);
  const Json& consents = JsonMember(intake, "consents");
  for (size_t i = 0; i < consents.size(); ++i) CheckConsent(content, consents[i], Child("/consents", i), out);
  for (const auto& [id, sig] : JsonMember(intake, "signatures").items()) {
    const Question* q = content.FindQuestion(id);
    if (!q || q->type != QuestionType::kSignature)
      Add(out, Child("/signatures", id), "not a signature question of this content version");
  }
  return out;
}

}  // namespace core
