// DeviceNodeWatch: inotify on the directory and its parent, one poll() thread, a pipe to end it.
#include "platform/device_node_watch.h"

#include <fcntl.h>
#include <poll.h>
#include <spdlog/spdlog.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace platform {

namespace {

constexpr uint32_t kNodeEvents = IN_CREATE | IN_DELETE | IN_ATTRIB | IN_MOVED_TO | IN_MOVED_FROM | IN_ONLYDIR;
constexpr uint32_t kParentEvents = IN_CREATE | IN_DELETE | IN_MOVED_TO | IN_MOVED_FROM | IN_ONLYDIR;
constexpr std::chrono::milliseconds kQuiet{300};

// Milliseconds for poll() until `at` (0 if past); an hour at most, after which the caller polls again.
int MsUntil(std::chrono::steady_clock::time_point at) {
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(at - std::chrono::steady_clock::now());
  return static_cast<int>(std::clamp<long long>(ms.count(), 0, 3'600'000));
}

}  // namespace

std::unique_ptr<DeviceNodeWatch> DeviceNodeWatch::Start(const std::filesystem::path& dir, Look look,
                                                        std::chrono::milliseconds second_look) {
  auto w = std::unique_ptr<DeviceNodeWatch>(new DeviceNodeWatch());
  w->dir_ = dir;
  w->look_ = std::move(look);
  w->second_look_ = second_look;
  w->inotify_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (w->inotify_ < 0) return nullptr;
  // The parent first: a directory made between the two calls is still seen.
  w->parent_watch_ = inotify_add_watch(w->inotify_, dir.parent_path().c_str(), kParentEvents);
  if (w->parent_watch_ < 0 || pipe2(w->stop_, O_CLOEXEC) != 0) return nullptr;
  w->WatchDir();
  DeviceNodeWatch* raw = w.get();
  w->thread_ = std::thread([raw] { raw->Run(); });
  return w;
}

DeviceNodeWatch::~DeviceNodeWatch() {
  if (thread_.joinable()) {
    char end = 1;
    if (write(stop_[1], &end, 1) < 0) spdlog::warn("device watch: could not be stopped");
    thread_.join();
  }
  for (int fd : {inotify_, stop_[0], stop_[1]})
    if (fd >= 0) close(fd);
}

void DeviceNodeWatch::WatchDir() {
  dir_watch_ = inotify_add_watch(inotify_, dir_.c_str(), kNodeEvents);  // -1 while it does not exist
}

bool DeviceNodeWatch::Drain() {
  bool relevant = false;
  alignas(inotify_event) char buffer[4096];
  for (;;) {
    ssize_t n = read(inotify_, buffer, sizeof buffer);
    if (n <= 0) return relevant;  // EAGAIN: all read
    for (ssize_t at = 0; at < n;) {
      const auto* e = reinterpret_cast<const inotify_event*>(buffer + at);
      at += static_cast<ssize_t>(sizeof(inotify_event) + e->len);
      if (e->mask & IN_Q_OVERFLOW) {
        relevant = true;  // events were lost (the directory may even be a new one): watch it again, look
        WatchDir();
      } else if (e->wd == dir_watch_) {
        relevant = true;
        if (e->mask & IN_IGNORED) dir_watch_ = -1;  // the directory itself is gone
      } else if (e->wd == parent_watch_ && e->len > 0 && dir_.filename() == e->name) {
        relevant = true;
        if (e->mask & (IN_CREATE | IN_MOVED_TO)) WatchDir();
        if ((e->mask & IN_MOVED_FROM) && dir_watch_ >= 0) {  // moved away: what it holds is not ours
          inotify_rm_watch(inotify_, dir_watch_);
          dir_watch_ = -1;
        }
      }
    }
  }
}

bool DeviceNodeWatch::AwaitQuiet(pollfd (&fds)[2]) {
  auto quiet_at = Clock::now() + kQuiet;
  for (;;) {
    int ready = poll(fds, 2, MsUntil(quiet_at));
    if (ready == 0 || (ready < 0 && errno != EINTR)) return true;
    if (fds[1].revents) return false;                            // the end
    if (ready > 0 && Drain()) quiet_at = Clock::now() + kQuiet;  // another node: the burst goes on
  }
}

void DeviceNodeWatch::Run() {
  // When to look again: when the last look asked to, and second_look_ after a change.
  std::optional<Clock::time_point> asked, second;
  auto look = [&] {
    auto again = look_();
    asked = again ? std::optional<Clock::time_point>(Clock::now() + *again) : std::nullopt;
  };
  look();
  pollfd fds[2] = {{inotify_, POLLIN, 0}, {stop_[0], POLLIN, 0}};
  for (;;) {
    std::optional<Clock::time_point> due = asked;
    if (second && (!due || *second < *due)) due = second;
    int ready = poll(fds, 2, due ? MsUntil(*due) : -1);
    if (ready < 0) {
      if (errno == EINTR) continue;
      spdlog::warn("device watch: poll failed ({}), no longer watching", std::strerror(errno));
      return;
    }
    if (fds[1].revents) return;  // the end
    if (ready == 0) {
      if (!due || Clock::now() < *due) continue;  // (poll waits an hour at most)
      if (second && Clock::now() >= *second) second.reset();
      look();
      continue;
    }
    if (!Drain()) continue;  // /dev's other names
    if (!AwaitQuiet(fds)) return;
    look();
    second = Clock::now() + second_look_;
  }
}

}  // namespace platform
