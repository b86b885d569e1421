// Staff mode rules: the PIN throttle, the hidden gesture, the PIN pad and the inactivity lock.
#include <doctest/doctest.h>

#include "core/staff/pin_throttle.h"
#include "core/staff/staff.h"
#include "core/touch/hold_gesture.h"

using core::Seconds;
using std::chrono::minutes;

namespace {
const core::TimePoint kT0 = core::TimePoint(std::chrono::sys_days(std::chrono::year(2026) / 11 / 25));
}

TEST_SUITE("pin throttle") {
  TEST_CASE("the first four wrong PINs cost nothing; the fifth closes the pad for 30 seconds") {
    for (int n = 0; n < 5; ++n) CHECK(core::PinDelayAfter(n) == Seconds(0));
    CHECK(core::PinDelayAfter(5) == Seconds(30));
  }

  TEST_CASE("each further wrong PIN doubles the wait, capped at 15 minutes") {
    CHECK(core::PinDelayAfter(6) == Seconds(60));
    CHECK(core::PinDelayAfter(7) == Seconds(120));
    CHECK(core::PinDelayAfter(8) == Seconds(240));
    CHECK(core::PinDelayAfter(9) == Seconds(480));
    CHECK(core::PinDelayAfter(10) == minutes(15));
    CHECK(core::PinDelayAfter(20) == minutes(15));
    CHECK(core::PinDelayAfter(1000000) == minutes(15));
  }

  TEST_CASE("the wait counts down from the last failure on an injected clock") {
    core::ManualClock clock(kT0);
    core::TimePoint failed = clock.Now();
    CHECK(core::PinWaitSeconds(5, failed, clock.Now()) == 30);
    clock.Advance(std::chrono::milliseconds(29'001));
    CHECK(core::PinWaitSeconds(5, failed, clock.Now()) == 1);
    clock.Advance(std::chrono::milliseconds(999));
    CHECK(core::PinWaitSeconds(5, failed, clock.Now()) == 0);
    CHECK(core::PinWaitSeconds(4, failed, failed) == 0);
  }

  TEST_CASE("twenty wrong PINs in a row: every try after the tenth waits the full 15 minutes") {
    // Escalation: 30 s + 60 s + 2 min + 4 min + 8 min, then 15 min per try from the tenth on.
    Seconds escalation{0};
    for (int n = 5; n < 10; ++n) escalation += core::PinDelayAfter(n);
    CHECK(escalation == Seconds(930));
    Seconds total{0};
    for (int n = 1; n <= 19; ++n) total += core::PinDelayAfter(n);  // waits before tries 2..20
    CHECK(total == Seconds(930 + 10 * 900));
  }
}

TEST_SUITE("hold gesture") {
  core::HoldGestureSettings Corner(const char* corner) {
    return {corner, 90, core::Millis(3000)};
  }

  TEST_CASE("a press held still in the top-left corner for 3 seconds fires once") {
    core::HoldGesture g(Corner("top_left"));
    core::TimePoint t = kT0;
    CHECK_FALSE(g.Update(true, 10, 10, 1920, 1080, t));
    CHECK(g.Deadline() == t + Seconds(3));
    CHECK_FALSE(g.Update(true, 12, 14, 1920, 1080, t + core::Millis(2999)));
    CHECK(g.Update(true, 12, 14, 1920, 1080, t + Seconds(3)));
    CHECK_FALSE(g.Update(true, 12, 14, 1920, 1080, t + Seconds(10)));  // still held: not again
    CHECK_FALSE(g.Update(false, -1, -1, 1920, 1080, t + Seconds(11)));
    CHECK_FALSE(g.Update(true, 10, 10, 1920, 1080, t + Seconds(12)));
    CHECK(g.Update(true, 10, 10, 1920, 1080, t + Seconds(15)));  // a new press works again
  }

  TEST_CASE("lifting early, sliding out, or starting outside the corner does not fire") {
    core::HoldGesture g(Corner("top_left"));
    core::TimePoint t = kT0;
    g.Update(true, 10, 10, 1920, 1080, t);
    g.Update(false, 10, 10, 1920, 1080, t + Seconds(2));
    CHECK_FALSE(g.Update(true, 10, 10, 1920, 1080, t + Seconds(4)));  // a new press starts over
    CHECK_FALSE(g.Update(true, 10, 10, 1920, 1080, t + Seconds(5)));
    CHECK_FALSE(g.Update(true, 200, 10, 1920, 1080, t + Seconds(8)));  // slid out
    CHECK_FALSE(g.Update(true, 10, 10, 1920, 1080, t + Seconds(9)));   // back in, same press: no
    g.Update(false, 0, 0, 1920, 1080, t + Seconds(10));
    CHECK_FALSE(g.Update(true, 500, 500, 1920, 1080, t + Seconds(11)));  // starts outside
    CHECK_FALSE(g.Update(true, 10, 10, 1920, 1080, t + Seconds(12)));    // dragged into the corner
    CHECK_FALSE(g.Update(true, 10, 10, 1920, 1080, t + Seconds(20)));
  }

  TEST_CASE("the corner is configurable") {
    core::HoldGesture g(Corner("bottom_right"));
    CHECK_FALSE(g.InCorner(10, 10, 1080, 1920));
    CHECK(g.InCorner(1075, 1915, 1080, 1920));
    g.Update(true, 1075, 1915, 1080, 1920, kT0);
    CHECK(g.Update(true, 1075, 1915, 1080, 1920, kT0 + Seconds(3)));
  }
}

TEST_SUITE("staff pad and pages") {
  using namespace core::staff_intent;

  TEST_CASE("digits build the PIN; Enter asks for a check only with 4 to 12 digits") {
    core::StaffState s;
    CHECK_FALSE(core::ApplyStaff(s, Digit{'1'}, kT0));  // closed: ignored
    CHECK(s.pin.empty());
    core::ApplyStaff(s, Open{}, kT0);
    CHECK(s.page == core::StaffPage::kPin);
    for (char d : std::string("123")) core::ApplyStaff(s, Digit{d}, kT0);
    CHECK_FALSE(core::ApplyStaff(s, Enter{}, kT0));
    CHECK(s.message == "staff_pin_short");
    core::ApplyStaff(s, Digit{'x'}, kT0);
    core::ApplyStaff(s, Digit{'4'}, kT0);
    CHECK(s.pin == "1234");
    core::ApplyStaff(s, Erase{}, kT0);
    CHECK(s.pin == "123");
    for (int i = 0; i < 20; ++i) core::ApplyStaff(s, Digit{'9'}, kT0);
    CHECK(s.pin.size() == core::kMaxPinDigits);
    CHECK(core::ApplyStaff(s, Enter{}, kT0));
  }

  TEST_CASE("actions need the right PIN first; a wrong one wipes the digits and says so calmly") {
    core::StaffState s;
    core::ApplyStaff(s, Open{}, kT0);
    CHECK_FALSE(core::ApplyStaff(s, ExitApp{}, kT0));
    CHECK_FALSE(core::ApplyStaff(s, Show{core::StaffPage::kHome}, kT0));
    CHECK(s.page == core::StaffPage::kPin);
    s.pin = "1111";
    core::PinChecked(s, false, kT0);
    CHECK(s.pin.empty());
    CHECK(s.message == "staff_pin_wrong");
    CHECK(s.page == core::StaffPage::kPin);
    s.pin = "2468";
    core::PinChecked(s, true, kT0);
    CHECK(s.page == core::StaffPage::kHome);
    CHECK(s.pin.empty());
    CHECK(core::ApplyStaff(s, RetryAll{}, kT0));
    CHECK(core::ApplyStaff(s, ExitApp{}, kT0));
    core::ApplyStaff(s, Show{core::StaffPage::kToday}, kT0);
    CHECK(s.page == core::StaffPage::kToday);
    core::ApplyStaff(s, Close{}, kT0);
    CHECK(s.page == core::StaffPage::kClosed);
    CHECK_FALSE(core::ApplyStaff(s, ExitApp{}, kT0));
  }

  TEST_CASE("staff mode locks itself after 2 minutes without a touch; a touch keeps it open") {
    core::StaffState s;
    core::ApplyStaff(s, Open{}, kT0);
    core::PinChecked(s, true, kT0);
    CHECK_FALSE(core::LockIfIdle(s, kT0 + Seconds(119), Seconds(120)));
    core::ApplyStaff(s, Touch{}, kT0 + Seconds(119));
    CHECK_FALSE(core::LockIfIdle(s, kT0 + Seconds(200), Seconds(120)));
    CHECK(core::LockIfIdle(s, kT0 + Seconds(239), Seconds(120)));
    CHECK(s.page == core::StaffPage::kClosed);
  }
}
