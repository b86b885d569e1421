// `intake-inbox`: load everything, report every problem, then serve until told to stop.
#include <signal.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>

#include "inbox/cli.h"
#include "inbox/retention.h"
#include "inbox/server.h"

namespace inbox {
int Serve(const std::string& config_file, bool unix_socket_only) {
  auto config = core::LoadInboxConfig(config_file);
  if (!config) {
    std::fprintf(stderr, "%s\n", config.error().c_str());
    return 1;
  }
  if (unix_socket_only && config->unix_socket.empty()) {
    // An inbox.json from before nginx: the service has no network (PrivateNetwork, AF_UNIX only).
    std::fprintf(
        stderr,
        "%s: /listen: this service serves nginx on a unix socket and has no network of its own: "
        "replace \"address\" and \"port\" with \"unix_socket\": \"/run/glowup-kiosk-inbox/inbox.sock\" "
        "and remove \"tls\" (nginx's site uses the certificate now; README, The intake inbox package)\n",
        config_file.c_str());
    return kExitConfigNeedsSocket;
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
  std::atomic<bool> done = false;
  std::thread waiter([&stop_signals, &server, &done] {
    int signal = 0;
    sigwait(&stop_signals, &signal);
    if (done) return;
    server.Stop();  // no new connections; the workers finish what they hold
    // Whatever a client still holds (a worker in a slow read), the inbox ends within 2 s of the signal: every
    // intake answered 201 is committed, and one mid-transaction is rolled back by SQLite at the next start.
    for (int i = 0; i < 150 && !done; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    if (done) return;
    std::fprintf(stderr, "intake-inbox: connections still held 1.5 s after the stop signal; ending anyway\n");
    std::_Exit(0);
  });
  std::fprintf(stderr, "intake-inbox listening on %s (%zu kiosks)\n", server.Where().c_str(),
               (*app)->config().kiosks.size());
  RetentionLoop retention(**app);  // purges at start, then every hour
  server.Listen();
  done = true;
  pthread_kill(waiter.native_handle(), SIGTERM);  // when listening ended on its own
  waiter.join();
  return 0;
}

}  // namespace inbox
