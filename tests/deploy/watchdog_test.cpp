// The systemd watchdog rule: which environments expect keep-alives from us, and how often.
#include <doctest/doctest.h>

#include "core/base/watchdog.h"

using core::Millis;
using core::WatchdogPingInterval;

TEST_CASE("no WATCHDOG_USEC means no watchdog") {
  CHECK_FALSE(WatchdogPingInterval(nullptr, nullptr, 100, 1));
  CHECK_FALSE(WatchdogPingInterval("", nullptr, 100, 1));
}

TEST_CASE("keep-alives go out at half the watchdog timeout") {
  CHECK(WatchdogPingInterval("30000000", nullptr, 100, 1) == Millis(15'000));
  CHECK(WatchdogPingInterval("1000000", "100", 100, 1) == Millis(500));
}

TEST_CASE("a child of the main process (the UI under cage) sends keep-alives too") {
  CHECK(WatchdogPingInterval("20000000", "42", 100, 42) == Millis(10'000));
}

TEST_CASE("a watchdog meant for another process is not ours") {
  CHECK_FALSE(WatchdogPingInterval("20000000", "7", 100, 42));
}

TEST_CASE("malformed values are ignored rather than trusted") {
  CHECK_FALSE(WatchdogPingInterval("abc", nullptr, 100, 1));
  CHECK_FALSE(WatchdogPingInterval("-5", nullptr, 100, 1));
  CHECK_FALSE(WatchdogPingInterval("0", nullptr, 100, 1));
  CHECK_FALSE(WatchdogPingInterval("1000000x", nullptr, 100, 1));
  CHECK_FALSE(WatchdogPingInterval("1000000", "pid", 100, 1));
}

TEST_CASE("a tiny timeout still gives a positive interval") {
  CHECK(WatchdogPingInterval("1", nullptr, 100, 1) == Millis(1));
}
