// Staff screens: the PIN pad, the staff home page (delivery status and actions), today's intakes.
// Drawn in their own top layer over the client flow; they return staff intents, never change state.
#pragma once

#include <vector>

#include "core/staff/staff.h"
#include "ui/screens/screen.h"
#include "ui/staff_view.h"

namespace ui {

struct StaffContext {
  ScreenContext& c;
  const StaffView& view;
  std::vector<core::StaffIntent>& out;

  const Theme& theme() const { return c.theme(); }
  // Staff read the configured staff language (else the content's default), whatever the client chose.
  const std::string& Ui(std::string_view key) const {
    return c.in.content.app.Ui(key).In(c.in.content.LanguageOr(view.language));
  }
  void Emit(core::StaffIntent intent) { out.push_back(std::move(intent)); }
};

// The staff window on top of everything (kiosk_ui.cpp calls this when staff mode is open).
void DrawStaffLayer(ScreenContext& base, const StaffView& view, std::vector<core::StaffIntent>& out);
void DrawStaffPin(StaffContext& s);
void DrawStaffHome(StaffContext& s);
void DrawStaffToday(StaffContext& s);

// The staff top bar: title on the left, one button on the right (Lock or Back). Returns its height.
float DrawStaffBar(StaffContext& s, const std::string& title, const std::string& button,
                   core::StaffIntent action);
// A bordered note box at the cursor (in a scroll area): `colour` for the text; returns nothing, advances.
void StaffNote(StaffContext& s, const std::string& text, ImU32 colour, ImU32 fill, float width);

}  // namespace ui
