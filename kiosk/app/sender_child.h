// The development run's sender: `kiosk --windowed` starts kiosk-sender as a child process with the same
// config, content and data dir, so even a developer's window has the production shape (the UI never
// delivers). Stopped with SIGTERM when the UI ends; it also ends if the UI dies (parent-death signal).
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <memory>

#include "core/base/result.h"
#include "host/paths.h"

namespace app {

class SenderChild {
 public:
  // The kiosk-sender beside this kiosk (the build tree's when run from a build, else /usr/bin's).
  static std::filesystem::path Program();
  static core::Result<std::unique_ptr<SenderChild>> Start(const std::filesystem::path& program,
                                                          const host::Paths& paths);
  ~SenderChild();  // SIGTERM, then waits (SIGKILL after 5 s)
  SenderChild(const SenderChild&) = delete;
  SenderChild& operator=(const SenderChild&) = delete;

  pid_t pid() const { return pid_; }

 private:
  SenderChild() = default;
  pid_t pid_ = -1;
};

}  // namespace app
