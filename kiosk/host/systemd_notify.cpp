// sd_notify messages to the service manager (see systemd_notify.h).
#include "host/systemd_notify.h"

#include <systemd/sd-daemon.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>

#include "core/base/watchdog.h"

namespace host {

SystemdNotifier SystemdNotifier::FromEnvironment() {
  SystemdNotifier n;
  n.interval_ = core::WatchdogPingInterval(std::getenv("WATCHDOG_USEC"), std::getenv("WATCHDOG_PID"),
                                           static_cast<long>(getpid()), static_cast<long>(getppid()));
  return n;
}

void SystemdNotifier::Ready() const {
  sd_notify(0, "READY=1");
}

void SystemdNotifier::Stopping() const {
  sd_notify(0, "STOPPING=1");
}

void SystemdNotifier::KeepAlive() {
  if (!interval_) return;
  auto now = std::chrono::steady_clock::now();
  // Half an interval between pings and waits capped at half an interval: never more than one interval
  // (half the watchdog timeout) between two pings, without a message on every frame of an animation.
  if (now - last_ping_ < *interval_ / 2) return;
  last_ping_ = now;
  sd_notify(0, "WATCHDOG=1");
}

int SystemdNotifier::CapWaitMs(int longest_ms) const {
  if (!interval_) return longest_ms;
  return static_cast<int>(std::clamp<long long>(interval_->count() / 2, 1, longest_ms));
}

}  // namespace host
