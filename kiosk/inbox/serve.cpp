// `intake-inbox`: load everything, report every problem, then serve until told to stop.
#include <signal.h>

#include <cstdio>
#include <thread>

#include "inbox/cli.h"
#include "inbox/server.h"

namespace inbox {
int Serve(const std::string& config_file) {
  auto config = core::LoadInboxConfig(config_file);
  if (!config) {
    std::fprintf(stderr, "%s\n", config.error().c_str());
    return 1;
  }
  core::SystemClock clock;
  auto app = InboxApp::Open(std::move(*config), clock);
  if (!app) {
    std::fprintf(stderr, "%s\n", app.error().c_str());
    return 1;
  }
  InboxServer server(**app);
  if (auto bound = server.Bind(); !bound) {
    std::fprintf(stderr, "%s\n", bound.error().c_str());
    return 1;
  }
  // Stop from a thread that waits for the signal, not from inside a signal handler.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  std::thread waiter([&stop_signals, &server] {
    int signal = 0;
    sigwait(&stop_signals, &signal);
    server.Stop();
  });
  std::fprintf(stderr, "intake-inbox listening on https://%s:%d (%zu kiosks)\n",
               (*app)->config().listen_address.c_str(), server.port(), (*app)->config().kiosks.size());
  server.Listen();
  pthread_kill(waiter.native_handle(), SIGTERM);  // when listening ended on its own
  waiter.join();
  return 0;
}

}  // namespace inbox
