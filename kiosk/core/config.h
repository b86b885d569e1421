// One installation's settings (config/kiosk.json): kiosk id, idle timings, theme, window, data directory.
#pragma once

#include <array>
#include <filesystem>
#include <string>

#include "core/idle.h"
#include "core/json_reader.h"
#include "core/result.h"

namespace core {

using Rgba = std::array<float, 4>;  // 0..1

struct Theme {
  Rgba brand{0.545f, 0.239f, 0.376f, 1};       // buttons, progress, checked cards
  Rgba brand_soft{0.976f, 0.933f, 0.953f, 1};  // card background, progress track
  Rgba background{1, 1, 1, 1};
  Rgba text{0.145f, 0.118f, 0.161f, 1};
  Rgba muted{0.42f, 0.38f, 0.43f, 1};  // help lines, progress text
  Rgba line{0.88f, 0.84f, 0.86f, 1};   // separators, card borders
  Rgba alert{0.70f, 0.23f, 0.18f, 1};  // validation messages
  float font_px = 30;                  // body text at scale 1 (1080p)
  float scale = 1.0f;                  // one factor for every size
  float corner_radius = 0.6f;          // in em
  std::string font_path;               // empty: Noto Sans through fontconfig
};

struct Config {
  std::string kiosk_id = "kiosk-1";
  std::filesystem::path data_dir;  // empty: the default for a build tree or an install
  IdleSettings idle;
  Theme theme;
  bool demo = false;
};

// Parses kiosk.json; every problem names the file and the JSON pointer.
Result<Config> ParseConfig(const std::string& text, const std::string& file_name);

}  // namespace core
