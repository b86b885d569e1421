// The systemd watchdog rule (see watchdog.h).
#include "core/base/watchdog.h"

#include <algorithm>
#include <charconv>
#include <cstring>

namespace core {

namespace {
std::optional<long long> ParsePositive(const char* text) {
  if (!text || !*text) return std::nullopt;
  long long value = 0;
  const char* end = text + std::strlen(text);
  auto [ptr, ec] = std::from_chars(text, end, value);
  if (ec != std::errc() || ptr != end || value <= 0) return std::nullopt;
  return value;
}
}  // namespace

std::optional<Millis> WatchdogPingInterval(const char* watchdog_usec, const char* watchdog_pid, long self_pid,
                                           long parent_pid) {
  auto usec = ParsePositive(watchdog_usec);
  if (!usec) return std::nullopt;
  if (watchdog_pid) {
    auto pid = ParsePositive(watchdog_pid);
    if (!pid || (*pid != self_pid && *pid != parent_pid)) return std::nullopt;
  }
  // Half the timeout, as sd_watchdog_enabled(3) recommends; at least 1 ms so a loop never spins.
  return std::max(Millis(1), Millis(*usec / 2000));
}

}  // namespace core
