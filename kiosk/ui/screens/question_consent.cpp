// A consent: its text in a tinted box sized to where the text ends, and the tick row under it.
#include <algorithm>

#include "ui/screens/question_parts.h"

namespace ui::question {

void Consent(ScreenContext& c, const core::Question& q, float x, float width) {
  const Theme& t = c.theme();
  float text_w = std::min(width, t.em * 42);
  float pad = t.em * 0.9f;
  float y = Y();
  // the text first, then the box behind it sized to where the text really ends (measuring the body as one
  // block counted each blank line between paragraphs as a whole line: empty space at the bottom)
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->ChannelsSplit(2);
  dl->ChannelsSetCurrent(1);
  ImGui::SetCursorScreenPos(ImVec2(x + pad, y + pad));
  float bottom = ParagraphsBottom(c, c.T(q.body), x + pad, text_w - 2 * pad) + pad;
  dl->ChannelsSetCurrent(0);
  dl->AddRectFilled(ImVec2(x, y), ImVec2(x + text_w, bottom), t.brand_soft, t.radius);
  dl->ChannelsMerge();
  Advance(x, bottom + t.em * 0.6f);
  const core::Answer* a = Find(c, q.id);
  bool checked = a && std::holds_alternative<bool>(*a) && std::get<bool>(*a);
  std::string id = "##consent_" + q.id;
  ImGui::SetCursorScreenPos(ImVec2(x, Y()));
  if (CheckRow(c.paint, id.c_str(), c.T(q.label), checked, text_w))
    c.Emit(core::intent::SetAnswer{q.id, !checked});
  Advance(x, Y() + t.em * 0.2f);
}

}  // namespace ui::question
