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

}  // namespace core
