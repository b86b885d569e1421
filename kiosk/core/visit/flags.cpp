// Flag computation.
#include "core/visit/flags.h"

#include <algorithm>

namespace core {

std::vector<RaisedFlag> ComputeFlags(const Content& content, const Visibility& vis, const Date& today) {
  std::vector<RaisedFlag> raised;
  for (size_t s : vis.steps) {
    ForEachQuestion(content.steps[s].questions, [&](const Question& q) {
      if (!vis.Shows(q.id)) return;
      for (const auto& f : q.flags) {
        if (Evaluate(f.when, q.id, vis.answers, today))
          raised.push_back({f.id, q.id, f.tier, f.reason, f.wait_days});
      }
    });
  }
  std::stable_sort(raised.begin(), raised.end(),
                   [](const RaisedFlag& a, const RaisedFlag& b) { return a.tier < b.tier; });
  return raised;
}

bool RaisesFlag(const std::vector<RaisedFlag>& flags, std::string_view question_id) {
  return std::any_of(flags.begin(), flags.end(),
                     [&](const RaisedFlag& f) { return f.question_id == question_id; });
}

const Text& FlagMessage(const Content& content, const std::vector<RaisedFlag>& flags,
                        std::string_view question_id) {
  static const Text kNone;
  auto raised = std::find_if(flags.begin(), flags.end(),
                             [&](const RaisedFlag& f) { return f.question_id == question_id; });
  if (raised == flags.end()) return kNone;  // flags are ordered most serious first
  if (const Question* q = content.FindQuestion(question_id)) {
    for (const auto& f : q->flags) {
      if (f.id == raised->flag_id && !f.message.empty()) return f.message;
    }
  }
  const Text& by_tier = content.app.Ui(std::string("flag_message_") + ToString(raised->tier));
  return by_tier.empty() ? content.app.Ui("flag_message") : by_tier;
}

}  // namespace core
