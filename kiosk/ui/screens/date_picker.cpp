// The date picker: a dialog with a grid of days, months or years. What it offers comes from
// core/date_picker, so it cannot produce an impossible or future date.
#include <algorithm>

#include "core/touch/date_picker.h"
#include "ui/screens/questions.h"
#include "ui/screens/screen.h"

namespace ui {

namespace {

// Lays out `labels` in a grid of `cols`; returns the index tapped or -1.
int Grid(ScreenContext& c, const std::vector<std::string>& labels, int selected, int cols, ImVec2 pos,
         float width, const std::string& tag) {
  const Theme& t = c.theme();
  float gap = t.em * 0.4f, h = t.target();
  float w = (width - gap * static_cast<float>(cols - 1)) / static_cast<float>(cols);
  int tapped = -1;
  NavGroup group(c.paint, tag);  // up and down move by rows of the grid
  for (size_t i = 0; i < labels.size(); ++i) {
    int row = static_cast<int>(i) / cols, col = static_cast<int>(i) % cols;
    ImVec2 p(pos.x + static_cast<float>(col) * (w + gap), pos.y + static_cast<float>(row) * (h + gap));
    std::string id = "##" + tag + std::to_string(i);
    if (Button(c.paint, id.c_str(), labels[i], p, ImVec2(w, h),
               static_cast<int>(i) == selected ? ButtonStyle::kSelected : ButtonStyle::kSoft, t.fonts.body)) {
      tapped = static_cast<int>(i);
    }
  }
  return tapped;
}

float GridHeight(const Theme& t, size_t n, int cols) {
  int rows = static_cast<int>((n + static_cast<size_t>(cols) - 1) / static_cast<size_t>(cols));
  return static_cast<float>(rows) * (t.target() + t.em * 0.4f);
}

}  // namespace

void DrawDatePicker(ScreenContext& c) {
  const Theme& t = c.theme();
  UiState& s = c.state;
  const core::Question* q = c.in.content.FindQuestion(s.date_picker);
  if (!q) {
    s.date_picker.clear();
    return;
  }
  core::Date d = s.partial_dates[q->id];
  if (auto it = c.in.session.answers.find(q->id); it != c.in.session.answers.end()) {
    if (auto* str = std::get_if<std::string>(&it->second)) {
      if (auto parsed = core::ParseDate(*str)) d = *parsed;
    }
  }
  ImDrawList* dl = ImGui::GetWindowDrawList();
  float w = std::min(c.size.x - 2 * t.margin(), t.em * 30), pad = t.em * 1.2f, inner = w - 2 * pad;
  const core::Date today = c.in.today;
  std::vector<std::string> labels;
  std::vector<int> values;  // what each grid cell chooses
  int selected = -1, cols = 7;
  std::string title;
  core::DatePickerState& picker = s.picker;
  if (picker.part == core::DatePart::kDay) {
    title = c.Ui("day");
    for (int i = 1; i <= core::DaysToOffer(d, today); ++i) values.push_back(i);
    for (int v : values) labels.push_back(std::to_string(v));
    selected = d.day - 1;
  } else if (picker.part == core::DatePart::kMonth) {
    title = c.Ui("month");
    cols = 3;
    for (int i = 1; i <= core::MonthsToOffer(d, today); ++i) {
      values.push_back(i);
      labels.push_back(c.T(c.in.content.app.months[static_cast<size_t>(i - 1)]));
    }
    selected = d.month - 1;
  } else {
    title = c.Ui("year");
    cols = 5;
    values =
        core::YearsToOffer(picker.decade, today);  // the decade is the picker's: only its buttons move it
    for (size_t i = 0; i < values.size(); ++i) {
      labels.push_back(std::to_string(values[i]));
      if (values[i] == d.year) selected = static_cast<int>(i);
    }
  }
  bool years = picker.part == core::DatePart::kYear;
  float grid_h = GridHeight(t, labels.size(), cols);
  float nav_h = years ? t.target() + t.em * 0.6f : 0;
  float h = pad + t.em * 1.6f + t.em * 0.8f + nav_h + grid_h + t.target() + pad;
  ImVec2 p0((c.size.x - w) * 0.5f, std::max(t.em, (c.size.y - h) * 0.5f));
  dl->AddRectFilled(p0, ImVec2(p0.x + w, p0.y + h), t.white, t.radius);
  float y = p0.y + pad;
  c.paint.scope = c.T(q->label);
  c.paint.question = q->id;
  DrawText(c.paint, t.fonts.heading, t.text, ImVec2(p0.x + pad, y), title, inner);
  y += t.em * 2.4f;
  if (years) {
    // step a decade at a time: ui.decade_older / decade_newer ("< 1980s" and "1990s >" in English)
    std::string older = core::Format(c.Ui("decade_older"), {{"decade", std::to_string(picker.decade - 10)}}),
                newer = core::Format(c.Ui("decade_newer"), {{"decade", std::to_string(picker.decade + 10)}});
    float bw = std::max({t.em * 6, ButtonWidth(c.paint, older), ButtonWidth(c.paint, newer)});
    NavGroup group(c.paint, "decade");
    if (core::CanStepDecade(picker, -1, today) && Button(c.paint, "##older", older, ImVec2(p0.x + pad, y),
                                                         ImVec2(bw, t.target()), ButtonStyle::kOutline)) {
      core::StepDecade(picker, -1, today);
    }
    if (core::CanStepDecade(picker, +1, today) &&
        Button(c.paint, "##newer", newer, ImVec2(p0.x + w - pad - bw, y), ImVec2(bw, t.target()),
               ButtonStyle::kOutline)) {
      core::StepDecade(picker, +1, today);
    }
    y += nav_h;
  }
  // each part's cells have their own ids, so the focus ring starts afresh on the next part's grid
  const char* tag = picker.part == core::DatePart::kDay     ? "pickd"
                    : picker.part == core::DatePart::kMonth ? "pickm"
                                                            : "picky";
  int tapped = Grid(c, labels, selected, cols, ImVec2(p0.x + pad, y), inner, tag);
  if (tapped >= 0) {
    d = core::Tap(picker, d, values[static_cast<size_t>(tapped)], today);  // on to the part still missing
    s.partial_dates[q->id] = d;
    if (!core::MissingPart(d)) {
      c.Emit(core::intent::SetAnswer{q->id, d.ToString()});
      s.date_picker.clear();
    }
  }
  y += grid_h + t.em * 0.2f;
  const std::string& done = c.Ui("back");
  if (Button(c.paint, "##picker_close", done, ImVec2(p0.x + pad, y),
             ImVec2(ButtonWidth(c.paint, done), t.target()), ButtonStyle::kOutline)) {
    s.date_picker.clear();
  }
}

}  // namespace ui
