// Theme colours and ImGui style.
#include "ui/theme.h"

#include <algorithm>

#include "core/content/palette.h"

namespace ui {

namespace {
ImU32 ToU32(const core::Rgba& c) {
  return ImGui::ColorConvertFloat4ToU32(ImVec4(c[0], c[1], c[2], c[3]));
}
}  // namespace

Theme Theme::From(const core::Theme& config, float em, bool high_contrast) {
  const core::Theme c = high_contrast ? core::HighContrast(config) : config;
  Theme t;
  t.brand = ToU32(c.brand);
  t.brand_soft = ToU32(c.brand_soft);
  t.background = ToU32(c.background);
  t.text = ToU32(c.text);
  t.muted = ToU32(c.muted);
  t.line = ToU32(c.line);
  t.alert = ToU32(c.alert);
  t.white = IM_COL32(255, 255, 255, 255);
  t.shade = IM_COL32(20, 12, 20, 110);
  t.em = em;
  t.radius = c.corner_radius * em;
  t.clear = c.background;
  return t;
}

float EmFor(const core::Theme& config, int width, int height, bool larger_text) {
  float short_side = static_cast<float>(std::max(1, std::min(width, height)));
  float fit = std::clamp(short_side / 1080.0f, 0.6f, 2.5f);
  return std::round(config.font_px * config.scale * fit * (larger_text ? kLargerText : 1.0f));
}

void ApplyStyle(const Theme& t) {
  ImGuiStyle& s = ImGui::GetStyle();
  s = ImGuiStyle();
  s.WindowPadding = ImVec2(0, 0);
  s.WindowBorderSize = 0;
  s.ChildBorderSize = 0;
  s.FrameBorderSize = 2;
  s.FramePadding = ImVec2(t.em * 0.6f, t.em * 0.55f);
  s.FrameRounding = t.radius * 0.6f;
  s.ItemSpacing = ImVec2(t.em * 0.5f, t.em * 0.5f);
  s.ScrollbarSize = 0;
  s.TouchExtraPadding = ImVec2(0, 0);
  s.Colors[ImGuiCol_Text] = ImGui::ColorConvertU32ToFloat4(t.text);
  s.Colors[ImGuiCol_FrameBg] = ImGui::ColorConvertU32ToFloat4(t.white);
  s.Colors[ImGuiCol_FrameBgHovered] = ImGui::ColorConvertU32ToFloat4(t.white);
  s.Colors[ImGuiCol_FrameBgActive] = ImGui::ColorConvertU32ToFloat4(t.white);
  s.Colors[ImGuiCol_Border] = ImGui::ColorConvertU32ToFloat4(t.line);
  s.Colors[ImGuiCol_TextSelectedBg] = ImGui::ColorConvertU32ToFloat4(t.brand_soft);
  s.Colors[ImGuiCol_WindowBg] = ImVec4(0, 0, 0, 0);
  s.Colors[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
  s.Colors[ImGuiCol_NavHighlight] = ImVec4(0, 0, 0, 0);
}

}  // namespace ui
