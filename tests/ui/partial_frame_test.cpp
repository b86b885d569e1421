// Frames drawn in part: the attract screen's rotation redraws and shows only the band that changes, and the
// picture is, pixel for pixel, the whole frame drawn from scratch.
#include <doctest/doctest.h>

#include "headless_kiosk.h"

TEST_CASE("each turn of the attract rotation draws only its band, and the picture is the whole frame's") {
  ui_test::Kiosk k;
  k.Run("expect screen attract");
  const auto& attract = k.app->content().app.attract;
  REQUIRE(attract.highlights.size() > 1);
  core::Image before = k.Capture();
  CHECK_FALSE(k.window->last_redraw().has_value());  // nothing drawn before: all of it
  const long screen = 1280L * 800;
  for (size_t turn = 1; turn <= attract.highlights.size(); ++turn) {
    CAPTURE(turn);
    k.clock.Advance(core::Seconds(attract.rotate_s));
    core::Image turned = k.Capture();
    REQUIRE(k.window->last_redraw().has_value());
    const platform::PixelRect band = *k.window->last_redraw();
    CHECK_FALSE(band.empty());
    CHECK(band.area() < screen / 8);  // the highlight's band and its dots, not the screen
    // the headless window checks every frame drawn in part against the whole frame drawn from scratch
    CHECK(k.window->TakeMismatch() == "");
    CHECK(turned.rgba != before.rgba);  // the next highlight and its dot show
    k.window->ForgetFrames();
    core::Image whole = k.Capture();
    CHECK_FALSE(k.window->last_redraw().has_value());
    CHECK(whole.rgba == turned.rgba);
    // Outside the band nothing changed.
    for (int y = 0; y < 800; y += 7) {
      for (int x = 0; x < 1280; x += 7) {
        if (x >= band.x0 && x < band.x1 && y >= band.y0 && y < band.y1) continue;
        size_t i = (static_cast<size_t>(y) * 1280 + x) * 4;
        if (turned.rgba[i] != before.rgba[i] || turned.rgba[i + 1] != before.rgba[i + 1]) {
          FAIL("pixel " << x << "," << y << " outside the redrawn band changed");
        }
      }
    }
    before = std::move(turned);
  }
  // A frame with nothing new draws nothing.
  k.Capture();
  REQUIRE(k.window->last_redraw().has_value());
  CHECK(k.window->last_redraw()->empty());
}

TEST_CASE("a frame drawn in part over a different screen still comes out as the whole frame") {
  ui_test::Kiosk k;
  k.Run("expect screen attract");
  k.Capture();
  k.Run("tap \"Tap to start\"\nexpect screen language");
  k.Capture();
  CHECK(k.window->TakeMismatch() == "");
  k.Run("tap \"Español\"");
  k.Capture();
  REQUIRE(k.window->last_redraw().has_value());
  CHECK(k.window->TakeMismatch() == "");
}
