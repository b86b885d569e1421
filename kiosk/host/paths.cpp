// Path defaults: the repository when run from a build, /etc, /usr/share and /var/lib when installed.
#include "host/paths.h"

#include <unistd.h>

#include "core/content/content_loader.h"

namespace host {

namespace fs = std::filesystem;

bool RunningFromBuild() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return fs::is_directory(KIOSK_SOURCE_DIR "/content");
  return exe.string().rfind(KIOSK_BINARY_DIR, 0) == 0 && fs::is_directory(KIOSK_SOURCE_DIR "/content");
}

Paths DefaultPaths() {
  if (RunningFromBuild()) {
    return Paths{fs::path(KIOSK_SOURCE_DIR) / "config/kiosk.json", fs::path(KIOSK_SOURCE_DIR) / "content",
                 fs::path(KIOSK_BINARY_DIR) / "data"};
  }
  return Paths{"/etc/glowup-kiosk/kiosk.json", "/usr/share/glowup-kiosk/content", "/var/lib/glowup-kiosk"};
}

core::Result<std::pair<core::Config, Paths>> LoadConfigAndPaths(const PathArgs& args) {
  Paths paths = DefaultPaths();
  if (!args.config.empty()) paths.config_file = args.config;
  auto text = core::ReadFile(paths.config_file, 256 * 1024);
  if (!text) return core::Problems{core::Problem{paths.config_file.string(), "", text.error()}};
  auto config = core::ParseConfig(*text, paths.config_file.string());
  if (!config) return config.problems();
  if (!config->data_dir.empty()) paths.data_dir = config->data_dir;
  if (!args.data_dir.empty()) paths.data_dir = args.data_dir;
  if (!args.content.empty()) paths.content_dir = args.content;
  return std::make_pair(*config, paths);
}

}  // namespace host
