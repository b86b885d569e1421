// Finds the kiosk's font files (Noto Sans regular and bold): a configured path, Debian's own copy, or
// fontconfig.
#pragma once

#include <string>

#include "core/base/result.h"

namespace platform {

struct FontFiles {
  std::string regular, bold;
};

// `configured`: a font file from config (used for both weights). Empty: Noto Sans, opened by its path in
// Debian's fonts-noto-core when it is there (no font lookup at all), else asked of fontconfig.
core::Result<FontFiles> FindFonts(const std::string& configured);

}  // namespace platform
