// Touch widgets: buttons, choice cards, tick rows, wrapped text.
#include "ui/paint.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

namespace ui {

ImVec2 Measure(ImFont* font, const std::string& text, float wrap_width) {
  return font->CalcTextSizeA(font->FontSize, FLT_MAX, wrap_width, text.c_str(), text.c_str() + text.size());
}

float DrawText(Paint& p, ImFont* font, ImU32 colour, ImVec2 pos, const std::string& text, float wrap_width) {
  if (text.empty()) return 0;
  ImGui::GetWindowDrawList()->AddText(font, font->FontSize, pos, colour, text.c_str(),
                                      text.c_str() + text.size(), wrap_width);
  ImVec2 size = Measure(font, text, wrap_width);
  p.registry.AddText(
      PlacedText{text, p.scope, ImRect(pos, ImVec2(pos.x + size.x, pos.y + size.y)), p.clip, p.layer});
  return size.y;
}

float DrawCentredLines(Paint& p, ImFont* font, ImU32 colour, float centre_x, float y, const std::string& text,
                       float wrap_width) {
  if (text.empty()) return 0;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const char* line = text.c_str();
  const char* end = line + text.size();
  float top = y;
  while (line < end) {
    const char* cut = font->CalcWordWrapPositionA(1.0f, line, end, wrap_width);
    if (cut == line) ++cut;  // a word wider than the line: one character, never an endless loop
    const char* stop = cut;
    for (const char* nl = line; nl < cut; ++nl) {
      if (*nl == '\n') {
        stop = cut = nl;
        break;
      }
    }
    while (stop > line && stop[-1] == ' ') --stop;
    float w = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, line, stop).x;
    dl->AddText(font, font->FontSize, ImVec2(centre_x - w * 0.5f, y), colour, line, stop);
    y += font->FontSize;
    line = cut;
    while (line < end && (*line == ' ' || *line == '\n')) {
      bool newline = *line == '\n';
      ++line;
      if (newline) break;
    }
  }
  p.registry.AddText(text);
  return y - top;
}

void RegisterRect(Paint& p, const std::string& label, const ImRect& rect, bool clipped, bool checked) {
  if (!p.enabled) return;
  Target t;
  t.id = ImGui::GetItemID();
  t.group = p.group;
  t.radio = p.radio;
  t.chrome = p.chrome;
  t.checked = checked;
  t.label = label;
  t.scope = p.scope;
  t.question = p.question;
  t.rect = rect;
  t.clip = p.clip;
  t.in_scroll = p.in_scroll;
  t.content_y = rect.Min.y - p.scroll_origin;
  t.clipped = clipped;
  t.layer = p.layer;
  p.registry.AddTarget(std::move(t));
}

void FillRoundedRect(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 colour, float rounding) {
  float r = std::min({rounding, (b.x - a.x) * 0.5f, (b.y - a.y) * 0.5f});
  bool opaque = (colour >> IM_COL32_A_SHIFT & 0xFF) == 0xFF;  // overlapping translucent pieces would show
  if (r < 1.0f || !opaque) {
    dl->AddRectFilled(a, b, colour, rounding);
    return;
  }
  // The body on whole pixels (SDL truncates fractional rectangles), reaching 1 px into each corner so that
  // the corners' anti-aliased inner edges fall on body pixels and leave no seam.
  float left = std::floor(a.x + r) - 1, right = std::ceil(b.x - r) + 1;
  float top = std::floor(a.y + r) - 1, bottom = std::ceil(b.y - r) + 1;
  dl->AddRectFilled(ImVec2(left, std::round(a.y)), ImVec2(right, std::round(b.y)), colour);
  dl->AddRectFilled(ImVec2(std::round(a.x), top), ImVec2(left, bottom), colour);
  dl->AddRectFilled(ImVec2(right, top), ImVec2(std::round(b.x), bottom), colour);
  // each corner: centre, then its quarter arc (in twelfths of a turn, as ImGui's own rounded rectangle)
  const struct {
    ImVec2 centre;
    int from, to;
  } corners[] = {{ImVec2(a.x + r, a.y + r), 6, 9},
                 {ImVec2(b.x - r, a.y + r), 9, 12},
                 {ImVec2(b.x - r, b.y - r), 0, 3},
                 {ImVec2(a.x + r, b.y - r), 3, 6}};
  for (const auto& c : corners) {
    dl->PathLineTo(c.centre);
    dl->PathArcToFast(c.centre, r, c.from, c.to);
    dl->PathFillConvex(colour);
  }
}

