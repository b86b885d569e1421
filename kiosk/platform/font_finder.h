// Finds the kiosk's font files (Noto Sans regular and bold) through fontconfig, or from a configured path.
#pragma once

#include <string>

#include "core/result.h"

namespace platform {

struct FontFiles {
  std::string regular, bold;
};

// `configured`: a font file from config (used for both weights) or empty to ask fontconfig for Noto Sans.
core::Result<FontFiles> FindFonts(const std::string& configured);

}  // namespace platform
