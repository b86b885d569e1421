// Drag-to-scroll physics with a manual clock: taps, drags, the glide, and the ends of the page.
#include <doctest/doctest.h>

#include "core/touch/scroll.h"

namespace {
const core::TimePoint kScrollStart = core::TimePoint(std::chrono::hours(1000));
core::TimePoint AtMs(int ms) {
  return kScrollStart + core::Millis(ms);
}
// A finger flicking upwards by `px` over `ms`, in 16 ms moves, then lifting.
void Flick(core::ScrollPhysics& s, float from_y, float px, int ms) {
  s.Press(from_y, AtMs(0));
  for (int t = 16; t <= ms; t += 16)
    s.Move(from_y - px * static_cast<float>(t) / static_cast<float>(ms), AtMs(t));
  s.Release(AtMs(ms));
}
}  // namespace

TEST_CASE("a span already in view does not move the page") {
  CHECK(core::RevealOffset(100, 500, 200, 300, 20) == 100);
}

TEST_CASE("a span below the view comes up to its foot, one above comes down to its top") {
  // view 500 px at offset 0: a field at 900..1000 ends 20 px above the view's foot
  CHECK(core::RevealOffset(0, 500, 900, 1000, 20) == 520);
  // the page is scrolled to 2000: a question at 300..420 comes to the top, 20 px from it
  CHECK(core::RevealOffset(2000, 500, 300, 420, 20) == 280);
  // partly hidden under the foot (a field under the keyboard): moves just enough
  CHECK(core::RevealOffset(0, 200, 150, 260, 10) == 70);
}

TEST_CASE("a span taller than the view shows its end, where the control and its message are") {
  CHECK(core::RevealOffset(0, 300, 100, 900, 20) == 600);
  // one that fits the view but not its margins is centred: nothing of it is cut
  CHECK(core::RevealOffset(0, 160, 500, 640, 20) == 490);
  // the margin never eats the view: a tiny view keeps most of itself
  CHECK(core::RevealOffset(0, 40, 100, 120, 30) == doctest::Approx(90));
}

TEST_CASE("a touch that moves less than the slop is a tap: no drag, no scroll") {
  core::ScrollPhysics s;
  s.SetLimit(1000);
  s.Press(500, AtMs(0));
  CHECK_FALSE(s.Move(510, AtMs(16)));
  CHECK_FALSE(s.dragging());
  s.Release(AtMs(32));
  CHECK(s.offset() == 0);
  CHECK_FALSE(s.gliding());
}

TEST_CASE("a drag beyond the slop moves the page with the finger") {
  core::ScrollPhysics s;
  s.SetLimit(1000);
  s.Press(500, AtMs(0));
  CHECK(s.Move(400, AtMs(50)));
  CHECK(s.dragging());
  CHECK(s.offset() == doctest::Approx(100));
  s.Move(450, AtMs(100));
  CHECK(s.offset() == doctest::Approx(50));
}

TEST_CASE("after a flick the page glides on, slows down and stops by itself") {
  core::ScrollPhysics s;
  s.SetLimit(100000);
  Flick(s, 800, 300, 160);
  REQUIRE(s.gliding());
  float released_at = s.offset(), v0 = s.velocity();
  CHECK(v0 > 1000);
  s.Step(AtMs(260));
  float after_100ms = s.offset();
  CHECK(after_100ms > released_at);
  CHECK(s.velocity() < v0);  // inertia decays
  s.Step(AtMs(360));
  CHECK(s.offset() - after_100ms < after_100ms - released_at);  // each 100 ms covers less than the last
  s.Step(AtMs(5160));
  CHECK_FALSE(s.gliding());  // stops within seconds
  float stopped = s.offset();
  s.Step(AtMs(9000));
  CHECK(s.offset() == stopped);
}

TEST_CASE("a glide stops at the end of the page, never past it") {
  core::ScrollPhysics s;
  s.SetLimit(350);
  Flick(s, 800, 300, 160);
  s.Step(AtMs(2000));
  CHECK(s.offset() == 350);
  CHECK_FALSE(s.gliding());
  // and at the top, flicking the other way
  Flick(s, 200, -300, 160);
  s.Step(AtMs(2000));
  CHECK(s.offset() == 0);
}

TEST_CASE("dragging past the ends clamps the page") {
  core::ScrollPhysics s;
  s.SetLimit(200);
  s.Press(500, AtMs(0));
  s.Move(100, AtMs(16));
  CHECK(s.offset() == 200);
  s.Move(900, AtMs(32));
  CHECK(s.offset() == 0);
}

TEST_CASE("a finger that stops before lifting does not glide; a touch stops a glide") {
  core::ScrollPhysics s;
  s.SetLimit(10000);
  s.Press(800, AtMs(0));
  s.Move(600, AtMs(50));
  s.Release(AtMs(400));
  CHECK_FALSE(s.gliding());
  Flick(s, 800, 300, 160);
  REQUIRE(s.gliding());
  s.Press(500, AtMs(200));
  CHECK_FALSE(s.gliding());
}

TEST_CASE("a page that shrinks clamps its offset; a page that fits never scrolls") {
  core::ScrollPhysics s;
  s.SetLimit(500);
  s.JumpTo(400);
  s.SetLimit(100);
  CHECK(s.offset() == 100);
  s.SetLimit(0);
  s.Press(500, AtMs(0));
  s.Move(100, AtMs(16));
  CHECK(s.offset() == 0);
}
