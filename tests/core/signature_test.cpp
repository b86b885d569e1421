// The signature model: the "enough ink" rule and rasterising strokes to pixels.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include "core/visit/signature.h"
#include "fixtures.h"

using namespace core_test;

namespace {

struct Pixel {
  int r, g, b, a;
};

Pixel PixelAt(const core::Image& img, int x, int y) {
  size_t i = (static_cast<size_t>(y) * img.width + x) * 4;
  return {img.rgba[i], img.rgba[i + 1], img.rgba[i + 2], img.rgba[i + 3]};
}

bool IsWhite(const Pixel& p) {
  return p.r == 255 && p.g == 255 && p.b == 255 && p.a == 255;
}
bool IsDark(const Pixel& p) {
  return p.r < 80 && p.g < 80 && p.b < 100 && p.a == 255;
}

// A straight horizontal stroke on a 400x200 pad.
core::Signature Horizontal(float x0, float x1, float y) {
  core::Signature s;
  s.width = 400;
  s.height = 200;
  s.strokes.push_back({{{x0, y}, {x1, y}}});
  return s;
}

}  // namespace

TEST_SUITE("signature") {
  TEST_CASE("ink is the length of all strokes as a fraction of the pad width") {
    CHECK(core::InkLength(Horizontal(0, 200, 50)) == doctest::Approx(0.5));
    core::Signature two = Horizontal(0, 100, 50);
    two.strokes.push_back({{{0, 0}, {30, 40}}});  // 50 px
    CHECK(core::InkLength(two) == doctest::Approx(150.0 / 400));
    CHECK(core::InkLength(core::Signature{}) == 0);
  }

  TEST_CASE("a pad with no width has no ink rather than dividing by zero") {
    core::Signature s = Horizontal(0, 200, 50);
    s.width = 0;
    CHECK(core::InkLength(s) == 0);
    CHECK_FALSE(core::HasEnoughInk(s));
  }

  TEST_CASE("a dot is not enough ink") {
    CHECK_FALSE(core::HasEnoughInk(Dot()));
    core::Signature tap;
    tap.width = 400;
    tap.height = 200;
    tap.strokes.push_back({{{100, 100}}});
    CHECK_FALSE(core::HasEnoughInk(tap));
  }

  TEST_CASE("many short taps do not add up to a signature") {
    core::Signature taps;
    taps.width = 400;
    taps.height = 200;
    for (int i = 0; i < 20; ++i) taps.strokes.push_back({{{10.0f * i, 50}, {10.0f * i + 2, 50}}});
    CHECK_FALSE(core::HasEnoughInk(taps));
  }

  TEST_CASE("a line across the pad is enough ink, and the threshold is inclusive") {
    CHECK(core::HasEnoughInk(Line()));
    CHECK(core::HasEnoughInk(Horizontal(0, 400 * core::kMinInk, 50)));
    CHECK_FALSE(core::HasEnoughInk(Horizontal(0, 400 * core::kMinInk - 2, 50)));
  }

  TEST_CASE("the raster has the asked size, opaque RGBA") {
    auto img = core::Rasterize(Line(), 200, 100);
    CHECK(img.width == 200);
    CHECK(img.height == 100);
    CHECK(img.rgba.size() == 200u * 100u * 4u);
    for (size_t i = 3; i < img.rgba.size(); i += 4) REQUIRE(img.rgba[i] == 255);
  }

  TEST_CASE("an empty signature rasterises to plain white") {
    core::Signature blank;
    blank.width = 400;
    blank.height = 200;
    auto img = core::Rasterize(blank, 40, 20);
    for (int y = 0; y < 20; ++y) {
      for (int x = 0; x < 40; ++x) REQUIRE(IsWhite(PixelAt(img, x, y)));
    }
  }

  TEST_CASE("the raster has dark pixels along the line and white elsewhere, scaled to the output") {
    // 40..360 at y=100 on 400x200 becomes 20..180 at y=50 on 200x100.
    auto img = core::Rasterize(Horizontal(40, 360, 100), 200, 100, 3.0f);
    for (int x = 22; x <= 178; x += 4) {
      CAPTURE(x);
      CHECK(IsDark(PixelAt(img, x, 49)));
      CHECK(IsDark(PixelAt(img, x, 50)));
    }
    for (int x : {0, 10, 17, 183, 190, 199}) {
      CAPTURE(x);
      CHECK(IsWhite(PixelAt(img, x, 50)));
    }
    for (int y : {0, 20, 45, 55, 80, 99}) {
      CAPTURE(y);
      CHECK(IsWhite(PixelAt(img, 100, y)));
    }
  }

  TEST_CASE("a thicker pen darkens more rows") {
    auto thin = core::Rasterize(Horizontal(40, 360, 100), 200, 100, 2.0f);
    auto thick = core::Rasterize(Horizontal(40, 360, 100), 200, 100, 8.0f);
    CHECK(IsWhite(PixelAt(thin, 100, 53)));
    CHECK(IsDark(PixelAt(thick, 100, 53)));
  }

  TEST_CASE("a single tap still leaves a round mark where it was") {
    core::Signature tap;
    tap.width = 100;
    tap.height = 100;
    tap.strokes.push_back({{{50, 50}}});
    auto img = core::Rasterize(tap, 100, 100, 6.0f);
    CHECK(IsDark(PixelAt(img, 50, 50)));
    CHECK(IsWhite(PixelAt(img, 60, 50)));
  }

  TEST_CASE("strokes running off the pad are clipped, not written out of bounds") {
    core::Signature s;
    s.width = 100;
    s.height = 100;
    s.strokes.push_back({{{-50, -50}, {150, 150}}});
    auto img = core::Rasterize(s, 50, 50);
    CHECK(IsDark(PixelAt(img, 25, 25)));
    CHECK(IsDark(PixelAt(img, 0, 0)));
    CHECK(IsDark(PixelAt(img, 49, 49)));
  }

  TEST_CASE("smoothing passes through every touch sample and fills the gaps between them") {
    std::vector<core::Point> samples{{0, 0}, {40, 30}, {80, 0}, {120, 30}};
    auto line = core::Smooth(samples, 2.0f);
    for (const auto& p : samples) {
      bool on_line = std::any_of(line.begin(), line.end(), [&](const core::Point& q) { return q == p; });
      CHECK(on_line);
    }
    for (size_t i = 1; i < line.size(); ++i) {
      CHECK(std::hypot(line[i].x - line[i - 1].x, line[i].y - line[i - 1].y) <= 2.5f);
    }
  }

  TEST_CASE("smoothing rounds a corner: between samples the line bends instead of running straight") {
    // three samples making a right angle; the spline between the first two bulges off the straight chord
    auto line = core::Smooth({{0, 0}, {100, 0}, {100, 100}}, 1.0f);
    float furthest = 0;
    for (const auto& p : line) {
      if (p.x > 0 && p.x < 100 && p.y < 50) furthest = std::max(furthest, std::abs(p.y));
    }
    CHECK(furthest > 2.0f);
    CHECK(line.back() == core::Point{100, 100});
  }

  TEST_CASE("smoothing leaves dots and straight pairs as they are") {
    CHECK(core::Smooth({{5, 5}}).size() == 1);
    CHECK(core::Smooth({{0, 0}, {10, 0}}).size() == 2);
  }

  TEST_CASE("undo takes the last stroke off, redo puts it back, a new stroke forgets the redo") {
    core::Signature s = Horizontal(10, 100, 50);
    core::StrokeHistory history;
    history.Add("pad", s, {{{10, 80}, {100, 80}}});
    REQUIRE(s.strokes.size() == 2);
    CHECK(history.Undo("pad", s));
    CHECK(s.strokes.size() == 1);
    CHECK(s.strokes[0].points[0].y == 50);
    CHECK(history.Redoable("pad") == 1);
    CHECK(history.Redo("pad", s));
    CHECK(s.strokes.size() == 2);
    CHECK(s.strokes[1].points[0].y == 80);
    CHECK_FALSE(history.Redo("pad", s));
    CHECK(history.Undo("pad", s));
    history.Add("pad", s, {{{0, 0}, {5, 5}}});
    CHECK(history.Redoable("pad") == 0);
    CHECK(history.Undo("pad", s));
    CHECK(history.Undo("pad", s));
    CHECK_FALSE(history.Undo("pad", s));
    CHECK_FALSE(core::HasEnoughInk(s));
    CHECK(history.Redoable("pad") == 2);
    history.Clear("pad");
    CHECK(history.empty());
  }

  TEST_CASE("each pad has its own redo: Redo on the client's pad never takes the guardian's stroke") {
    core::StrokeHistory history;
    core::Signature guardian, client;
    history.Add("guardian_signature", guardian, {{{10, 50}, {100, 50}}});
    CHECK(history.Undo("guardian_signature", guardian));
    CHECK(guardian.strokes.empty());
    CHECK(history.Redoable("client_signature") == 0);
    CHECK_FALSE(history.Redo("client_signature", client));
    CHECK(client.strokes.empty());
    CHECK(history.Redoable("guardian_signature") == 1);
    // a stroke on the client's pad forgets only the client's redo
    history.Add("client_signature", client, {{{0, 0}, {50, 5}}});
    CHECK(history.Redo("guardian_signature", guardian));
    CHECK(guardian.strokes.size() == 1);
    CHECK(client.strokes.size() == 1);
    CHECK(client.strokes[0].points[0] == core::Point{0, 0});
  }
}
