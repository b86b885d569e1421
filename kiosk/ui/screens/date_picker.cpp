// The date picker: a dialog with a grid of days, months or years; it cannot produce an impossible date.
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
  int selected = -1, cols = 7;
  std::string title;
  std::vector<std::string> decades;
  int newest_decade = today.year / 10 * 10;
  if (s.date_part == 0) {
    title = c.Ui("day");
    int days = d.month ? core::DaysInMonth(d.year ? d.year : 2000, d.month) : 31;
    for (int i = 1; i <= days; ++i) labels.push_back(std::to_string(i));
    selected = d.day - 1;
  } else if (s.date_part == 1) {
    title = c.Ui("month");
    cols = 3;
    for (const auto& m : c.in.content.app.months) labels.push_back(c.T(m));
    selected = d.month - 1;
  } else {
    title = c.Ui("year");
    cols = 5;
    if (d.year) s.decade = d.year / 10 * 10;
    s.decade = std::clamp(s.decade, newest_decade - 110, newest_decade);
    for (int y = s.decade; y < s.decade + 10 && y <= today.year; ++y) labels.push_back(std::to_string(y));
    selected = d.year ? d.year - s.decade : -1;
  }
  float grid_h = GridHeight(t, labels.size(), cols);
  float nav_h = s.date_part == 2 ? t.target() + t.em * 0.6f : 0;
  float h = pad + t.em * 1.6f + t.em * 0.8f + nav_h + grid_h + t.target() + pad;
  ImVec2 p0((c.size.x - w) * 0.5f, std::max(t.em, (c.size.y - h) * 0.5f));
  dl->AddRectFilled(p0, ImVec2(p0.x + w, p0.y + h), t.white, t.radius);
  float y = p0.y + pad;
  c.paint.scope = c.T(q->label);
  DrawText(c.paint, t.fonts.heading, t.text, ImVec2(p0.x + pad, y), title, inner);
  y += t.em * 2.4f;
  if (s.date_part == 2) {
    // step a decade at a time: "‹ 1980s" and "1990s ›"
    std::string older = std::to_string(s.decade - 10) + "s", newer = std::to_string(s.decade + 10) + "s";
    float bw = t.em * 6;
    if (s.decade - 10 >= newest_decade - 110 &&
        Button(c.paint, "##older", "< " + older, ImVec2(p0.x + pad, y), ImVec2(bw, t.target()),
               ButtonStyle::kOutline)) {
      s.decade -= 10;
    }
    if (s.decade + 10 <= newest_decade &&
        Button(c.paint, "##newer", newer + " >", ImVec2(p0.x + w - pad - bw, y), ImVec2(bw, t.target()),
               ButtonStyle::kOutline)) {
      s.decade += 10;
    }
    y += nav_h;
  }
  int tapped = Grid(c, labels, selected, cols, ImVec2(p0.x + pad, y), inner, "pick");
  if (tapped >= 0) {
    if (s.date_part == 0) d.day = tapped + 1;
    if (s.date_part == 1) d.month = tapped + 1;
    if (s.date_part == 2) d.year = s.decade + tapped;
    if (d.month && d.day) d.day = std::min(d.day, core::DaysInMonth(d.year ? d.year : 2000, d.month));
    s.partial_dates[q->id] = d;
    if (d.day && d.month && d.year) {
      c.Emit(core::intent::SetAnswer{q->id, d.ToString()});
      s.date_picker.clear();
    } else {
      s.date_part = !d.day ? 0 : !d.month ? 1 : 2;  // go on to the part still missing
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
