// An answer as the client reads it on the review screen ("Yes", "Acne scars, Stretch marks",
// "14 May 1990"), and a date in the client's language.
#include "core/base/date.h"
#include "core/touch/date_picker.h"
#include "ui/screens/questions.h"

namespace ui {

std::string DateText(const ScreenContext& c, const core::Date& d) {
  if (d.month < 1 || d.month > 12 || c.in.content.app.months.size() != 12) return d.ToString();
  return core::FormatDate(d, c.Ui("date_format"),
                          c.T(c.in.content.app.months[static_cast<size_t>(d.month - 1)]),
                          c.in.content.app.DayText(d.day, c.lang()));
}

std::string AnswerText(const ScreenContext& c, const core::Question& q, const core::Answer& a) {
  if (auto* b = std::get_if<bool>(&a)) return *b ? c.Ui("yes") : c.Ui("no");
  if (auto* s = std::get_if<std::string>(&a)) {
    if (q.type == core::QuestionType::kDate) {
      auto d = core::ParseDate(*s);
      return d ? DateText(c, *d) : *s;
    }
    if (const core::Option* o = q.FindOption(*s)) return c.T(o->label);
    if (q.type == core::QuestionType::kNumber && !q.unit.empty()) return *s + " " + c.T(q.unit);
    return *s;
  }
  if (auto* list = std::get_if<std::vector<std::string>>(&a)) {
    std::string out;
    for (const auto& id : *list) {
      const core::Option* o = q.FindOption(id);
      out += (out.empty() ? "" : c.Ui("list_separator")) + (o ? c.T(o->label) : id);
    }
    return out;
  }
  return {};
}

}  // namespace ui
