// Staff mode's layer: its own ImGui window above the client flow (and any client dialog), so staff screens
// alone take the taps; the PIN pad floats over a shade, the staff pages cover the screen.
#include "ui/screens/staff.h"

namespace ui {

void DrawStaffLayer(ScreenContext& base, const StaffView& view, std::vector<core::StaffIntent>& out) {
  ImGuiIO& io = ImGui::GetIO();
  Paint& paint = base.paint;
  paint.enabled = true;
  paint.layer = 2;
  paint.scope.clear();
  paint.in_scroll = false;
  paint.clip = ImRect(ImVec2(0, 0), io.DisplaySize);
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(io.DisplaySize);
  ImGui::SetNextWindowFocus();
  ImGui::Begin("##staff", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoNav |
                   ImGuiWindowFlags_NoScrollWithMouse);
  ImGui::PushFont(paint.theme.fonts.body);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  bool pin = view.state.page == core::StaffPage::kPin;
  dl->AddRectFilled(ImVec2(0, 0), io.DisplaySize, pin ? paint.theme.shade : paint.theme.background);
  StaffContext s{base, view, out};
  if (view.state.page != core::StaffPage::kClosed && ImGui::IsMouseClicked(0))
    s.Emit(core::staff_intent::Touch{});
  switch (view.state.page) {
    case core::StaffPage::kPin:
      DrawStaffPin(s);
      break;
    case core::StaffPage::kHome:
      DrawStaffHome(s);
      break;
    case core::StaffPage::kToday:
      DrawStaffToday(s);
      break;
    case core::StaffPage::kClosed:
      break;
  }
  ImGui::PopFont();
  ImGui::End();
}

}  // namespace ui
