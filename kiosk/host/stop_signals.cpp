// The stop-signal watcher (see stop_signals.h): sigwait on a thread of its own; SIGUSR2 from the destructor
// ends it.
#include "host/stop_signals.h"

#include <pthread.h>

#include <csignal>

namespace host {

namespace {

sigset_t WatchedSignals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGUSR2);  // the destructor's "end now"
  return set;
}

}  // namespace

std::unique_ptr<StopSignals> StopSignals::Start(std::function<void()> on_stop) {
  sigset_t set = WatchedSignals();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  std::unique_ptr<StopSignals> s(new StopSignals());
  s->watcher_ = std::thread([self = s.get(), set, on_stop = std::move(on_stop)] {
    for (;;) {
      int signal = 0;
      if (sigwait(&set, &signal) != 0) continue;
      if (signal == SIGUSR2) return;
      if (!self->requested_.exchange(true) && on_stop) on_stop();
    }
  });
  return s;
}

StopSignals::~StopSignals() {
  pthread_kill(watcher_.native_handle(), SIGUSR2);
  watcher_.join();
}

void StopSignals::UnblockInChild() {
  sigset_t set = WatchedSignals();
  pthread_sigmask(SIG_UNBLOCK, &set, nullptr);
}

}  // namespace host
