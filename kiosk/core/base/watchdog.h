// The systemd watchdog rule: whether keep-alives are expected from this process, and how often to send them.
#pragma once

#include <optional>

#include "core/base/clock.h"

namespace core {

// The interval between two WATCHDOG=1 messages (half of WATCHDOG_USEC), or nothing when no watchdog is
// expected from this process. The variables are the raw environment values (null when unset).
// WATCHDOG_PID names the service's main process: it may be this process (the sender) or its parent, since
// the UI runs as a child of cage (the main process of the UI service, which has NotifyAccess=all).
// libsystemd's sd_watchdog_enabled() accepts only the first case, so the UI would never send keep-alives.
std::optional<Millis> WatchdogPingInterval(const char* watchdog_usec, const char* watchdog_pid, long self_pid,
                                           long parent_pid);

}  // namespace core
