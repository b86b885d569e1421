// The on-screen keyboard, docked at the bottom above Back and Next while a text field is focused.
// Keys come from core::KeyboardRows with the visit's language's layout (content/keyboards); each tap becomes
// a SetAnswer for the focused question.
#include "ui/screens/keyboard.h"

#include "core/touch/keyboard.h"
#include "core/visit/validation.h"

namespace ui {

namespace {

std::vector<core::KeyRow> Rows(const ScreenContext& c, const core::Question& q) {
  return core::KeyboardRows(core::KeyboardKindFor(q.type), c.in.content.KeyboardFor(c.in.session.language),
                            c.state.keyboard);
}

struct KeyMetrics {
  float unit, height, gap, pad;
};

KeyMetrics Metrics(const ScreenContext& c, const std::vector<core::KeyRow>& rows) {
  const Theme& t = c.theme();
  float widest = 0;
  for (const auto& row : rows) {
    float w = 0;
    for (const auto& k : row) w += k.width;
    widest = std::max(widest, w);
  }
  float gap = t.em * 0.3f, pad = t.em * 0.5f;
  float unit = std::min((c.size.x - 2 * pad - gap * (widest - 1)) / widest, t.em * 3.2f);
  return {unit, t.em * 2.2f, gap, pad};
}

const core::Question* Focused(const ScreenContext& c) {
  if (c.state.focused.empty() || c.in.session.screen != core::Screen::kStep) return nullptr;
  const core::Question* q = c.in.content.FindQuestion(c.state.focused);
  auto step = c.in.content.step_of.find(c.state.focused);
  bool here = step != c.in.content.step_of.end() && step->second == &c.in.content.steps[c.in.session.step];
  return q && here && c.in.visibility.Shows(q->id) ? q : nullptr;
}

// Icons for the keys that have no letter (drawn, so no word needs translating).
void DrawIcon(ImDrawList* dl, const core::Key& key, const ImRect& r, ImU32 ink, float em, bool shift_on) {
  ImVec2 c = r.GetCenter();
  float s = em * 0.45f, th = std::max(2.0f, em * 0.08f);
  switch (key.kind) {
    case core::Key::Kind::kShift:
      dl->AddTriangle(ImVec2(c.x, c.y - s), ImVec2(c.x - s, c.y), ImVec2(c.x + s, c.y), ink, th);
      dl->AddRect(ImVec2(c.x - s * 0.45f, c.y), ImVec2(c.x + s * 0.45f, c.y + s * 0.8f), ink, 0, 0, th);
      if (shift_on)
        dl->AddTriangleFilled(ImVec2(c.x, c.y - s), ImVec2(c.x - s, c.y), ImVec2(c.x + s, c.y), ink);
      break;
    case core::Key::Kind::kBackspace:
      dl->AddLine(ImVec2(c.x - s, c.y), ImVec2(c.x - s * 0.4f, c.y - s * 0.7f), ink, th);
      dl->AddLine(ImVec2(c.x - s, c.y), ImVec2(c.x - s * 0.4f, c.y + s * 0.7f), ink, th);
      dl->AddLine(ImVec2(c.x - s * 0.4f, c.y - s * 0.7f), ImVec2(c.x + s, c.y - s * 0.7f), ink, th);
      dl->AddLine(ImVec2(c.x - s * 0.4f, c.y + s * 0.7f), ImVec2(c.x + s, c.y + s * 0.7f), ink, th);
      dl->AddLine(ImVec2(c.x + s, c.y - s * 0.7f), ImVec2(c.x + s, c.y + s * 0.7f), ink, th);
      dl->AddLine(ImVec2(c.x - s * 0.05f, c.y - s * 0.3f), ImVec2(c.x + s * 0.55f, c.y + s * 0.3f), ink, th);
      dl->AddLine(ImVec2(c.x - s * 0.05f, c.y + s * 0.3f), ImVec2(c.x + s * 0.55f, c.y - s * 0.3f), ink, th);
      break;
    case core::Key::Kind::kDone:
      DrawTick(dl, ImRect(ImVec2(c.x - s, c.y - s), ImVec2(c.x + s, c.y + s)), ink, th * 1.3f);
      break;
    default:
      break;
  }
}

const char* TargetName(const core::Key& key) {
  switch (key.kind) {
    case core::Key::Kind::kShift:
      return "Shift";
    case core::Key::Kind::kBackspace:
      return "Backspace";
    case core::Key::Kind::kSpace:
      return "Space";
    case core::Key::Kind::kSymbols:
      return "Symbols";
    case core::Key::Kind::kDone:
      return "Done";
    default:
      return "";
  }
}

// Backspace acts when the finger goes down and repeats while it stays there; returns the presses due now.
int Backspace(ScreenContext& c) {
  core::KeyRepeat& repeat = c.state.backspace;
  if (ImGui::IsItemActivated()) {
    repeat.Press(c.in.now);
    return 1;
  }
  if (ImGui::IsItemActive()) return repeat.Held(c.in.now);
  repeat.Release();
  return 0;
}

}  // namespace

float KeyboardHeight(const ScreenContext& c) {
  const core::Question* q = Focused(c);
  if (!q) return 0;
  auto rows = Rows(c, *q);
  KeyMetrics m = Metrics(c, rows);
  return static_cast<float>(rows.size()) * (m.height + m.gap) - m.gap + 2 * m.pad;
}

void DrawKeyboard(ScreenContext& c, float bottom) {
  const core::Question* q = Focused(c);
  if (!q) {
    c.state.focused.clear();
    return;
  }
  const Theme& t = c.theme();
  auto rows = Rows(c, *q);
  KeyMetrics m = Metrics(c, rows);
  float top = bottom - KeyboardHeight(c);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(ImVec2(0, top), ImVec2(c.size.x, bottom), t.brand_soft);
  dl->AddRectFilled(ImVec2(0, top), ImVec2(c.size.x, top + 1), t.line);
  auto it = c.in.session.answers.find(q->id);
  std::string text = it != c.in.session.answers.end() && std::holds_alternative<std::string>(it->second)
                         ? std::get<std::string>(it->second)
                         : std::string();
  c.paint.scope.clear();
  c.paint.question.clear();
  NavGroup group(c.paint, "keyboard");  // up and down move between rows of keys
  float y = top + m.pad;
  for (size_t r = 0; r < rows.size(); ++r) {
    float row_w = 0;
    for (const auto& k : rows[r]) row_w += k.width * (m.unit + m.gap);
    float x = (c.size.x - (row_w - m.gap)) * 0.5f;
    for (size_t k = 0; k < rows[r].size(); ++k) {
      const core::Key& key = rows[r][k];
      float w = key.width * m.unit + (key.width - 1) * m.gap;
      std::string id = "##key" + std::to_string(r) + "_" + std::to_string(k);
      std::string shown = core::KeyLabel(key, c.state.keyboard);
      ButtonStyle style = key.kind == core::Key::Kind::kDone ? ButtonStyle::kPrimary : ButtonStyle::kOutline;
      bool letter = key.kind != core::Key::Kind::kSymbols && core::SplitCodePoints(key.text).size() == 1;
      ImFont* font = letter ? t.fonts.bold : t.fonts.body;
      // keys draw their own label (or icon); the registry gets the label scripts tap by
      std::string target = shown.empty() ? TargetName(key) : shown;
      bool flashing = c.state.flash_key == id && c.in.now < c.state.flash_until;
      bool tapped = Button(c.paint, id.c_str(), shown, ImVec2(x, y), ImVec2(w, m.height),
                           flashing ? ButtonStyle::kPrimary : style, font);
      int presses = tapped ? 1 : 0;
      if (key.kind == core::Key::Kind::kBackspace) {
        bool by_keypad = c.paint.registry.ActivatedNow(ImGui::GetItemID());  // Select on it: one press
        presses = c.paint.enabled ? std::max(Backspace(c), by_keypad ? 1 : 0) : 0;
      }
      if (presses > 0) {
        c.state.flash_key = id;
        c.state.flash_until = c.in.now + core::kKeyFlash;
      }
      bool open = true;
      const size_t cap = core::InputLimit(*q);  // in characters, as validation counts them
      for (int i = 0; i < presses && open; ++i) open = core::ApplyKey(key, text, c.state.keyboard, cap);
      if (!open) {
        c.state.focused.clear();
      } else if (presses > 0) {  // even a shift: every tap is activity that keeps the visit alive
        c.Emit(core::intent::SetAnswer{q->id, text});
      }
      if (shown.empty()) {
        c.paint.registry.RelabelLast(target);
        DrawIcon(dl, key, ImRect(ImVec2(x, y), ImVec2(x + w, y + m.height)),
                 style == ButtonStyle::kPrimary || flashing ? t.white : t.brand, t.em,
                 c.state.keyboard.shift);
      }
      x += w + m.gap;
    }
    y += m.height + m.gap;
  }
}

}  // namespace ui
