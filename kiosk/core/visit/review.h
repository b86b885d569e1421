// What the review screen shows, by the intake's own rules: which steps get a card, and how a consent reads.
#pragma once

#include <vector>

#include "core/content/content.h"
#include "core/visit/rules.h"
#include "core/visit/session.h"

namespace core {

// A consent counts as given only when ticked: unticked or never touched is not given. The intake records
// this as "accepted", and Review shows it as "Yes" / "No", never "Not answered".
bool ConsentAccepted(const Answers& answers, const Question& q);

// The visible steps Review shows a card for: those with at least one visible question that takes an
// answer. A step of information only (the explainer, "What to expect") has nothing to review.
std::vector<size_t> StepsToReview(const Content& content, const Visibility& vis);

}  // namespace core
