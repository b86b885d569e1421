// Tells systemd the process is ready (READY=1), still alive (WATCHDOG=1: a hung loop gets restarted) and
// stopping (STOPPING=1). Used by both programs, the kiosk UI and the sender.
#pragma once

#include <chrono>
#include <optional>

namespace host {

class SystemdNotifier {
 public:
  // Reads NOTIFY_SOCKET, WATCHDOG_USEC and WATCHDOG_PID; without them every call does nothing.
  static SystemdNotifier FromEnvironment();

  void Ready() const;
  // A clean shutdown has begun (after SIGTERM): systemd then waits for the exit rather than the watchdog.
  void Stopping() const;
  // Sends WATCHDOG=1 when due; call every loop turn (cheap: at most a few messages per interval).
  void KeepAlive();
  // The longest a loop may block before its next KeepAlive(), capped at `longest_ms`.
  int CapWaitMs(int longest_ms) const;

 private:
  std::optional<std::chrono::milliseconds> interval_;
  std::chrono::steady_clock::time_point last_ping_{};
};

}  // namespace host
