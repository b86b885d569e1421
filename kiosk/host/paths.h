// Where config, content and data live: flags first, then config, then the build tree or the installed layout.
#pragma once

#include <filesystem>
#include <string>

#include "core/base/result.h"
#include "core/content/config.h"

namespace host {

struct PathArgs {
  std::string config, content, data_dir;  // from the command line; empty when not given
};

struct Paths {
  std::filesystem::path config_file, content_dir, data_dir;
  std::filesystem::path outbox() const { return data_dir / "outbox.sqlite"; }
};

// True when this binary runs from its build tree (the repo's content/ and config/ are used).
bool RunningFromBuild();
Paths DefaultPaths();

// Loads the config named by the arguments (or the default) and resolves every path.
core::Result<std::pair<core::Config, Paths>> LoadConfigAndPaths(const PathArgs& args);

}  // namespace host
