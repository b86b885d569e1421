// Drag-to-scroll physics with a manual clock: taps, drags, the glide, and the ends of the page.
#include <doctest/doctest.h>

#include "core/touch/scroll.h"

namespace {
const core::TimePoint kT0 = core::TimePoint(std::chrono::hours(1000));
core::TimePoint At(int ms) {
  return kT0 + core::Millis(ms);
}
// A finger flicking upwards by `px` over `ms`, in 16 ms moves, then lifting.
void Flick(core::ScrollPhysics& s, float from_y, float px, int ms) {
  s.Press(from_y, At(0));
  for (int t = 16; t <= ms; t += 16)
    s.Move(from_y - px * static_cast<float>(t) / static_cast<float>(ms), At(t));
  s.Release(At(ms));
}
}  // namespace

TEST_CASE("a touch that moves less than the slop is a tap: no drag, no scroll") {
  core::ScrollPhysics s;
  s.SetLimit(1000);
  s.Press(500, At(0));
  CHECK_FALSE(s.Move(510, At(16)));
  CHECK_FALSE(s.dragging());
  s.Release(At(32));
  CHECK(s.offset() == 0);
  CHECK_FALSE(s.gliding());
}

TEST_CASE("a drag beyond the slop moves the page with the finger") {
  core::ScrollPhysics s;
  s.SetLimit(1000);
  s.Press(500, At(0));
  CHECK(s.Move(400, At(50)));
  CHECK(s.dragging());
  CHECK(s.offset() == doctest::Approx(100));
  s.Move(450, At(100));
  CHECK(s.offset() == doctest::Approx(50));
}

TEST_CASE("after a flick the page glides on, slows down and stops by itself") {
  core::ScrollPhysics s;
  s.SetLimit(100000);
  Flick(s, 800, 300, 160);
  REQUIRE(s.gliding());
  float released_at = s.offset(), v0 = s.velocity();
  CHECK(v0 > 1000);
  s.Step(At(260));
  float after_100ms = s.offset();
  CHECK(after_100ms > released_at);
  CHECK(s.velocity() < v0);  // inertia decays
  s.Step(At(360));
  CHECK(s.offset() - after_100ms < after_100ms - released_at);  // each 100 ms covers less than the last
  s.Step(At(5160));
  CHECK_FALSE(s.gliding());  // stops within seconds
  float stopped = s.offset();
  s.Step(At(9000));
  CHECK(s.offset() == stopped);
}

TEST_CASE("a glide stops at the end of the page, never past it") {
  core::ScrollPhysics s;
  s.SetLimit(350);
  Flick(s, 800, 300, 160);
  s.Step(At(2000));
  CHECK(s.offset() == 350);
  CHECK_FALSE(s.gliding());
  // and at the top, flicking the other way
  Flick(s, 200, -300, 160);
  s.Step(At(2000));
  CHECK(s.offset() == 0);
}

TEST_CASE("dragging past the ends clamps the page") {
  core::ScrollPhysics s;
  s.SetLimit(200);
  s.Press(500, At(0));
  s.Move(100, At(16));
  CHECK(s.offset() == 200);
  s.Move(900, At(32));
  CHECK(s.offset() == 0);
}

TEST_CASE("a finger that stops before lifting does not glide; a touch stops a glide") {
  core::ScrollPhysics s;
  s.SetLimit(10000);
  s.Press(800, At(0));
  s.Move(600, At(50));
  s.Release(At(400));
  CHECK_FALSE(s.gliding());
  Flick(s, 800, 300, 160);
  REQUIRE(s.gliding());
  s.Press(500, At(200));
  CHECK_FALSE(s.gliding());
}

TEST_CASE("a page that shrinks clamps its offset; a page that fits never scrolls") {
  core::ScrollPhysics s;
  s.SetLimit(500);
  s.JumpTo(400);
  s.SetLimit(100);
  CHECK(s.offset() == 100);
  s.SetLimit(0);
  s.Press(500, At(0));
  s.Move(100, At(16));
  CHECK(s.offset() == 0);
}
