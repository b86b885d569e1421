// Noto Sans by path when Debian's fonts-noto-core put it where it always does, fontconfig otherwise.
#include "platform/font_finder.h"

#include <fontconfig/fontconfig.h>

#include <filesystem>

namespace platform {

namespace {

// Where fonts-noto-core installs Noto Sans (the kiosk package depends on it). Opening these by path skips
// fontconfig, whose first lookup parses every configuration file and reads the cache of every font
// directory: 10-20 ms of a start that has nothing else to do with fonts.
constexpr const char* kDebianNotoRegular = "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf";
constexpr const char* kDebianNotoBold = "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf";

std::string Match(const char* family, int weight) {
  FcPattern* pattern = FcPatternCreate();
  FcPatternAddString(pattern, FC_FAMILY, reinterpret_cast<const FcChar8*>(family));
  FcPatternAddInteger(pattern, FC_WEIGHT, weight);
  FcPatternAddInteger(pattern, FC_SLANT, FC_SLANT_ROMAN);
  FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
  FcDefaultSubstitute(pattern);
  FcResult result;
  FcPattern* match = FcFontMatch(nullptr, pattern, &result);
  std::string path;
  FcChar8* file = nullptr;
  FcChar8* found_family = nullptr;
  if (match && FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch &&
      FcPatternGetString(match, FC_FAMILY, 0, &found_family) == FcResultMatch &&
      std::string(reinterpret_cast<char*>(found_family)) == family) {
    path = reinterpret_cast<char*>(file);
  }
  if (match) FcPatternDestroy(match);
  FcPatternDestroy(pattern);
  return path;
}

core::Result<FontFiles> AskFontconfig() {
  FontFiles files{Match("Noto Sans", FC_WEIGHT_REGULAR), Match("Noto Sans", FC_WEIGHT_BOLD)};
  if (files.regular.empty()) {
    return core::Result<FontFiles>::Fail(
        "Noto Sans not found through fontconfig (install fonts-noto-core, or set theme.font_path)");
  }
  if (files.bold.empty()) files.bold = files.regular;
  return files;
}

}  // namespace

core::Result<FontFiles> FindFonts(const std::string& configured) {
  std::error_code ec;
  if (!configured.empty()) {
    if (!std::filesystem::is_regular_file(configured, ec)) {
      return core::Result<FontFiles>::Fail("theme.font_path: no font file at " + configured);
    }
    return FontFiles{configured, configured};
  }
  if (std::filesystem::is_regular_file(kDebianNotoRegular, ec) &&
      std::filesystem::is_regular_file(kDebianNotoBold, ec)) {
    return FontFiles{kDebianNotoRegular, kDebianNotoBold};
  }
  return AskFontconfig();
}

}  // namespace platform
