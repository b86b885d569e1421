// SIGTERM and SIGINT as a request to stop (systemctl stop, a package upgrade, shutdown, Ctrl+C), told apart
// from a window close: the signals are blocked in every thread and taken by one watcher thread, which calls
// back outside signal context, so the callback may lock, log or wake an event loop.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <thread>

namespace host {

class StopSignals {
 public:
  // Blocks SIGTERM and SIGINT in the calling thread and in every thread it starts afterwards (call it before
  // any other thread exists), then starts the watcher. `on_stop` runs on the watcher thread, at most once.
  static std::unique_ptr<StopSignals> Start(std::function<void()> on_stop = {});
  ~StopSignals();  // ends the watcher; the signals stay blocked (the process is on its way out)
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;

  bool Requested() const { return requested_.load(); }

  // For a child about to exec (between fork and exec: async-signal-safe): the default signal mask again.
  static void UnblockInChild();

 private:
  StopSignals() = default;
  std::atomic<bool> requested_{false};
  std::thread watcher_;
};

}  // namespace host
