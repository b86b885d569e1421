// One question of each type, drawn for touch: cards, yes/no, text and number fields, date, signature,
// consent, info.
#include "ui/screens/questions.h"

#include <algorithm>
#include <cstring>

#include "core/touch/date_picker.h"
#include "core/visit/flags.h"
#include "core/visit/rules.h"
#include "core/visit/validation.h"

namespace ui {

namespace {

const core::Answer* Find(const ScreenContext& c, const std::string& id) {
  auto it = c.in.session.answers.find(id);
  return it == c.in.session.answers.end() ? nullptr : &it->second;
}

float Y() {
  return ImGui::GetCursorScreenPos().y;
}
void Advance(float x, float to_y) {
  ImGui::SetCursorScreenPos(ImVec2(x, Y()));
  ImGui::Dummy(ImVec2(1, std::max(0.0f, to_y - Y())));
  ImGui::SetCursorScreenPos(ImVec2(x, to_y));
}

// Label and help line; returns nothing, advances the cursor.
void LabelBlock(ScreenContext& c, const core::Question& q, float x, float width) {
  const Theme& t = c.theme();
  float y = Y();
  if (!q.label.empty()) y += DrawText(c.paint, t.fonts.bold, t.text, ImVec2(x, y), c.T(q.label), width);
  if (!q.help.empty())
    y += t.em * 0.15f +
         DrawText(c.paint, t.fonts.body, t.muted, ImVec2(x, y + t.em * 0.15f), c.T(q.help), width);
  Advance(x, y + t.em * 0.5f);
}

// Paragraphs (split at blank lines) half a line apart; returns where the last one's text ends.
float ParagraphsBottom(ScreenContext& c, const std::string& text, float x, float width) {
  const Theme& t = c.theme();
  float y = Y(), bottom = y;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find("\n\n", start);
    std::string para = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (!para.empty()) {
      bottom = y + DrawText(c.paint, t.fonts.body, t.text, ImVec2(x, y), para, width);
      y = bottom + t.em * 0.5f;
    }
    if (end == std::string::npos) break;
    start = end + 2;
  }
  Advance(x, y);
  return bottom;
}

void Paragraphs(ScreenContext& c, const std::string& text, float x, float width) {
  ParagraphsBottom(c, text, x, width);
}

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

// Characters a field of this type accepts from a physical keyboard.
bool Accepts(core::QuestionType type, const std::string& ch) {
  if (type == core::QuestionType::kPhone) {
    return ch.size() == 1 && std::string("0123456789+ -()").find(ch[0]) != std::string::npos;
  }
  if (type == core::QuestionType::kNumber) return ch.size() == 1 && ch[0] >= '0' && ch[0] <= '9';
  if (type == core::QuestionType::kEmail) return ch != " ";
  return ch.size() > 1 || static_cast<unsigned char>(ch[0]) >= 0x20;
}

// A touch text field: shows the answer with a caret when focused; typing comes from the on-screen
// keyboard (or a physical one), appending at the end.
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
  if (ImGui::InvisibleButton(id.c_str(), box.GetSize()) && c.paint.enabled && !focused) {
    c.state.focused = q.id;
    c.state.keyboard = {};
    c.state.keyboard.shift =
        value.empty() && q.type == core::QuestionType::kText;  // names start with a capital
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
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter))) c.state.focused.clear();
    if (typed != value) {
      c.state.keyboard.shift = false;  // the capital was typed on the physical keyboard
      c.Emit(core::intent::SetAnswer{q.id, typed});
      value = typed;
    }
  }
  ImDrawList* dl = ImGui::GetWindowDrawList();
  bool has_error = c.in.session.errors.count(q.id) > 0;
  dl->AddRectFilled(box.Min, box.Max, t.white, t.radius * 0.6f);
  dl->AddRect(box.Min, box.Max,
              focused     ? t.brand
              : has_error ? t.alert
                          : t.line,
              t.radius * 0.6f, 0, focused ? std::max(2.0f, t.em * 0.1f) : std::max(2.0f, t.em * 0.06f));
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

