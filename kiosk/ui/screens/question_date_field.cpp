// A date field: day, month and year as three buttons; a tap opens the date picker (date_picker.cpp) on
// that part.
#include "core/base/date.h"
#include "core/touch/date_picker.h"
#include "ui/screens/question_parts.h"

namespace ui::question {

void DateField(ScreenContext& c, const core::Question& q, float x, float width) {
  const Theme& t = c.theme();
  LabelBlock(c, q, x, width);
  core::Date d;
  if (auto it = c.state.partial_dates.find(q.id); it != c.state.partial_dates.end()) d = it->second;
  if (const core::Answer* a = Find(c, q.id); a && std::holds_alternative<std::string>(*a)) {
    if (auto parsed = core::ParseDate(std::get<std::string>(*a))) d = *parsed;
  }
  std::string parts[3] = {
      d.day ? std::to_string(d.day) : c.Ui("day"),
      d.month ? c.T(c.in.content.app.months.at(static_cast<size_t>(d.month - 1))) : c.Ui("month"),
      d.year ? std::to_string(d.year) : c.Ui("year")};
  float widths[3] = {t.em * 5, t.em * 9, t.em * 6};
  float bx = x, y = Y();
  NavGroup group(c.paint, q.id + "#date");  // left and right move between day, month and year
  for (int k = 0; k < 3; ++k) {
    std::string id = "##date" + std::to_string(k) + q.id;
    bool set = k == 0 ? d.day : k == 1 ? d.month : d.year;
    if (Button(c.paint, id.c_str(), parts[k], ImVec2(bx, y), ImVec2(widths[k], t.target()),
               set ? ButtonStyle::kSoft : ButtonStyle::kOutline, set ? t.fonts.bold : t.fonts.body)) {
      c.state.date_picker = q.id;
      c.state.focused.clear();  // the picker never opens over the last field's keyboard
      c.state.picker = core::OpenPicker(d, static_cast<core::DatePart>(k), c.in.today);
    }
    bx += widths[k] + t.gap();
  }
  (void)width;
  Advance(x, y + t.target() + t.em * 0.3f);
}

}  // namespace ui::question
