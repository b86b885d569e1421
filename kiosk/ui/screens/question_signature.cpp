// A finger signature pad: strokes drawn as the finger moves, the date of signing under the line, Clear,
// Undo and Redo (per pad, core::StrokeHistory) under it; and drawing signature strokes into a box.
#include <algorithm>

#include "core/visit/signature.h"
#include "ui/screens/question_parts.h"
#include "ui/screens/questions.h"

namespace ui {

namespace question {

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
      sig.keyed = false;  // drawn after all: a signature, not the keyed confirmation
      c.state.stroke_history.Add(q.id, sig, std::move(c.state.stroke));
      c.Emit(core::intent::SetAnswer{q.id, sig});
    }
    c.state.stroke = {};
    c.state.signing.clear();
  }
  RegisterRect(c.paint, c.T(q.label), box, false);
  FieldFrame(c, q, box, active);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  float base_y = box.Min.y + size.y * 0.72f;
  dl->AddRectFilled(ImVec2(box.Min.x + t.em, base_y), ImVec2(box.Max.x - t.em, base_y + 2), t.line);
  if (sig.keyed && c.state.stroke.points.empty()) {  // confirmed by keys: the statement on the line
    DrawText(c.paint, t.fonts.bold, t.text, ImVec2(box.Min.x + t.em, base_y - t.em * 1.5f),
             c.Ui("confirm_consent_by_key"), size.x - 2 * t.em);
  } else if (sig.strokes.empty() && c.state.stroke.points.empty()) {
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
  NavGroup group(c.paint, q.id + "#edit");
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
  // A client using the keypad, who may not be able to sign by finger, can confirm by a keyed statement where
  // the clinic allows it; recorded as such in the intake. Offered once a key was pressed in this visit, so a
  // visit by touch is unchanged.
  if (q.keyed_confirmation && c.state.nav.used) {
    y += t.target() + t.em * 0.5f;
    const std::string& label = c.Ui("confirm_consent_by_key");
    std::string id = "##keyed_" + q.id;
    if (Button(c.paint, id.c_str(), label, ImVec2(x, y),
               ImVec2(ButtonWidth(c.paint, label) + t.em * 1.2f, t.target()),
               sig.keyed ? ButtonStyle::kSelected : ButtonStyle::kOutline)) {
      c.state.stroke_history.Clear(q.id);
      if (sig.keyed) {
        c.Emit(core::intent::ClearAnswer{q.id});
      } else {
        c.Emit(core::intent::SetAnswer{q.id, core::Signature{{}, size.x, size.y, true}});
      }
    }
    c.paint.registry.TagLast("keyed", sig.keyed);  // speech: "..., selected."
  }
  Advance(x, y + t.target() + t.em * 0.3f);
}

}  // namespace question

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

}  // namespace ui
