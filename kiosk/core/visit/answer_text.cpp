// Answers in words: options by their labels, dates by the content's format and month names.
#include "core/visit/answer_text.h"

#include "core/touch/date_picker.h"

namespace core {

std::string DateText(const Content& content, const std::string& lang, const Date& d) {
  if (d.month < 1 || d.month > 12 || content.app.months.size() != 12) return d.ToString();
  return FormatDate(d, content.app.Ui("date_format").In(lang),
                    content.app.months[static_cast<size_t>(d.month - 1)].In(lang),
                    content.app.DayText(d.day, lang));
}

std::string AnswerText(const Content& content, const std::string& lang, const Question& q, const Answer& a) {
  if (auto* b = std::get_if<bool>(&a)) return content.app.Ui(*b ? "yes" : "no").In(lang);
  if (auto* s = std::get_if<std::string>(&a)) {
    if (q.type == QuestionType::kDate) {
      auto d = ParseDate(*s);
      return d ? DateText(content, lang, *d) : *s;
    }
    if (const Option* o = q.FindOption(*s)) return o->label.In(lang);
    if (q.type == QuestionType::kNumber && !q.unit.empty()) return *s + " " + q.unit.In(lang);
    return *s;
  }
  if (auto* list = std::get_if<std::vector<std::string>>(&a)) {
    std::string out;
    for (const auto& id : *list) {
      const Option* o = q.FindOption(id);
      out += (out.empty() ? "" : content.app.Ui("list_separator").In(lang)) + (o ? o->label.In(lang) : id);
    }
    return out;
  }
  return {};
}

}  // namespace core
