// Questions answered by tapping: Yes / No buttons, and single- or multi-choice cards (a multi-choice card
// sends ToggleOption: core adds or removes the option in the session's own answer).
#include <algorithm>

#include "ui/screens/question_parts.h"

namespace ui::question {

void YesNo(ScreenContext& c, const core::Question& q, float x, float width) {
  const Theme& t = c.theme();
  const core::Answer* a = Find(c, q.id);
  std::optional<bool> value;
  if (a && std::holds_alternative<bool>(*a)) value = std::get<bool>(*a);
  float bw = std::max(ButtonWidth(c.paint, c.Ui("yes")), ButtonWidth(c.paint, c.Ui("no")));
  float buttons_w = 2 * bw + t.gap();
  bool side = width >= t.em * 30 + buttons_w;  // buttons beside the question on wide screens
  float text_w = side ? width - buttons_w - t.em * 1.5f : width;
  float y0 = Y();
  LabelBlock(c, q, x, text_w);
  float label_bottom = Y();
  float by = side ? y0 : label_bottom;
  std::string yes_id = "##yes_" + q.id, no_id = "##no_" + q.id;
  NavGroup group(c.paint, q.id, true);  // left and right choose, as arrows do in a radio group
  float bx = side ? x + width - buttons_w : x;
  if (Button(c.paint, yes_id.c_str(), c.Ui("yes"), ImVec2(bx, by), ImVec2(bw, t.target()),
             value == true ? ButtonStyle::kSelected : ButtonStyle::kOutline)) {
    c.Emit(core::intent::SetAnswer{q.id, true});
  }
  if (Button(c.paint, no_id.c_str(), c.Ui("no"), ImVec2(bx + bw + t.gap(), by), ImVec2(bw, t.target()),
             value == false ? ButtonStyle::kSelected : ButtonStyle::kOutline)) {
    c.Emit(core::intent::SetAnswer{q.id, false});
  }
  Advance(x, std::max(label_bottom, by + t.target() + t.em * 0.3f));
}

void Choices(ScreenContext& c, const core::Question& q, float x, float width) {
  const Theme& t = c.theme();
  LabelBlock(c, q, x, width);
  bool multi = q.type == core::QuestionType::kMultiChoice;
  const core::Answer* a = Find(c, q.id);
  std::vector<std::string> chosen;
  if (a && multi) chosen = std::get<std::vector<std::string>>(*a);
  if (a && !multi) chosen = {std::get<std::string>(*a)};
  float gap = t.gap();
  int fits = std::max(1, static_cast<int>((width + gap) / (t.em * 13 + gap)));
  int n = static_cast<int>(q.options.size());
  int cols = std::min({3, fits, n});
  if (n == 4 && fits >= 4) cols = 4;
  float card_w = (width - gap * static_cast<float>(cols - 1)) / static_cast<float>(cols);
  float y = Y();
  NavGroup group(c.paint, q.id, !multi);
  for (int row = 0; row * cols < n; ++row) {
    float row_h = 0;
    for (int k = row * cols; k < std::min(n, row * cols + cols); ++k) {
      const auto& o = q.options[static_cast<size_t>(k)];
      row_h = std::max(row_h, ChoiceCardHeight(c.paint, c.T(o.label),
                                               o.description.empty() ? "" : c.T(o.description), card_w));
    }
    for (int k = row * cols; k < std::min(n, row * cols + cols); ++k) {
      const auto& o = q.options[static_cast<size_t>(k)];
      bool checked = std::find(chosen.begin(), chosen.end(), o.id) != chosen.end();
      std::string id = "##" + q.id + "_" + o.id;
      ImVec2 pos(x + static_cast<float>(k - row * cols) * (card_w + gap), y);
      if (ChoiceCard(c.paint, id.c_str(), c.T(o.label), o.description.empty() ? "" : c.T(o.description),
                     checked, multi, pos, ImVec2(card_w, row_h))) {
        if (multi) {
          c.Emit(core::intent::ToggleOption{q.id, o.id});  // core toggles it in the session's answer
        } else {
          c.Emit(core::intent::SetAnswer{q.id, o.id});
        }
      }
    }
    y += row_h + gap;
  }
  Advance(x, y);
}

}  // namespace ui::question
