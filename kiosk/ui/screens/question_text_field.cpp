// A touch text field (text, email, phone, number): the answer with a caret when focused; typing comes from
// the on-screen keyboard (or a physical one), appending at the end, capped in characters by core.
#include <algorithm>

#include "core/touch/keyboard.h"
#include "core/visit/validation.h"
#include "ui/screens/question_parts.h"

namespace ui::question {

namespace {

// Characters a field of this type accepts from a physical keyboard.
bool Accepts(core::QuestionType type, const std::string& ch) {
  if (type == core::QuestionType::kPhone) {
    return ch.size() == 1 && std::string("0123456789+ -()").find(ch[0]) != std::string::npos;
  }
  if (type == core::QuestionType::kNumber) return ch.size() == 1 && ch[0] >= '0' && ch[0] <= '9';
  if (type == core::QuestionType::kEmail) return ch != " ";
  return ch.size() > 1 || static_cast<unsigned char>(ch[0]) >= 0x20;
}

}  // namespace

void TextField(ScreenContext& c, const core::Question& q, float x, float width) {
  const Theme& t = c.theme();
  float top = Y();
  LabelBlock(c, q, x, width);
  const core::Answer* a = Find(c, q.id);
  std::string value =
      a && std::holds_alternative<std::string>(*a) ? std::get<std::string>(*a) : std::string();
  bool number = q.type == core::QuestionType::kNumber;
  float w = std::min(width, t.em * (number ? 7.0f : q.type == core::QuestionType::kPhone ? 14.0f : 22.0f));
  ImVec2 pos(x, Y());
  ImRect box(pos, ImVec2(pos.x + w, pos.y + t.target()));
  ImGui::SetCursorScreenPos(pos);
  std::string id = "##" + q.id;
  bool focused = c.state.focused == q.id;
  bool tapped = ImGui::InvisibleButton(id.c_str(), box.GetSize());
  bool keyed = !tapped && Activated(c.paint);
  if ((tapped || keyed) && c.paint.enabled && !focused) {
    c.state.focused = q.id;
    c.state.nav.into_keyboard = keyed;  // opened from the keypad: the focus ring moves onto the keys
    c.state.keyboard =
        core::OpenKeyboard(c.in.content.KeyboardFor(c.in.session.language), core::KeyboardKindFor(q.type),
                           value);  // names start with a capital
    // next frame, above the keyboard: the field whole, with its label
    c.state.reveal = UiState::Span{top - c.paint.scroll_origin, box.Max.y - c.paint.scroll_origin};
    focused = true;
  }
  if (focused && c.paint.enabled) {
    // a physical keyboard, where one is attached (and the headless driver's typing)
    std::string typed = value;
    size_t chars = core::CodePoints(value);
    const size_t cap = core::InputLimit(q);  // in characters: a text is never cut inside one
    for (const std::string& ch : core::SplitCodePoints(c.state.typed)) {
      if (Accepts(q.type, ch) && chars < cap) {
        typed += ch;
        ++chars;
      }
    }
    std::fill(c.state.typed.begin(), c.state.typed.end(), '\0');  // typed text must not linger
    c.state.typed.clear();
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Backspace))) core::RemoveLastCharacter(typed);
    // Enter ends typing (with the keypad in use, the focus ring's Select does, and Enter may press a key)
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)) && !c.state.nav.visible)
      c.state.focused.clear();
    if (typed != value) {
      c.state.keyboard.shift = false;  // the capital was typed on the physical keyboard
      c.Emit(core::intent::SetAnswer{q.id, typed});
      value = typed;
    }
  }
  FieldFrame(c, q, box, focused);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  float pad = t.em * 0.6f, inner = w - 2 * pad;
  ImVec2 ts = Measure(t.fonts.body, value);
  // while typing, the end of a long answer is in view (where the caret is); otherwise its start
  float text_x = box.Min.x + pad - (focused ? std::max(0.0f, ts.x - inner) : 0.0f);
  float text_y = box.Min.y + (t.target() - t.em) * 0.5f;
  dl->PushClipRect(ImVec2(box.Min.x + pad * 0.5f, box.Min.y), ImVec2(box.Max.x - pad * 0.5f, box.Max.y),
                   true);
  dl->AddText(t.fonts.body, t.fonts.body->FontSize, ImVec2(text_x, text_y), t.text, value.c_str(),
              value.c_str() + value.size());
  if (focused) {
    float cx = text_x + ts.x + 2;
    dl->AddRectFilled(ImVec2(cx, text_y), ImVec2(cx + std::max(2.0f, t.em * 0.07f), text_y + t.em), t.brand);
  }
  dl->PopClipRect();
  c.paint.registry.AddText(value);
  RegisterRect(c.paint, c.T(q.label), box, false);
  if (focused && c.paint.enabled && !c.paint.registry.targets().empty())
    c.paint.registry.SetFocusedField(c.paint.registry.targets().back());
  if (number && !q.unit.empty()) {  // "months" after the box, centred on its line
    float unit_x = box.Max.x + t.em * 0.6f;
    DrawText(c.paint, t.fonts.body, t.text, ImVec2(unit_x, text_y), c.T(q.unit), x + width - unit_x);
  }
  Advance(x, box.Max.y + t.em * 0.3f);
}

}  // namespace ui::question
