// Crisp text at every supported size: each printable ASCII glyph, drawn by SDL's software renderer as the
// kiosk draws text, shows every pixel row of its bitmap in the font atlas. A glyph quad whose texture rows
// SDL maps with a rounding error is blitted scaled and loses a row: "+" reads as "ı", "E" as "F".
#include <doctest/doctest.h>
#include <imgui.h>

#include <cmath>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "app/kiosk_app.h"
#include "core/content/content_loader.h"
#include "platform/font_finder.h"
#include "platform/sdl_window.h"
#include "ui/fonts.h"
#include "ui/theme.h"

namespace {

struct Size {
  int width, height;
  bool larger_text;
};

struct Placed {
  ImFont* font;
  ImWchar c;
  ImVec2 pos;
};

// Rows of the glyph's box where at least `share` of its width is inked (darker than `ink`: a 1 px stroke
// between two pixel rows is grey).
int BarRows(const core::Image& img, int x0, int y0, int x1, int y1, float share, int ink = 128) {
  int rows = 0;
  for (int y = y0; y < y1; ++y) {
    int dark = 0;
    for (int x = x0; x < x1; ++x) {
      if (img.rgba[(static_cast<size_t>(y) * img.width + x) * 4] < ink) ++dark;
    }
    if (dark >= share * static_cast<float>(x1 - x0)) ++rows;
  }
  return rows;
}

void CheckSize(const Size& size) {
  CAPTURE(size.width);
  CAPTURE(size.height);
  CAPTURE(size.larger_text);
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;  // no imgui.ini left where the test ran
  {
    platform::WindowOptions wo;
    wo.headless = true;
    wo.width = size.width;
    wo.height = size.height;
    auto window = platform::SdlWindow::Create(wo);
    REQUIRE(window.ok());
    auto content = core::LoadContent(std::string(KIOSK_SOURCE_DIR) + "/content");
    REQUIRE(content.ok());
    auto files = platform::FindFonts("");
    REQUIRE(files.ok());
    core::Theme defaults;
    float em = ui::EmFor(defaults, size.width, size.height, size.larger_text);
    CAPTURE(em);
    // the atlas the kiosk builds for the default content at this size
    ui::Fonts fonts =
        ui::BuildFonts(files->regular, files->bold, em, app::AllTextOf(*content), content->app.clinic_name);
    ImGuiIO& io = ImGui::GetIO();
    unsigned char* alpha = nullptr;
    int tw = 0, th = 0;
    io.Fonts->GetTexDataAsAlpha8(&alpha, &tw, &th);
    std::vector<unsigned char> atlas(alpha, alpha + static_cast<size_t>(tw) * th);

    (*window)->NewFrame();
    ImGui::NewFrame();
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    std::vector<Placed> placed;
    float x = 10, y = 10;
    for (ImFont* font : {fonts.body, fonts.bold, fonts.heading}) {
      for (ImWchar c = 0x21; c < 0x7F; ++c) {
        if (x + font->FontSize * 1.5f > static_cast<float>(size.width)) {
          x = 10;
          y += std::ceil(font->FontSize * 1.5f);
        }
        char s[2] = {static_cast<char>(c), 0};
        dl->AddText(font, font->FontSize, ImVec2(x, y), IM_COL32(0, 0, 0, 255), s);
        placed.push_back({font, c, ImVec2(x, y)});
        x += std::ceil(font->FontSize * 1.5f);
      }
      x = 10;
      y += std::ceil(font->FontSize * 1.8f);
    }
    core::Image img;
    (*window)->Present({1, 1, 1, 1}, &img);
    REQUIRE(img.width == size.width);

    int broken = 0;
    std::string which;
    for (const Placed& p : placed) {
      const ImFontGlyph* g = p.font->FindGlyphNoFallback(p.c);
      REQUIRE(g);
      int gx = static_cast<int>(std::floor(p.pos.x) + g->X0),
          gy = static_cast<int>(std::floor(p.pos.y) + g->Y0);
      int w = static_cast<int>(g->X1 - g->X0), h = static_cast<int>(g->Y1 - g->Y0);
      int u = static_cast<int>(g->U0 * static_cast<float>(tw));  // as SDL truncates it
      int v = static_cast<int>(g->V0 * static_cast<float>(th));
      // every pixel of the glyph as the atlas holds it: black at its coverage over white
      int wrong = 0;
      for (int yy = 0; yy < h; ++yy) {
        for (int xx = 0; xx < w; ++xx) {
          int want = 255 - atlas[static_cast<size_t>(v + yy) * tw + (u + xx)];
          int got = img.rgba[(static_cast<size_t>(gy + yy) * img.width + (gx + xx)) * 4];
          if (std::abs(want - got) > 24) ++wrong;
        }
      }
      if (wrong > 0) {
        ++broken;
        which += std::string(1, static_cast<char>(p.c)) + "(" +
                 std::to_string(static_cast<int>(p.font->FontSize)) + "px) ";
      }
      // the strokes a client reads: the bar of "+", the three of "E", the foot of "L", "_" itself (a glyph's
      // box holds a column of antialiased fringe at each end: 7 of the 9 columns of "_" at 22 px are its bar)
      int bars = p.c == '+'   ? BarRows(img, gx, gy, gx + w, gy + h, 0.6f)
                 : p.c == 'E' ? BarRows(img, gx, gy, gx + w, gy + h, 0.7f)
                 : p.c == 'L' ? BarRows(img, gx, gy, gx + w, gy + h, 0.7f)
                 : p.c == '_' ? BarRows(img, gx, gy, gx + w, gy + h, 0.7f)
                              : -1;
      if (bars >= 0) {
        CAPTURE(static_cast<char>(p.c));
        CAPTURE(p.font->FontSize);
        CHECK(bars >= 1);
        if (p.c == 'E') {  // top, middle and bottom bars apart: at least three rows, not all touching
          int first = -1, last = -1;
          for (int yy = 0; yy < h; ++yy) {
            if (BarRows(img, gx, gy + yy, gx + w, gy + yy + 1, 0.55f)) {
              if (first < 0) first = yy;
              last = yy;
            }
          }
          CHECK(BarRows(img, gx, gy, gx + w, gy + h, 0.55f) >= 3);
          CHECK(last - first >= h / 2);
        }
      }
    }
    INFO("glyphs drawn unlike their atlas bitmap: " << which);
    CHECK(broken == 0);
  }
  ImGui::DestroyContext();
}

}  // namespace

TEST_CASE("every printable ASCII glyph is drawn row for row as the atlas holds it at 1280x800") {
  CheckSize({1280, 800, false});
  CheckSize({1280, 800, true});
}

TEST_CASE("and at 1920x1080 and 1080x1920") {
  CheckSize({1920, 1080, false});
  CheckSize({1080, 1920, false});
}
