// The state of one client's visit: where they are, what they answered, what is wrong. Changed only by Apply.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/base/clock.h"
#include "core/visit/signature.h"

namespace core {

// Typed answer values: yes_no/consent -> bool; single_choice, text, email, phone, date, number -> string
// (dates as "YYYY-MM-DD", numbers as typed digits); multi_choice -> option ids; signature -> strokes.
using Answer = std::variant<bool, std::string, std::vector<std::string>, Signature>;
using Answers = std::map<std::string, Answer, std::less<>>;

// A message shown at a question: a key into app.json "ui", with an optional {n}.
struct ValidationError {
  std::string key;
  int n = 0;
  bool operator==(const ValidationError&) const = default;
};

enum class Screen { kAttract, kLanguage, kStep, kReview, kSubmitting, kThankYou };
const char* ToString(Screen screen);  // "attract", "language", "step", "review", "submitting", "thank_you"

struct Session {
  Screen screen = Screen::kAttract;
  std::string language;
  size_t step = 0;                   // index into Content::steps while screen == kStep
  size_t page = 0;                   // the page of a multi-page step (Step::pages)
  bool editing_from_review = false;  // Next returns to review
  Answers answers;
  std::map<std::string, ValidationError, std::less<>> errors;  // by question id, for the current page
  int problems_shown = 0;  // Next or Send found problems this many times: each time the page shows the first
  std::string intake_id;
  TimePoint started_at{}, last_activity{}, screen_since{};
  bool still_there = false;  // the idle countdown is showing
  std::string submit_error;  // why the last submit could not be saved (for the client, generic)
  int visits = 0;            // how many visits this kiosk session has started (not personal)
};

}  // namespace core
