// The intake-inbox command line's modes; each returns the process exit code.
#pragma once

#include <string>

namespace inbox {

// Serves until SIGINT or SIGTERM. Exit 1 when the config, content, secrets, database or TLS files are wrong.
int Serve(const std::string& config_file);

}  // namespace inbox