namespace {

bool Tap(Paint& p, const char* id, ImVec2 pos, ImVec2 size) {
  ImGui::SetCursorScreenPos(pos);
  bool pressed = ImGui::InvisibleButton(id, size);
  return (pressed || Activated(p)) && p.enabled;
}

}  // namespace

bool Activated(Paint& p) {
  return p.enabled && p.registry.TakeActivation(ImGui::GetItemID());
}

float ButtonWidth(const Paint& p, const std::string& label, ImFont* font) {
  font = font ? font : p.theme.fonts.bold;
  return std::max(Measure(font, label).x + p.theme.em * 2.4f, p.theme.em * 6.0f);
}

bool Button(Paint& p, const char* id, const std::string& label, ImVec2 pos, ImVec2 size, ButtonStyle style,
            ImFont* font) {
  const Theme& t = p.theme;
  font = font ? font : t.fonts.bold;
  bool tapped = Tap(p, id, pos, size);
  bool held = ImGui::IsItemActive();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 max(pos.x + size.x, pos.y + size.y);
  float r = std::min(size.y * 0.5f, t.radius * 1.5f);
  ImU32 fill = 0, border = 0, ink = t.brand;
  switch (style) {
    case ButtonStyle::kPrimary:
    case ButtonStyle::kSelected:  // a chosen answer looks like the action it is
      fill = t.brand;
      ink = t.white;
      break;
    case ButtonStyle::kOutline:
      fill = t.white;
      border = t.brand;
      break;
    case ButtonStyle::kSoft:
      fill = t.brand_soft;
      border = t.line;
      ink = t.text;
      break;
    case ButtonStyle::kDisabled:
      // unavailable by shape and weight, not by colour alone: a flat fill with no border and regular words
      // (in high contrast `muted` is nearly black, so grey words alone read as the boldest button there)
      fill = t.brand_soft;
      ink = t.muted;
      if (font == t.fonts.bold) font = t.fonts.body;
      held = false;
      break;
  }
  if (held) fill = style == ButtonStyle::kPrimary || style == ButtonStyle::kSelected ? t.text : t.brand_soft;
  if (fill) FillRoundedRect(dl, pos, max, fill, r);
  if (border) dl->AddRect(pos, max, border, r, 0, std::max(2.0f, t.em * 0.08f));
  ImVec2 ts = Measure(font, label);
  // a chosen answer also carries a tick before its words, so the choice does not rest on colour alone
  float tick = style == ButtonStyle::kSelected && !label.empty() ? t.em * 1.2f : 0;
  bool clipped = ts.x + tick > size.x - t.em * 0.8f || ts.y > size.y;
  float text_x = pos.x + (size.x - ts.x + tick) * 0.5f;
  dl->PushClipRect(pos, max, true);
  if (tick > 0) {
    float cy = pos.y + size.y * 0.5f, s = t.em * 1.0f;
    DrawTick(dl, ImRect(ImVec2(text_x - tick, cy - s * 0.5f), ImVec2(text_x - tick + s, cy + s * 0.5f)), ink,
             std::max(2.0f, t.em * 0.1f));
  }
  dl->AddText(font, font->FontSize, ImVec2(text_x, pos.y + (size.y - ts.y) * 0.5f), ink, label.c_str(),
              label.c_str() + label.size());
  dl->PopClipRect();
  p.registry.AddText(label);
  RegisterRect(p, label, ImRect(pos, max), clipped, style == ButtonStyle::kSelected);
  return tapped;
}

