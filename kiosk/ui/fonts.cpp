// Font atlas: FreeType rasteriser, glyph ranges collected from the text to draw, fallback faces merged in.
#include "ui/fonts.h"

#include <fcntl.h>
#include <imgui_freetype.h>
#include <imgui_internal.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <map>

namespace ui {

namespace {

// Font files mapped once per build and shared by every size that uses them: ImGui would copy a file it does
// not own for each font (four copies of a ~20 MB CJK collection took a second at start), so the atlas is told
// it owns them and is made to let go of them once it is built (Release). Unmapped when the build is done.
class FontFiles {
 public:
  FontFiles() = default;
  FontFiles(const FontFiles&) = delete;
  FontFiles& operator=(const FontFiles&) = delete;
  ~FontFiles() {
    for (auto& [file, m] : maps_) {
      if (m.data) munmap(m.data, m.size);
    }
  }

  // The file's bytes, or nullptr when it cannot be read.
  void* Get(const std::string& file, int* size) {
    auto [it, fresh] = maps_.try_emplace(file);
    if (fresh) {
      int fd = open(file.c_str(), O_RDONLY | O_CLOEXEC);
      struct stat st {};
      if (fd >= 0 && fstat(fd, &st) == 0 && st.st_size > 0 && st.st_size < (1 << 30)) {
        void* p = mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
        if (p != MAP_FAILED) it->second = {p, static_cast<size_t>(st.st_size)};
      }
      if (fd >= 0) close(fd);
    }
    *size = static_cast<int>(it->second.size);
    return it->second.data;
  }

  // The atlas forgets the files' bytes (the glyphs are in its texture now) without freeing them.
  static void Release(ImFontAtlas& atlas) {
    for (ImFontConfig& cfg : atlas.ConfigData) {
      cfg.FontData = nullptr;
      cfg.FontDataOwnedByAtlas = false;
    }
    atlas.ClearInputData();
  }

 private:
  struct Mapped {
    void* data = nullptr;
    size_t size = 0;
  };
  std::map<std::string, Mapped> maps_;
};

ImFont* AddFont(FontFiles& files, const FontFace& face, const std::vector<FontFace>& fallbacks, float px,
                const ImWchar* ranges) {
  ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
  ImFont* font = nullptr;
  bool first = true;
  std::vector<const FontFace*> all{&face};
  for (const auto& f : fallbacks) all.push_back(&f);
  for (const FontFace* f : all) {
    int size = 0;
    void* data = files.Get(f->file, &size);
    if (!data) continue;
    ImFontConfig cfg;
    cfg.OversampleH = cfg.OversampleV = 1;
    cfg.PixelSnapH = true;
    cfg.FontNo = f->index;
    cfg.FontDataOwnedByAtlas = true;  // not copied; FontFiles::Release takes it back (FreeType only reads)
    cfg.MergeMode = !first;
    ImFont* added = atlas.AddFontFromMemoryTTF(data, size, px, &cfg, ranges);
    if (first) font = added;
    first = false;
  }
  return font;
}

}  // namespace

Fonts BuildFonts(const FontStack& faces, float em, const std::string& text, const std::string& display_text) {
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
  for (ImWchar extra : {0x2022, 0x2013, 0x2014, 0x2019, 0x201C, 0x201D, 0x2026, 0x00B7, 0x2713, 0xFFFD})
    builder.AddChar(extra);
  builder.BuildRanges(&ranges);
  static ImVector<ImWchar> display_ranges;
  display_ranges.clear();
  ImFontGlyphRangesBuilder display;
  static const ImWchar kAscii[] = {0x20, 0x7E, 0};
  display.AddRanges(kAscii);
  display.AddText(display_text.c_str(), display_text.c_str() + display_text.size());
  display.BuildRanges(&display_ranges);
  FontFiles files;
  Fonts f;
  f.body = AddFont(files, faces.regular, faces.fallback_regular, em, ranges.Data);
  f.bold = AddFont(files, faces.bold, faces.fallback_bold, em, ranges.Data);
  f.heading = AddFont(files, faces.bold, faces.fallback_bold, std::round(em * 1.6f), ranges.Data);
  f.display = AddFont(files, faces.bold, faces.fallback_bold, std::round(em * 2.6f), display_ranges.Data);
  io.Fonts->Build();
  FontFiles::Release(*io.Fonts);
  return f;
}

Fonts BuildFonts(const std::string& regular_file, const std::string& bold_file, float em,
                 const std::string& text, const std::string& display_text) {
  return BuildFonts(FontStack{{regular_file, 0}, {bold_file, 0}, {}, {}}, em, text, display_text);
}

std::vector<char32_t> MissingGlyphs(const ImFont* font, std::string_view utf8) {
  std::vector<char32_t> missing;
  if (!font) return missing;
  const char* s = utf8.data();
  const char* end = s + utf8.size();
  while (s < end) {
    unsigned int c = 0;
    int len = ImTextCharFromUtf8(&c, s, end);
    if (len <= 0) break;
    s += len;
    if (c < 0x20 || c == 0x7F) continue;
    if (!font->FindGlyphNoFallback(static_cast<ImWchar>(c)) &&
        std::find(missing.begin(), missing.end(), c) == missing.end()) {
      missing.push_back(c);
    }
  }
  return missing;
}

}  // namespace ui
