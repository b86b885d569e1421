// Idle policy: "Still there?" after the timeout, a wipe after the countdown, never on attract; no sleeping.
#include <doctest/doctest.h>

#include "core/visit/idle.h"
#include "fixtures.h"

using namespace core_test;
using core::IdleState;
using core::Screen;
using std::chrono::milliseconds;
using std::chrono::seconds;
namespace in = core::intent;

namespace {

core::Content IdleContent() {
  return Load(
      Questionnaire(Json::array({Step("s", Json::array({Q("name", "text", {{"required", true}})}))})));
}

// A session on a step whose last touch was at `t0`.
core::Session OnStep(core::TimePoint t0, Screen screen = Screen::kStep) {
  core::Session s;
  s.screen = screen;
  s.last_activity = t0;
  return s;
}

const core::IdleSettings kIdle{seconds(90), seconds(20)};

}  // namespace

TEST_SUITE("idle") {
  TEST_CASE("the default idle settings are 90 s then a 20 s countdown") {
    core::IdleSettings idle;
    CHECK(idle.timeout == seconds(90));
    CHECK(idle.countdown == seconds(20));
  }

  TEST_CASE("the attract screen never times out") {
    auto t0 = At(2026, 11, 25);
    auto s = OnStep(t0, Screen::kAttract);
    CHECK(core::IdleStateOf(s, t0 + std::chrono::hours(48), kIdle) == IdleState::kActive);
    CHECK(core::NextIdleDeadline(s, kIdle) == core::TimePoint::max());
  }

  TEST_CASE("thank you and submitting never time out through idle") {
    auto t0 = At(2026, 11, 25);
    for (Screen screen : {Screen::kThankYou, Screen::kSubmitting}) {
      auto s = OnStep(t0, screen);
      CHECK(core::IdleStateOf(s, t0 + seconds(500), kIdle) == IdleState::kActive);
      CHECK(core::NextIdleDeadline(s, kIdle) == core::TimePoint::max());
    }
  }

  TEST_CASE("a step asks Still there? at the timeout and expires after the countdown") {
    auto t0 = At(2026, 11, 25);
    for (Screen screen : {Screen::kLanguage, Screen::kStep, Screen::kReview}) {
      auto s = OnStep(t0, screen);
      CHECK(core::IdleStateOf(s, t0 + seconds(90) - milliseconds(1), kIdle) == IdleState::kActive);
      CHECK(core::IdleStateOf(s, t0 + seconds(90), kIdle) == IdleState::kAsking);
      CHECK(core::IdleStateOf(s, t0 + seconds(110) - milliseconds(1), kIdle) == IdleState::kAsking);
      CHECK(core::IdleStateOf(s, t0 + seconds(110), kIdle) == IdleState::kExpired);
    }
  }

  TEST_CASE("the countdown shows whole seconds left, rounded up") {
    auto t0 = At(2026, 11, 25);
    auto s = OnStep(t0);
    CHECK(core::CountdownLeft(s, t0 + seconds(90), kIdle) == 20);
    CHECK(core::CountdownLeft(s, t0 + seconds(90) + milliseconds(1), kIdle) == 20);
    CHECK(core::CountdownLeft(s, t0 + seconds(90) + milliseconds(999), kIdle) == 20);
    CHECK(core::CountdownLeft(s, t0 + seconds(91), kIdle) == 19);
    CHECK(core::CountdownLeft(s, t0 + seconds(109) + milliseconds(1), kIdle) == 1);
    CHECK(core::CountdownLeft(s, t0 + seconds(110), kIdle) == 0);
    CHECK(core::CountdownLeft(s, t0 + seconds(200), kIdle) == 0);
  }

  TEST_CASE("the next idle deadline is the timeout, then the end of the countdown while asking") {
    auto t0 = At(2026, 11, 25);
    auto s = OnStep(t0);
    CHECK(core::NextIdleDeadline(s, kIdle) == t0 + seconds(90));
    s.still_there = true;
    CHECK(core::NextIdleDeadline(s, kIdle) == t0 + seconds(110));
  }

  TEST_CASE("a Tick after the timeout shows Still there? and a touch cancels it") {
    Kiosk k(IdleContent());
    k.Do(in::Start{});
    k.Wait(seconds(89));
    k.Tick();
    CHECK_FALSE(k.session.still_there);
    k.Wait(seconds(1));
    auto fx = k.Tick();
    CHECK_FALSE(fx.wiped);
    CHECK(k.session.still_there);
    CHECK(core::CountdownLeft(k.session, k.clock.Now(), k.idle) == 20);
    CHECK(core::NextIdleDeadline(k.session, k.idle) == At(2026, 11, 25) + seconds(110));

    k.Wait(seconds(15));
    k.Do(in::Activity{});
    CHECK_FALSE(k.session.still_there);
    CHECK(k.session.last_activity == k.clock.Now());
    k.Wait(seconds(89));
    k.Tick();
    CHECK_FALSE(k.session.still_there);
    CHECK(k.Where() == "s");
  }

  TEST_CASE("a Tick is not activity: it never postpones the timeout") {
    Kiosk k(IdleContent());
    k.Do(in::Start{});
    auto touched = k.session.last_activity;
    for (int i = 0; i < 10; ++i) {
      k.Wait(seconds(5));
      k.Tick();
    }
    CHECK(k.session.last_activity == touched);
  }

  TEST_CASE("an answer counts as activity") {
    Kiosk k(IdleContent());
    k.Do(in::Start{});
    k.Wait(seconds(80));
    k.Answer("name", std::string("M"));
    k.Wait(seconds(80));
    k.Tick();
    CHECK_FALSE(k.session.still_there);
  }

  TEST_CASE("no answer after the timeout and countdown wipes the visit back to attract") {
    Kiosk k(IdleContent());
    k.Do(in::Start{});
    k.Answer("name", std::string("Maria"));
    k.Wait(seconds(90));
    k.Tick();
    REQUIRE(k.session.still_there);
    k.Wait(seconds(20));
    auto fx = k.Tick();
    CHECK(fx.wiped);
    CHECK(k.Where() == "attract");
    CHECK(k.session.answers.empty());
    CHECK(k.session.intake_id.empty());
    CHECK_FALSE(k.session.still_there);
    CHECK(k.session.visits == 1);
  }

  TEST_CASE("a single late Tick after a long silence still wipes") {
    Kiosk k(IdleContent());
    k.Do(in::Start{});
    k.Answer("name", std::string("Maria"));
    k.Wait(std::chrono::hours(3));
    CHECK(k.Tick().wiped);
    CHECK(k.Where() == "attract");
  }

  TEST_CASE("the idle timings come from the environment") {
    Kiosk k(IdleContent());
    k.idle = core::IdleSettings{seconds(30), seconds(5)};
    k.Do(in::Start{});
    k.Wait(seconds(30));
    k.Tick();
    CHECK(k.session.still_there);
    k.Wait(seconds(5));
    CHECK(k.Tick().wiped);
  }

  TEST_CASE("Ticks on the attract screen never wipe") {
    Kiosk k(IdleContent());
    k.Wait(std::chrono::hours(10));
    auto fx = k.Tick();
    CHECK_FALSE(fx.wiped);
    CHECK_FALSE(k.session.still_there);
  }
}
