// Font atlas: FreeType rasteriser, glyph ranges collected from the content's own characters.
#include "ui/fonts.h"

#include <imgui_freetype.h>

namespace ui {

Fonts BuildFonts(const std::string& regular_file, const std::string& bold_file, float em,
                 const std::string& text, const std::string& display_text) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  io.Fonts->FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
  io.Fonts->FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
  // A power-of-two height: SDL's software renderer blits each glyph from the texel rectangle
  // (int)(v * height); with any other height v = row / height comes back a hair under `row`, the blit turns
  // into a scaled one and drops a pixel row ("+" read as "ı", "E" as "F" at 1280x800; ui_crisp_text).
  io.Fonts->Flags &= ~ImFontAtlasFlags_NoPowerOfTwoHeight;
  static ImVector<ImWchar> ranges;  // must outlive the atlas build
  ranges.clear();
  ImFontGlyphRangesBuilder builder;
  builder.AddRanges(io.Fonts->GetGlyphRangesDefault());  // ASCII and Latin-1
  builder.AddText(text.c_str(), text.c_str() + text.size());
  for (ImWchar extra : {0x2022, 0x2013, 0x2014, 0x2019, 0x201C, 0x201D, 0x2026, 0x00B7, 0x2713})
    builder.AddChar(extra);
  builder.BuildRanges(&ranges);
  static ImVector<ImWchar> display_ranges;
  display_ranges.clear();
  ImFontGlyphRangesBuilder display;
  static const ImWchar kAscii[] = {0x20, 0x7E, 0};
  display.AddRanges(kAscii);
  display.AddText(display_text.c_str(), display_text.c_str() + display_text.size());
  display.BuildRanges(&display_ranges);
  ImFontConfig cfg;
  cfg.OversampleH = cfg.OversampleV = 1;
  cfg.PixelSnapH = true;
  Fonts f;
  f.body = io.Fonts->AddFontFromFileTTF(regular_file.c_str(), em, &cfg, ranges.Data);
  f.bold = io.Fonts->AddFontFromFileTTF(bold_file.c_str(), em, &cfg, ranges.Data);
  f.heading = io.Fonts->AddFontFromFileTTF(bold_file.c_str(), std::round(em * 1.6f), &cfg, ranges.Data);
  f.display =
      io.Fonts->AddFontFromFileTTF(bold_file.c_str(), std::round(em * 2.6f), &cfg, display_ranges.Data);
  io.Fonts->Build();
  return f;
}

}  // namespace ui