void DrawTick(ImDrawList* dl, const ImRect& box, ImU32 colour, float thickness) {
  ImVec2 a(box.Min.x + box.GetWidth() * 0.22f, box.Min.y + box.GetHeight() * 0.52f);
  ImVec2 b(box.Min.x + box.GetWidth() * 0.42f, box.Min.y + box.GetHeight() * 0.72f);
  ImVec2 c(box.Min.x + box.GetWidth() * 0.78f, box.Min.y + box.GetHeight() * 0.30f);
  dl->AddLine(a, b, colour, thickness);
  dl->AddLine(b, c, colour, thickness);
}

namespace {

// The tick box or radio dot at the start of cards and rows.
void DrawMark(const Theme& t, ImDrawList* dl, ImVec2 at, bool checked, bool multi) {
  float s = t.em * 1.1f;
  ImRect box(at, ImVec2(at.x + s, at.y + s));
  float stroke = std::max(2.0f, t.em * 0.08f);
  if (multi) {
    dl->AddRectFilled(box.Min, box.Max, checked ? t.brand : t.white, s * 0.22f);
    dl->AddRect(box.Min, box.Max, t.brand, s * 0.22f, 0, stroke);
    if (checked) DrawTick(dl, box, t.white, stroke * 1.4f);
  } else {
    ImVec2 c = box.GetCenter();
    dl->AddCircleFilled(c, s * 0.5f, t.white, 32);
    dl->AddCircle(c, s * 0.5f, t.brand, 32, stroke);
    if (checked) dl->AddCircleFilled(c, s * 0.28f, t.brand, 32);
  }
}

}  // namespace

float ChoiceCardHeight(const Paint& p, const std::string& title, const std::string& description,
                       float width) {
  const Theme& t = p.theme;
  float text_w = width - t.em * 3.4f;
  float h = Measure(t.fonts.bold, title, text_w).y;
  if (!description.empty()) h += t.em * 0.2f + Measure(t.fonts.body, description, text_w).y;
  return std::max(h + t.em * 1.6f, t.target());
}

bool ChoiceCard(Paint& p, const char* id, const std::string& title, const std::string& description,
                bool checked, bool multi, ImVec2 pos, ImVec2 size) {
  const Theme& t = p.theme;
  bool tapped = Tap(p, id, pos, size);
  bool held = ImGui::IsItemActive();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 max(pos.x + size.x, pos.y + size.y);
  FillRoundedRect(dl, pos, max, checked || held ? t.brand_soft : t.white, t.radius);
  dl->AddRect(pos, max, checked ? t.brand : t.line, t.radius, 0,
              checked ? t.em * 0.12f : std::max(2.0f, t.em * 0.06f));
  DrawMark(t, dl, ImVec2(pos.x + t.em * 0.8f, pos.y + t.em * 0.8f), checked, multi);
  float text_x = pos.x + t.em * 2.5f, text_w = size.x - t.em * 3.4f;
  float y = pos.y + t.em * 0.75f;
  y += DrawText(p, t.fonts.bold, t.text, ImVec2(text_x, y), title, text_w);
  if (!description.empty())
    DrawText(p, t.fonts.body, t.muted, ImVec2(text_x, y + t.em * 0.2f), description, text_w);
  RegisterRect(p, title, ImRect(pos, max), false, checked);
  return tapped;
}

bool CheckRow(Paint& p, const char* id, const std::string& label, bool checked, float width) {
  const Theme& t = p.theme;
  ImVec2 pos = ImGui::GetCursorScreenPos();
  float text_w = width - t.em * 3.4f;
  float h = std::max(Measure(t.fonts.bold, label, text_w).y + t.em * 1.4f, t.target());
  ImVec2 size(width, h);
  bool tapped = ChoiceCard(p, id, label, "", checked, true, pos, size);
  ImGui::SetCursorScreenPos(pos);
  ImGui::Dummy(size);
  return tapped;
}

}  // namespace ui
