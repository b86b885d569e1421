// Noto Sans by path when Debian's fonts-noto-core put it where it always does, fontconfig otherwise; Noto
// Sans CJK by path and face index; fontconfig for a character none of them has.
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

// A face for `weight` that has `code_point`: the first Noto Sans face of fontconfig's list (Noto Sans
// Georgian, Noto Sans Armenian: the kiosk's own look), else the first of any family (its own best match
// first).
std::optional<FontFace> FaceWith(char32_t code_point, int weight) {
  FcPattern* pattern = FcPatternCreate();
  FcCharSet* chars = FcCharSetCreate();
  FcCharSetAddChar(chars, static_cast<FcChar32>(code_point));
  FcPatternAddCharSet(pattern, FC_CHARSET, chars);
  FcPatternAddString(pattern, FC_FAMILY, reinterpret_cast<const FcChar8*>("Noto Sans"));
  FcPatternAddInteger(pattern, FC_WEIGHT, weight);
  FcPatternAddInteger(pattern, FC_SLANT, FC_SLANT_ROMAN);
  FcPatternAddBool(pattern, FC_SCALABLE, FcTrue);
  FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
  FcDefaultSubstitute(pattern);
  FcResult result;
  FcFontSet* set = FcFontSort(nullptr, pattern, FcFalse, nullptr, &result);
  std::optional<FontFace> found, noto;
  for (int i = 0; set && i < set->nfont && !noto; ++i) {
    FcCharSet* has = nullptr;
    FcChar8* file = nullptr;
    FcChar8* family = nullptr;
    FcBool scalable = FcFalse;
    int index = 0;
    if (FcPatternGetCharSet(set->fonts[i], FC_CHARSET, 0, &has) != FcResultMatch ||
        !FcCharSetHasChar(has, static_cast<FcChar32>(code_point)) ||
        FcPatternGetString(set->fonts[i], FC_FILE, 0, &file) != FcResultMatch) {
      continue;
    }
    if (FcPatternGetBool(set->fonts[i], FC_SCALABLE, 0, &scalable) == FcResultMatch && !scalable) continue;
    FcPatternGetInteger(set->fonts[i], FC_INDEX, 0, &index);
    FontFace face{reinterpret_cast<char*>(file), index};
    if (!found) found = face;
    if (FcPatternGetString(set->fonts[i], FC_FAMILY, 0, &family) == FcResultMatch &&
        std::string_view(reinterpret_cast<char*>(family)).rfind("Noto Sans", 0) == 0) {
      noto = face;
    }
  }
  if (noto) found = noto;
  if (set) FcFontSetDestroy(set);
  FcCharSetDestroy(chars);
  FcPatternDestroy(pattern);
  return found;
}

}  // namespace

std::optional<FontPair> FindCjkFonts(std::string_view language) {
  // Faces in Debian's NotoSansCJK-*.ttc: 0 JP, 1 KR, 2 SC, 3 TC, 4 HK.
  int index = -1;
  if (language == "ja" || language.rfind("ja-", 0) == 0) index = 0;
  if (language == "ko" || language.rfind("ko-", 0) == 0) index = 1;
  if (language == "zh" || language.rfind("zh-", 0) == 0) {
    // Simplified unless the tag says Traditional, by script (zh-Hant...) or by region (TW, HK, MO)
    auto has = [&](std::string_view part) { return language.find(part) != std::string_view::npos; };
    const bool hans = has("-Hans"), hant = has("-Hant");
    const bool hk = has("-HK") || has("-MO");
    index = hans ? 2 : hk ? 4 : (hant || has("-TW")) ? 3 : 2;
  }
  if (index < 0) return std::nullopt;
  const std::string regular = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
  const std::string bold = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc";
  std::error_code ec;
  if (!std::filesystem::is_regular_file(regular, ec)) return std::nullopt;
  return FontPair{{regular, index}, {std::filesystem::is_regular_file(bold, ec) ? bold : regular, index}};
}

std::optional<FontPair> FindFontsFor(char32_t code_point) {
  auto regular = FaceWith(code_point, FC_WEIGHT_REGULAR);
  if (!regular) return std::nullopt;
  auto bold = FaceWith(code_point, FC_WEIGHT_BOLD);
  return FontPair{*regular, bold ? *bold : *regular};
}

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