void SignaturePad(ScreenContext& c, const core::Question& q, float x, float width) {
  const Theme& t = c.theme();
  LabelBlock(c, q, x, width);
  const core::Answer* a = Find(c, q.id);
  core::Signature sig =
      a && std::holds_alternative<core::Signature>(*a) ? std::get<core::Signature>(*a) : core::Signature{};
  ImVec2 size(std::min(width, t.em * 26), t.em * 8);
  ImVec2 pos(x, Y());
  ImRect box(pos, ImVec2(pos.x + size.x, pos.y + size.y));
  ImGui::SetCursorScreenPos(pos);
  std::string id = "##sign_" + q.id;
  ImGui::InvisibleButton(id.c_str(), size);
  bool active = ImGui::IsItemActive() && c.paint.enabled;
  ImGuiIO& io = ImGui::GetIO();
  if (active) {
    c.state.signing = q.id;
    c.state.focused.clear();  // signing closes the keyboard: the pad needs the room
    core::Point p{std::clamp(io.MousePos.x - pos.x, 0.0f, size.x),
                  std::clamp(io.MousePos.y - pos.y, 0.0f, size.y)};
    if (c.state.stroke.points.empty() || !(c.state.stroke.points.back() == p))
      c.state.stroke.points.push_back(p);
  } else if (c.state.signing == q.id) {
    if (!c.state.stroke.points.empty()) {
      sig.width = size.x;
      sig.height = size.y;
      c.state.stroke_history.Add(q.id, sig, std::move(c.state.stroke));
      c.Emit(core::intent::SetAnswer{q.id, sig});
    }
    c.state.stroke = {};
    c.state.signing.clear();
  }
  RegisterRect(c.paint, c.T(q.label), box, false);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  bool error = c.in.session.errors.count(q.id) > 0;
  dl->AddRectFilled(box.Min, box.Max, t.white, t.radius * 0.6f);
  dl->AddRect(box.Min, box.Max,
              active  ? t.brand
              : error ? t.alert
                      : t.line,
              t.radius * 0.6f, 0, std::max(2.0f, t.em * 0.07f));
  float base_y = box.Min.y + size.y * 0.72f;
  dl->AddRectFilled(ImVec2(box.Min.x + t.em, base_y), ImVec2(box.Max.x - t.em, base_y + 2), t.line);
  if (sig.strokes.empty() && c.state.stroke.points.empty()) {
    DrawText(c.paint, t.fonts.body, t.muted, ImVec2(box.Min.x + t.em, base_y - t.em * 1.5f),
             c.Ui("sign_here"), 0);
  }
  // the date of signing, under the line at the right, as on a paper form
  std::string today = DateText(c, c.in.today);
  ImVec2 ts = Measure(t.fonts.body, today);
  DrawText(c.paint, t.fonts.body, t.muted, ImVec2(box.Max.x - t.em - ts.x, base_y + t.em * 0.35f), today, 0);
  float ink_w = std::max(2.0f, t.em * 0.1f);
  if (sig.width > 0) DrawSignatureStrokes(dl, sig, box, t.text, ink_w);
  if (c.state.signing == q.id) {
    DrawSignatureStrokes(dl, core::Signature{{c.state.stroke}, size.x, size.y}, box, t.text, ink_w);
  }
  float y = box.Max.y + t.em * 0.4f;
  // Clear, Undo (the last stroke) and Redo under the pad
  struct Edit {
    const char* key;
    bool can;
  } edits[] = {{"clear_signature", !sig.strokes.empty()},
               {"undo_stroke", !sig.strokes.empty()},
               {"redo_stroke", c.state.stroke_history.Redoable(q.id) > 0}};
  float bx = x;
  for (const Edit& e : edits) {
    const std::string& label = c.Ui(e.key);
    std::string id = std::string("##") + e.key + q.id;
    float bw = ButtonWidth(c.paint, label);
    if (Button(c.paint, id.c_str(), label, ImVec2(bx, y), ImVec2(bw, t.target()),
               e.can ? ButtonStyle::kOutline : ButtonStyle::kDisabled) &&
        e.can) {
      std::string_view key = e.key;
      if (key == "clear_signature") {
        c.state.stroke_history.Clear(q.id);
        c.Emit(core::intent::ClearAnswer{q.id});
      } else {
        sig.width = size.x;  // an answer cleared by the last undo has no canvas size
        sig.height = size.y;
        key == "undo_stroke" ? c.state.stroke_history.Undo(q.id, sig)
                             : c.state.stroke_history.Redo(q.id, sig);
        if (sig.strokes.empty()) {
          c.Emit(core::intent::ClearAnswer{q.id});
        } else {
          c.Emit(core::intent::SetAnswer{q.id, sig});
        }
      }
    }
    bx += bw + t.em * 0.5f;
  }
  Advance(x, y + t.target() + t.em * 0.3f);
}

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

void Message(ScreenContext& c, float x, float width, const std::string& text, ImU32 colour, bool band) {
  const Theme& t = c.theme();
  float y = Y();
  if (band) {
    float h = Measure(t.fonts.body, text, width - t.em * 1.6f).y + t.em * 0.9f;
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(x, y), ImVec2(x + width, y + h), t.brand_soft,
                                              t.radius * 0.6f);
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(x, y), ImVec2(x + t.em * 0.2f, y + h), t.brand,
                                              t.radius * 0.2f);
    DrawText(c.paint, t.fonts.body, colour, ImVec2(x + t.em * 0.8f, y + t.em * 0.45f), text,
             width - t.em * 1.6f);
    Advance(x, y + h + t.em * 0.4f);
  } else {
    y += DrawText(c.paint, t.fonts.bold, colour, ImVec2(x, y), text, width);
    Advance(x, y + t.em * 0.4f);
  }
}

}  // namespace

