// What a client sees of a long name and of a consent's text, read back from the real frame: an unfocused
// text field shows the start of its text; a consent's box ends where its text ends.
#include <cmath>

#include "headless_kiosk.h"

namespace {

struct Rgb {
  int r = 0, g = 0, b = 0;
};

Rgb At(const core::Image& img, int x, int y) {
  size_t i = (static_cast<size_t>(y) * static_cast<size_t>(img.width) + static_cast<size_t>(x)) * 4;
  return {img.rgba[i], img.rgba[i + 1], img.rgba[i + 2]};
}

Rgb FromImU32(ImU32 c) {
  return {static_cast<int>(c & 0xFF), static_cast<int>((c >> 8) & 0xFF), static_cast<int>((c >> 16) & 0xFF)};
}

bool Near(Rgb a, Rgb b, int tolerance = 3) {
  return std::abs(a.r - b.r) <= tolerance && std::abs(a.g - b.g) <= tolerance &&
         std::abs(a.b - b.b) <= tolerance;
}

// The pixels of a rectangle, row by row, for comparing what two frames show there.
std::vector<unsigned char> Crop(const core::Image& img, int x0, int y0, int x1, int y1) {
  std::vector<unsigned char> out;
  for (int y = y0; y < y1; ++y) {
    for (int x = x0; x < x1; ++x) {
      size_t i = (static_cast<size_t>(y) * static_cast<size_t>(img.width) + static_cast<size_t>(x)) * 4;
      out.insert(out.end(), img.rgba.begin() + static_cast<long>(i),
                 img.rgba.begin() + static_cast<long>(i) + 3);
    }
  }
  return out;
}

}  // namespace

TEST_CASE("an unfocused long name shows its start, as a short one does; while typing, its end") {
  ui_test::Kiosk k;
  k.Run(R"(tap "Tap to start"
tap "English"
tap "I have read this notice"
tap "Next"
tap "First name"
type "Maximiliana"
tap "Done"
)");
  REQUIRE(k.Target("First name").Visible());
  ImRect box = k.Target("First name").rect;
  const float em = k.app->ui().theme().em;
  // the left part of the field: its padding and the first letters
  int x0 = static_cast<int>(box.Min.x) + 2, x1 = static_cast<int>(box.Min.x + em * 4);
  int y0 = static_cast<int>(box.Min.y) + 3, y1 = static_cast<int>(box.Max.y) - 3;
  auto short_name = Crop(k.Capture(), x0, y0, x1, y1);
  k.Run(R"(tap "First name"
type " Alexandrina Wolfeschlegelsteinhausenbergerdorff"
)");
  ImRect typing = k.Target("First name").rect;  // scrolled into view: the same crop, moved with the box
  int dy = static_cast<int>(typing.Min.y) - static_cast<int>(box.Min.y);
  CHECK(Crop(k.Capture(), x0, y0 + dy, x1, y1 + dy) != short_name);  // focused: the end is in view
  k.Run("tap \"Done\"\n");
  REQUIRE(k.Target("First name").rect.Min.y == box.Min.y);
  CHECK(Crop(k.Capture(), x0, y0, x1, y1) == short_name);  // unfocused: "Maximiliana A...", not "...dorff"
}

TEST_CASE("a consent's box ends a padding below its text, with no empty lines at the bottom") {
  ui_test::Kiosk k;
  k.Run(ui_test::ScriptUpTo("full-visit.kiosk", "expect screen consent"));
  const auto& theme = k.app->ui().theme();
  const Rgb soft = FromImU32(theme.brand_soft);
  for (const char* tick : {"I have read and agree to this", "I agree to before and after photos"}) {
    CAPTURE(tick);
    k.ScrollTo(tick);
    k.Run("expect screen consent\n");
    core::Image img = k.Capture();
    ImRect row = k.Target(tick).rect;
    // the box sits above the tick row; scan its bottom edge, then up to the last row of text
    int x0 = static_cast<int>(row.Min.x + theme.em * 1.5f), x1 = static_cast<int>(row.Min.x + theme.em * 12);
    int y = static_cast<int>(row.Min.y) - 1;
    while (y > 0 && !Near(At(img, x0, y), soft)) --y;
    const int box_bottom = y;
    auto plain = [&](int yy) {
      for (int x = x0; x < x1; ++x) {
        if (!Near(At(img, x, yy), soft, 40)) return false;
      }
      return true;
    };
    while (y > 0 && plain(y)) --y;
    const int empty = box_bottom - y;
    INFO("empty rows under the text: " << empty << ", em " << theme.em);
    CHECK(empty > theme.em * 0.5f);  // the box's padding is there
    CHECK(empty < theme.em * 1.5f);  // padding (0.9 em) and the last line's descent, nothing more
  }
}
