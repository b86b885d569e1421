// Screening flags raised by a client's answers, most serious first.
#pragma once

#include <string>
#include <vector>

#include "core/content/content.h"
#include "core/visit/rules.h"

namespace core {

struct RaisedFlag {
  std::string flag_id, question_id;
  Tier tier = Tier::kReview;
  std::string reason;
  int wait_days = 0;
};

// Flags of visible questions whose rule holds on the visible answers; ordered stop, defer, review, then
// content order.
std::vector<RaisedFlag> ComputeFlags(const Content& content, const Visibility& vis, const Date& today);

// Question ids that raised a flag (to show the gentle message under them).
bool RaisesFlag(const std::vector<RaisedFlag>& flags, std::string_view question_id);

// What the client reads under a question that raised flags, from its most serious one: the flag's own
// `message`, else ui.flag_message_<tier> when the content has it, else ui.flag_message. Empty: none raised.
const Text& FlagMessage(const Content& content, const std::vector<RaisedFlag>& flags,
                        std::string_view question_id);

}  // namespace core
