// Review's rules: consents read as given or not, cards only for steps with answers.
#include "core/visit/review.h"

namespace core {

bool ConsentAccepted(const Answers& answers, const Question& q) {
  auto it = answers.find(q.id);
  return it != answers.end() && std::holds_alternative<bool>(it->second) && std::get<bool>(it->second);
}

std::vector<size_t> StepsToReview(const Content& content, const Visibility& vis) {
  std::vector<size_t> steps;
  for (size_t s : vis.steps) {
    bool answerable = false;
    ForEachQuestion(content.steps.at(s).questions, [&](const Question& q) {
      answerable = answerable || (q.Answerable() && vis.Shows(q.id));
    });
    if (answerable) steps.push_back(s);
  }
  return steps;
}

}  // namespace core
