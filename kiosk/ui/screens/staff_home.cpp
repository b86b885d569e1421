// Staff home: delivery status (waiting, delivered today, needing attention, last delivery, alerts), the
// result of the last action, the actions, and the parked intakes with their reasons and a Retry each.
#include "ui/screens/staff.h"

namespace ui {

namespace {

ImU32 Soft(ImU32 colour) {
  return (colour & 0x00FFFFFF) | (IM_COL32_A_MASK & IM_COL32(0, 0, 0, 28));
}

// Four figures in tiles: two per row when the page is narrow.
void StatusTiles(StaffContext& s, float width) {
  const Theme& t = s.theme();
  const StaffView& v = s.view;
  struct Tile {
    std::string value, label;
    bool warn;
  } tiles[] = {
      {std::to_string(v.waiting), s.Ui("staff_pending"), false},
      {std::to_string(v.delivered_today), s.Ui("staff_delivered_today"), false},
      {std::to_string(v.parked), s.Ui("staff_parked"), v.parked > 0},
      {v.last_success.empty() ? s.Ui("staff_never") : v.last_success, s.Ui("staff_last_success"), false},
  };
  int per_row = width > t.em * 40 ? 4 : 2;
  float gap = t.gap();
  float tw = (width - gap * static_cast<float>(per_row - 1)) / static_cast<float>(per_row);
  float th = 0;
  for (const auto& tile : tiles) {
    th = std::max(th, t.em * 2.2f + Measure(t.fonts.body, tile.label, tw - t.em * 1.6f).y + t.em * 1.4f);
  }
  ImVec2 origin = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  for (int i = 0; i < 4; ++i) {
    ImVec2 p(origin.x + static_cast<float>(i % per_row) * (tw + gap),
             origin.y + static_cast<float>(i / per_row) * (th + gap));
    dl->AddRectFilled(p, ImVec2(p.x + tw, p.y + th), t.white, t.radius);
    dl->AddRect(p, ImVec2(p.x + tw, p.y + th), tiles[i].warn ? t.alert : t.line, t.radius, 0,
                std::max(2.0f, t.em * 0.06f));
    DrawText(s.c.paint, t.fonts.heading, tiles[i].warn ? t.alert : t.brand,
             ImVec2(p.x + t.em * 0.8f, p.y + t.em * 0.6f), tiles[i].value, 0);
    DrawText(s.c.paint, t.fonts.body, t.muted, ImVec2(p.x + t.em * 0.8f, p.y + t.em * 2.5f), tiles[i].label,
             tw - t.em * 1.6f);
  }
  int rows = (4 + per_row - 1) / per_row;
  ImGui::Dummy(ImVec2(width, static_cast<float>(rows) * th + static_cast<float>(rows - 1) * gap));
}

// The actions as a grid of large buttons.
void Actions(StaffContext& s, float width, int per_row) {
  const Theme& t = s.theme();
  const StaffView& v = s.view;
  namespace si = core::staff_intent;
  struct Action {
    const char* id;
    std::string label;
    core::StaffIntent intent;
    ButtonStyle style;
  };
  std::vector<Action> actions = {
      {"##retry_all", s.Ui("staff_retry_all"), si::RetryAll{}, ButtonStyle::kPrimary},
      {"##test", s.Ui("staff_test"), si::TestConnection{}, ButtonStyle::kPrimary},
      {"##today", s.Ui("staff_today"), si::Show{core::StaffPage::kToday}, ButtonStyle::kOutline},
      {"##reload", s.Ui("staff_reload"), si::ReloadContent{}, ButtonStyle::kOutline},
  };
  if (v.demo_available) {
    actions.push_back({"##demo", s.Ui(v.demo ? "staff_demo_off" : "staff_demo_on"), si::ToggleDemo{},
                       ButtonStyle::kOutline});
    actions.push_back({"##export", s.Ui("staff_export"), si::ExportLeads{}, ButtonStyle::kOutline});
  }
  if (!v.content_bundle.empty())
    actions.push_back({"##roll_back", s.Ui("staff_roll_back"), si::RollBackContent{}, ButtonStyle::kOutline});
  actions.push_back({"##exit", s.Ui("staff_exit"), si::ExitApp{}, ButtonStyle::kSoft});
  float gap = t.gap(), h = t.target();
  float bw = (width - gap * static_cast<float>(per_row - 1)) / static_cast<float>(per_row);
  ImVec2 origin = ImGui::GetCursorScreenPos();
  s.c.paint.scope.clear();
  for (size_t i = 0; i < actions.size(); ++i) {
    ImVec2 p(origin.x + static_cast<float>(i % per_row) * (bw + gap),
             origin.y + static_cast<float>(i / per_row) * (h + gap));
    if (Button(s.c.paint, actions[i].id, actions[i].label, p, ImVec2(bw, h), actions[i].style))
      s.Emit(actions[i].intent);
  }
  size_t rows = (actions.size() + per_row - 1) / per_row;
  ImGui::Dummy(ImVec2(width, static_cast<float>(rows) * h + static_cast<float>(rows - 1) * gap));
}

void ParkedList(StaffContext& s, float width) {
  const Theme& t = s.theme();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  for (const auto& row : s.view.parked_rows) {
    ImVec2 p = ImGui::GetCursorScreenPos();
    const std::string& retry = s.Ui("staff_retry");
    float bw = ButtonWidth(s.c.paint, retry);
    float text_w = width - bw - t.em * 2.6f;
    std::string ref = row.id.substr(0, 8);
    float th = Measure(t.fonts.bold, ref).y + t.em * 0.2f + Measure(t.fonts.body, row.reason, text_w).y;
    float h = std::max(th, t.target()) + t.em * 1.2f;
    dl->AddRectFilled(p, ImVec2(p.x + width, p.y + h), t.white, t.radius);
    dl->AddRect(p, ImVec2(p.x + width, p.y + h), t.line, t.radius, 0, std::max(2.0f, t.em * 0.06f));
    float y = p.y + (h - th) * 0.5f;
    y += DrawText(s.c.paint, t.fonts.bold, t.text, ImVec2(p.x + t.em * 0.9f, y), ref, 0) + t.em * 0.2f;
    DrawText(s.c.paint, t.fonts.body, t.muted, ImVec2(p.x + t.em * 0.9f, y), row.reason, text_w);
    s.c.paint.scope = ref;
    std::string id = "##retry_" + row.id;
    if (Button(s.c.paint, id.c_str(), retry,
               ImVec2(p.x + width - bw - t.em * 0.8f, p.y + (h - t.target()) * 0.5f), ImVec2(bw, t.target()),
               ButtonStyle::kOutline)) {
      s.Emit(core::staff_intent::RetryOne{row.id});
    }
    s.c.paint.scope.clear();
    ImGui::Dummy(ImVec2(width, h));
    ImGui::Dummy(ImVec2(1, t.em * 0.3f));
  }
}

// A section heading at the cursor.
void Heading(StaffContext& s, const std::string& text, float width) {
  const Theme& t = s.theme();
  float h = DrawText(s.c.paint, t.fonts.heading, t.text, ImGui::GetCursorScreenPos(), text, width);
  ImGui::Dummy(ImVec2(1, h + t.em * 0.5f));
}

// Delivery figures, alerts, the last action's result, and what needs attention.
void StatusColumn(StaffContext& s, float width) {
  const Theme& t = s.theme();
  const StaffView& v = s.view;
  Heading(s, s.Ui("staff_delivery"), width);
  StatusTiles(s, width);
  ImGui::Dummy(ImVec2(1, t.em * 0.6f));
  auto note = [&](const std::string& text, ImU32 colour, ImU32 fill) {
    StaffNote(s, text, colour, fill, width);
    ImGui::Dummy(ImVec2(1, t.em * 0.4f));
  };
  if (!v.state.message.empty()) {
    std::string text = core::Format(s.Ui(v.state.message), v.state.values);
    if (!v.state.message_detail.empty()) text += "\n" + v.state.message_detail;
    note(text, v.state.problem ? t.alert : t.brand, v.state.problem ? Soft(t.alert) : t.brand_soft);
  }
  if (!v.save_alert_key.empty()) note(s.Ui(v.save_alert_key), t.alert, Soft(t.alert));
  if (!v.alert_key.empty()) note(s.Ui(v.alert_key), t.alert, Soft(t.alert));
  if (!v.endpoint) note(s.Ui("staff_no_endpoint"), t.muted, t.brand_soft);
  if (!v.content_bundle.empty())
    note(core::Format(s.Ui("staff_content_bundle"), {{"version", v.content_bundle}}), t.brand, t.brand_soft);
  if (!v.content_refused.empty())
    note(core::Format(s.Ui("staff_content_refused"), {{"reason", v.content_refused}}), t.alert,
         Soft(t.alert));
  if (v.demo) {
    note(core::Format(s.Ui("staff_demo_is_on"), {{"n", std::to_string(v.demo_leads)}}), t.brand,
         t.brand_soft);
  }
  if (!v.parked_rows.empty()) {
    ImGui::Dummy(ImVec2(1, t.em * 0.6f));
    Heading(s, s.Ui("staff_parked"), width);
    ParkedList(s, width);
  }
}

}  // namespace

// Landscape: status on the left, actions in a column on the right. Portrait: status, then the actions.
void DrawStaffHome(StaffContext& s) {
  const Theme& t = s.theme();
  ScreenContext& c = s.c;
  float top = DrawStaffBar(s, s.Ui("staff_title"), s.Ui("staff_lock"), core::staff_intent::Close{});
  BeginScrollArea(c, "##staff_home", top + t.em * 0.2f, c.size.y);
  float width = ContentWidth(c);
  ImGui::Dummy(ImVec2(1, t.em * 0.6f));
  ImVec2 origin = ImGui::GetCursorScreenPos();
  if (width > t.em * 44) {
    float gutter = t.em * 1.6f, left = width * 0.62f, right = width - left - gutter;
    ImGui::BeginGroup();
    StatusColumn(s, left);
    ImGui::EndGroup();
    float left_bottom = ImGui::GetItemRectMax().y;
    ImGui::SetCursorScreenPos(ImVec2(origin.x + left + gutter, origin.y));
    ImGui::BeginGroup();  // new lines start at the right column, not the page's left edge
    Heading(s, s.Ui("staff_actions"), right);
    Actions(s, right, 1);
    ImGui::EndGroup();
    float right_bottom = ImGui::GetItemRectMax().y;
    ImGui::SetCursorScreenPos(ImVec2(origin.x, std::max(left_bottom, right_bottom)));
    ImGui::Dummy(ImVec2(width, 1));
  } else {
    StatusColumn(s, width);
    ImGui::Dummy(ImVec2(1, t.em * 0.6f));
    Heading(s, s.Ui("staff_actions"), width);
    Actions(s, width, 2);
  }
  EndScrollArea(c);
}

}  // namespace ui
