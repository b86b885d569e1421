// Device nodes coming and going in one /dev directory (/dev/snd: a USB headset adds a card's nodes, pulling
// it out removes them), watched with inotify by a thread asleep in poll(): nothing runs until the kernel
// says the directory changed. The directory may not exist yet (a kiosk with no sound card at boot): its
// parent is watched for it.
#pragma once

#include <poll.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <thread>

namespace platform {

class DeviceNodeWatch {
 public:
  // `look` is called from the watching thread once at start, then after each change (a burst of changes,
  // as a card's nodes arrive and udev sets their permissions, is one change: 300 ms of quiet ends it), and
  // again `second_look` after it (udev may still have been setting the nodes' permissions, which the
  // kiosk's user needs through the audio group, or a sound server still making its outputs). It returns
  // when to be called again even without a change (nullopt: only on the next change). Null if inotify
  // cannot be used.
  using Look = std::function<std::optional<std::chrono::milliseconds>()>;
  static std::unique_ptr<DeviceNodeWatch> Start(
      const std::filesystem::path& dir, Look look,
      std::chrono::milliseconds second_look = std::chrono::seconds(2));
  ~DeviceNodeWatch();
  DeviceNodeWatch(const DeviceNodeWatch&) = delete;
  DeviceNodeWatch& operator=(const DeviceNodeWatch&) = delete;

 private:
  DeviceNodeWatch() = default;
  using Clock = std::chrono::steady_clock;
  void Run();
  bool Drain();  // reads inotify's events; true if any was about the directory or its nodes
  bool AwaitQuiet(pollfd (&fds)[2]);  // until 300 ms pass with no relevant event; false: stop asked
  void WatchDir();
  std::filesystem::path dir_;
  Look look_;
  std::chrono::milliseconds second_look_{0};
  int inotify_ = -1;
  int dir_watch_ = -1;
  int parent_watch_ = -1;
  int stop_[2] = {-1, -1};
  std::thread thread_;
};

}  // namespace platform
