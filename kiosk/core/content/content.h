// The content model: what a client reads and answers, loaded from content/ (see content/README.md).
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/content/keyboard_layout.h"
#include "core/content/text.h"

namespace core {

enum class QuestionType {
  kSingleChoice,
  kMultiChoice,
  kYesNo,
  kText,
  kEmail,
  kPhone,
  kDate,
  kNumber,
  kConsent,
  kSignature,
  kInfo
};
enum class Tier { kStop, kDefer, kReview };

// The largest answer (and min/max) a number question takes: six digits, typed on the keypad.
inline constexpr int kNumberLimit = 999999;

const char* ToString(QuestionType type);
const char* ToString(Tier tier);

// A structured visibility or flag rule. Never code.
struct Condition {
  enum class Kind { kEquals, kIncludes, kAnswered, kAge, kNumber, kAll, kAny, kNot };
  Kind kind = Kind::kAnswered;
  std::string
      question;  // kEquals, kIncludes, kAnswered, kNumber: the question asked about; kAge: the date one
  std::variant<bool, std::string>
      value;  // kEquals: the value; kIncludes: the option id (string); kAnswered: bool
  std::optional<int> at_least, below;  // kAge: bounds in whole years; kNumber: bounds on the answer
  std::vector<Condition> children;     // kAll, kAny, kNot (one child)
};

struct Option {
  std::string id;
  Text label, description;
  bool exclusive = false;  // multi_choice: "None of these" clears the others and is cleared by them
};

struct Flag {
  std::string id;
  Tier tier = Tier::kReview;
  std::string reason;  // for staff
  int wait_days = 0;   // defer only
  Condition when;
  Text message;  // optional: what the client reads under the answer (else ui.flag_message_<tier>,
                 // flag_message)
};

struct Question {
  std::string id;
  QuestionType type = QuestionType::kText;
  Text label, help, body;
  bool required = false;
  std::vector<Option> options;
  std::optional<int> min_length, max_length, min_age, max_age;
  std::optional<int> min, max;  // number: the whole numbers allowed (both required)
  Text unit;                    // number: the unit words shown after the field ("months" / "meses")
  std::string pattern;
  std::string version;  // consent text version
  // signature: a client using the keypad may confirm instead by the keyed statement ui.confirm_consent_by_key
  // (a clinic's decision; recorded as such in the intake)
  bool keyed_confirmation = false;
  std::optional<Condition> visible_if;
  std::vector<Question> follow_ups;
  std::vector<Flag> flags;

  const Option* FindOption(std::string_view option_id) const;
  bool Answerable() const { return type != QuestionType::kInfo; }
};

// A page of a multi-page step: from question `first` (an index into Step::questions) up to the next page's.
struct Page {
  size_t first = 0;
  Text heading, intro;  // optional: the page's own heading (else the step's) and intro (else none)
};

struct Step {
  std::string id;
  Text title, heading, intro;
  std::optional<Condition> visible_if;
  std::vector<Question> questions;  // every page's, in order
  std::vector<Page> pages;          // empty: one page of all the questions

  size_t PageCount() const { return pages.empty() ? 1 : pages.size(); }
  // The questions of `page`: indexes [PageBegin, PageEnd) into `questions`.
  size_t PageBegin(size_t page) const { return page < pages.size() ? pages[page].first : 0; }
  size_t PageEnd(size_t page) const {
    return page + 1 < pages.size() ? pages[page + 1].first : questions.size();
  }
};

struct Language {
  std::string code, name;
  std::string keyboard;  // the id of its keyboard layout (keyboards/ID.json); the code when not named
};

struct AppText {
  std::string clinic_name;
  struct {
    Text title, subtitle, tap_to_start;
    std::vector<Text> highlights;
    int rotate_s = 6;
  } attract;
  struct {
    Text title;
  } language;
  struct {
    Text title, intro, edit, not_answered, submit;
  } review;
  struct {
    Text title, body;
    int return_s = 8;
  } thank_you;
  struct {
    Text title, body, continue_, start_over;
  } idle;
  std::map<std::string, Text, std::less<>> ui;  // buttons and messages, by key
  std::vector<Text> months;                     // 12 month names
  // ui.day_forms: a day of the month as a language writes it in a date, where it is not the bare number
  // ("1er" in French); by language, then day (1 to 31).
  std::map<std::string, std::map<int, std::string>, std::less<>> day_forms;

  // The day as `language` writes it in a date: its day form, else the number.
  std::string DayText(int day, std::string_view language) const;

  const Text& Ui(std::string_view key) const;
};

// The event / demo lead-capture flow (content/demo.json): its own steps and thank-you, no screening.
struct DemoFlow {
  std::vector<Step> steps;
  Text attract_title, attract_subtitle;  // empty: the clinic's own welcome
  Text thank_you_title, thank_you_body;
  int return_s = 5;  // back to the attract screen this soon after thank-you
};

struct Content {
  std::string id, version;
  std::vector<Language> languages;
  std::string default_language;
  AppText app;
  std::vector<Step> steps;
  std::optional<DemoFlow> demo;                                  // when the content has a demo.json
  std::map<std::string, KeyboardLayout, std::less<>> keyboards;  // by layout id, those the languages use

  // Every question by id, follow-ups included (pointers into `steps`; rebuilt by Index()).
  std::map<std::string, const Question*, std::less<>> questions;
  std::map<std::string, const Question*, std::less<>> parent_of;  // follow-up id -> its parent
  std::map<std::string, const Step*, std::less<>> step_of;        // question id -> its step

  const Question* FindQuestion(std::string_view id) const;
  const Step* FindStep(std::string_view id) const;
  bool HasLanguage(std::string_view code) const;
  // `code` when the content declares it, else the default language: what a client reads before choosing
  // (attract, "Still there?") and what staff read when the config names no language the content has.
  const std::string& LanguageOr(std::string_view code) const;
  // The keyboard layout of `language` (the default language's when it has none; an empty one without either).
  const KeyboardLayout& KeyboardFor(std::string_view language) const;
  void Index();  // call after building or copying `steps`

  Content() = default;
  Content(const Content& other) { *this = other; }
  Content& operator=(const Content& other);
  Content(Content&&) = default;
  Content& operator=(Content&&) = default;
};

// Visits every question in display order, follow-ups right after their parent.
template <typename F>
void ForEachQuestion(const std::vector<Question>& questions, F&& f) {
  for (const auto& q : questions) {
    f(q);
    ForEachQuestion(q.follow_ups, f);
  }
}

}  // namespace core
