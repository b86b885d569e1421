// Starting and stopping the development run's kiosk-sender child (see sender_child.h).
#include "app/sender_child.h"

#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "host/stop_signals.h"

namespace app {

namespace fs = std::filesystem;

fs::path SenderChild::Program() {
  if (host::RunningFromBuild()) return KIOSK_SENDER_BUILD_PATH;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec && fs::exists(exe.parent_path() / "kiosk-sender")) return exe.parent_path() / "kiosk-sender";
  return "/usr/bin/kiosk-sender";
}

core::Result<std::unique_ptr<SenderChild>> SenderChild::Start(const fs::path& program,
                                                              const host::Paths& paths) {
  using R = core::Result<std::unique_ptr<SenderChild>>;
  if (access(program.c_str(), X_OK) != 0) return R::Fail(program.string() + ": not found or not executable");
  std::vector<std::string> args = {
      program.string(),           "--config",   paths.config_file.string(), "--content",
      paths.content_dir.string(), "--data-dir", paths.data_dir.string()};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  // The child is not the service: systemd's notification socket and watchdog are the UI's alone.
  std::vector<char*> envp;
  for (char** e = environ; *e; ++e) {
    std::string_view var(*e);
    if (!var.starts_with("NOTIFY_SOCKET=") && !var.starts_with("WATCHDOG_")) envp.push_back(*e);
  }
  envp.push_back(nullptr);
  pid_t parent = getpid();
  pid_t pid = fork();
  if (pid < 0) return R::Fail(std::string("fork: ") + strerror(errno));
  if (pid == 0) {  // only async-signal-safe calls until exec
    host::StopSignals::UnblockInChild();
    prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (getppid() != parent) _exit(0);  // the UI died before prctl took effect
    execve(argv[0], argv.data(), envp.data());
    _exit(127);
  }
  std::unique_ptr<SenderChild> child(new SenderChild());
  child->pid_ = pid;
  return child;
}

SenderChild::~SenderChild() {
  if (pid_ <= 0) return;
  kill(pid_, SIGTERM);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (waitpid(pid_, nullptr, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

}  // namespace app
