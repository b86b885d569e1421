// The look: colours from config, sizes in em through one scale factor, the four fonts.
#pragma once

#include <imgui.h>

#include "core/content/config.h"

namespace ui {

struct Fonts {
  ImFont* body = nullptr;     // 1 em, regular
  ImFont* bold = nullptr;     // 1 em, bold (card titles, labels)
  ImFont* heading = nullptr;  // 1.6 em, bold
  ImFont* display = nullptr;  // 2.6 em, bold (attract and thank-you only)
};

// The clinic's logo, loaded by the platform (null: none, the attract screen shows the name alone).
struct Logo {
  ImTextureID texture = nullptr;
  ImVec2 size;  // pixels of the image
};

struct Theme {
  ImU32 brand, brand_soft, background, text, muted, line, alert, white, shade;
  float em = 30;      // body text height in pixels for this window
  float radius = 18;  // corner radius in pixels
  Fonts fonts;
  Logo logo;
  core::Rgba clear{1, 1, 1, 1};

  // `high_contrast`: the client's option: black text, dark lines and a deeper brand colour on white.
  static Theme From(const core::Theme& config, float em, bool high_contrast = false);
  // Common measures, in pixels.
  float margin() const { return em * 1.4f; }
  float target() const { return em * 2.4f; }  // touch targets: at least 2.2 em tall
  float gap() const { return em * 0.8f; }
};

// The body text size for a window: config font_px * scale, adjusted to the window (1080 px short side = 1),
// and a quarter larger with the client's "Larger text" option.
inline constexpr float kLargerText = 1.25f;
float EmFor(const core::Theme& config, int width, int height, bool larger_text = false);

void ApplyStyle(const Theme& theme);

}  // namespace ui
