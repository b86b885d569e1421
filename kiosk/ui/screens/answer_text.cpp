// An answer as the client reads it on the review screen, and a date in the client's language: the core's
// words (core/visit/answer_text.h, which speech reads too) in the screen's language.
#include "core/visit/answer_text.h"
#include "ui/screens/questions.h"

namespace ui {

std::string DateText(const ScreenContext& c, const core::Date& d) {
  return core::DateText(c.in.content, c.lang(), d);
}

std::string AnswerText(const ScreenContext& c, const core::Question& q, const core::Answer& a) {
  return core::AnswerText(c.in.content, c.lang(), q, a);
}

}  // namespace ui