void DrawQuestion(ScreenContext& c, const core::Question& q, float width, int depth) {
  if (!c.in.visibility.Shows(q.id)) return;
  const Theme& t = c.theme();
  float indent = depth > 0 ? t.em * 1.4f : 0;
  float x = ImGui::GetCursorScreenPos().x + indent;
  float w = width - indent;
  float top = Y();
  c.paint.scope = c.T(q.label);
  ImGui::PushID(q.id.c_str());
  using QT = core::QuestionType;
  switch (q.type) {
    case QT::kInfo:
      if (!q.label.empty()) {
        float y = Y();
        Advance(x, y + DrawText(c.paint, t.fonts.bold, t.brand, ImVec2(x, y), c.T(q.label), w) + t.em * 0.3f);
      }
      Paragraphs(c, c.T(q.body), x, std::min(w, t.em * 42));
      break;
    case QT::kConsent:
      Consent(c, q, x, w);
      break;
    case QT::kYesNo:
      YesNo(c, q, x, w);
      break;
    case QT::kSingleChoice:
    case QT::kMultiChoice:
      Choices(c, q, x, w);
      break;
    case QT::kText:
    case QT::kEmail:
    case QT::kPhone:
    case QT::kNumber:
      TextField(c, q, x, w);
      break;
    case QT::kDate:
      DateField(c, q, x, w);
      break;
    case QT::kSignature:
      SignaturePad(c, q, x, w);
      break;
  }
  if (auto e = c.in.session.errors.find(q.id); e != c.in.session.errors.end()) {
    std::string msg = core::Format(c.Ui(e->second.key), {{"n", std::to_string(e->second.n)}});
    Message(c, x, std::min(w, t.em * 40), msg, t.alert, false);
  }
  if (q.id == c.state.reveal_question) {  // Next or Send found this first: the question down to its message
    c.state.reveal = UiState::Span{top - c.paint.scroll_origin, Y() - c.paint.scroll_origin};
    c.state.reveal_question.clear();
  }
  if (core::RaisesFlag(c.in.flags, q.id))
    Message(c, x, std::min(w, t.em * 40), c.Ui("flag_message"), t.text, true);
  for (const auto& f : q.follow_ups) {
    ImGui::SetCursorScreenPos(ImVec2(x - indent, Y()));
    DrawQuestion(c, f, width, depth + 1);
  }
  if (depth > 0) {
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(x - indent, top),
                                              ImVec2(x - indent + t.em * 0.18f, Y() - t.em * 0.6f),
                                              t.brand_soft, t.em * 0.1f);
  }
  ImGui::PopID();
  ImGui::SetCursorScreenPos(ImVec2(x - indent, Y()));
  ImGui::Dummy(ImVec2(1, q.type == QT::kInfo ? t.em * 0.5f : t.em * 1.1f));
}

void DrawSignatureStrokes(ImDrawList* dl, const core::Signature& s, const ImRect& box, ImU32 ink,
                          float thickness) {
  float sx = box.GetWidth() / s.width, sy = box.GetHeight() / s.height;
  float k = std::min(sx, sy);
  for (const auto& stroke : s.strokes) {
    std::vector<core::Point> line = core::Smooth(stroke.points, std::max(2.0f, 3.0f / k));
    std::vector<ImVec2> points;
    points.reserve(line.size());
    for (const auto& p : line) points.push_back(ImVec2(box.Min.x + p.x * k, box.Min.y + p.y * k));
    if (points.size() > 1) dl->AddPolyline(points.data(), static_cast<int>(points.size()), ink, 0, thickness);
    if (stroke.points.size() == 1) {
      dl->AddCircleFilled(ImVec2(box.Min.x + stroke.points[0].x * k, box.Min.y + stroke.points[0].y * k),
                          thickness, ink);
    }
  }
}

std::string DateText(const ScreenContext& c, const core::Date& d) {
  if (d.month < 1 || d.month > 12 || c.in.content.app.months.size() != 12) return d.ToString();
  return core::FormatDate(d, c.Ui("date_format"),
                          c.T(c.in.content.app.months[static_cast<size_t>(d.month - 1)]));
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
      out += (out.empty() ? "" : ", ") + (o ? c.T(o->label) : id);
    }
    return out;
  }
  return {};
}

}  // namespace ui
