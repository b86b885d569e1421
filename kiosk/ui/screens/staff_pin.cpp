// The staff PIN pad: dots for the digits typed, a 3 x 4 keypad, a calm message after a wrong PIN, and the
// pad closed (with the time left) while the throttle holds.
#include <cstdio>

#include "ui/screens/staff.h"

namespace ui {

namespace {

std::string MinutesSeconds(int s) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%d:%02d", s / 60, s % 60);
  return buf;
}

void Dots(StaffContext& s, ImVec2 centre, size_t typed) {
  const Theme& t = s.theme();
  size_t shown = std::max(typed, core::kMinPinDigits);
  float r = t.em * 0.32f, gap = t.em * 1.1f;
  float x0 = centre.x - gap * static_cast<float>(shown - 1) * 0.5f;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  for (size_t i = 0; i < shown; ++i) {
    ImVec2 p(x0 + gap * static_cast<float>(i), centre.y);
    if (i < typed) {
      dl->AddCircleFilled(p, r, t.brand, 24);
    } else {
      dl->AddCircle(p, r, t.line, 24, std::max(2.0f, t.em * 0.08f));
    }
  }
}

}  // namespace

void DrawStaffPin(StaffContext& s) {
  const Theme& t = s.theme();
  ScreenContext& c = s.c;
  const StaffView& v = s.view;
  float pad = t.em * 1.5f, gap = t.em * 0.6f;
  // wide enough for three keys that each hold the longest of Erase and Unlock in the staff language
  float key_w = std::max(ButtonWidth(c.paint, s.Ui("staff_pin_erase"), t.fonts.body),
                         ButtonWidth(c.paint, s.Ui("staff_pin_enter"), t.fonts.body));
  float w = std::min(c.size.x - 2 * t.margin(), std::max(t.em * 17, 3 * key_w + 2 * gap + 2 * pad));
  float inner = w - 2 * pad;
  std::string message;
  if (!v.pin_set) {
    message = s.Ui("staff_pin_unset");
  } else if (v.pin_wait_s > 0) {
    message = core::Format(s.Ui("staff_pin_wait"), {{"time", MinutesSeconds(v.pin_wait_s)}});
  } else if (!v.state.message.empty()) {
    message = s.Ui(v.state.message);
  } else {
    message = s.Ui("staff_pin_intro");
  }
  bool pad_open = v.pin_set && v.pin_wait_s == 0;
  float key_h = t.target();
  float title_h = Measure(t.fonts.heading, s.Ui("staff_pin_title"), inner).y;
  float msg_h = std::max(Measure(t.fonts.body, message, inner).y, t.em * 2.6f);
  float keys_h = pad_open ? 4 * key_h + 3 * gap + t.em * 1.2f : 0;
  float h =
      pad + title_h + t.em * 0.8f + t.em * 0.8f + t.em * 1.0f + msg_h + t.em * 0.8f + keys_h + key_h + pad;
  ImVec2 p0((c.size.x - w) * 0.5f, std::max(t.em, (c.size.y - h) * 0.5f));
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p0, ImVec2(p0.x + w, p0.y + h), t.white, t.radius);
  float y = p0.y + pad;
  const std::string& title = s.Ui("staff_pin_title");
  DrawText(c.paint, t.fonts.heading, t.text, ImVec2(p0.x + (w - Measure(t.fonts.heading, title).x) * 0.5f, y),
           title, inner);
  y += title_h + t.em * 0.8f;
  if (pad_open) Dots(s, ImVec2(p0.x + w * 0.5f, y + t.em * 0.4f), v.state.pin.size());
  y += t.em * 1.8f;
  // a wrong PIN is shown in the alert colour; waiting and set-up notes calmly, in the text colour
  ImU32 ink = pad_open ? (v.state.problem ? t.alert : t.muted) : t.text;
  float mw = std::min(inner, Measure(t.fonts.body, message, inner).x);
  DrawText(c.paint, t.fonts.body, ink, ImVec2(p0.x + (w - mw) * 0.5f, y), message, inner);
  y += msg_h + t.em * 0.8f;
  float kw = (inner - 2 * gap) / 3;
  if (pad_open) {
    const char* keys[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "", "0", ""};
    for (int i = 0; i < 12; ++i) {
      ImVec2 pos(p0.x + pad + static_cast<float>(i % 3) * (kw + gap),
                 y + static_cast<float>(i / 3) * (key_h + gap));
      std::string id = std::string("##pin") + std::to_string(i);
      if (i == 9) {
        if (Button(c.paint, id.c_str(), s.Ui("staff_pin_erase"), pos, ImVec2(kw, key_h), ButtonStyle::kSoft,
                   t.fonts.body))
          s.Emit(core::staff_intent::Erase{});
      } else if (i == 11) {
        if (Button(c.paint, id.c_str(), s.Ui("staff_pin_enter"), pos, ImVec2(kw, key_h),
                   ButtonStyle::kPrimary, t.fonts.body))
          s.Emit(core::staff_intent::Enter{});
      } else if (Button(c.paint, id.c_str(), keys[i], pos, ImVec2(kw, key_h), ButtonStyle::kOutline,
                        t.fonts.heading)) {
        s.Emit(core::staff_intent::Digit{keys[i][0]});
      }
    }
    y += keys_h;
  }
  if (Button(c.paint, "##staff_cancel", s.Ui("staff_cancel"), ImVec2(p0.x + pad, y), ImVec2(inner, key_h),
             ButtonStyle::kOutline)) {
    s.Emit(core::staff_intent::Close{});
  }
}

}  // namespace ui
