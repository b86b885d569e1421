// The intake-inbox command line's modes; each returns the process exit code.
#pragma once

#include <string>

namespace inbox {

// Serves until SIGINT or SIGTERM. Exit 1 when the config, content, secrets, database or TLS files are wrong.
int Serve(const std::string& config_file);
// Adds a staff login or sets its password. The password is read from the terminal without echo, or from
// stdin when it is not a terminal (never from the command line).
int AddUser(const std::string& config_file, const std::string& name);
// Ends every session of a staff login and forgets its browsers (a lost tablet, a leaving employee).
int RevokeSessions(const std::string& config_file, const std::string& name);

}  // namespace inbox
