// The intake-inbox command line's modes; each returns the process exit code.
#pragma once

#include <string>

namespace inbox {

// Serves until SIGINT or SIGTERM. Exit 1 when the config, content, secrets, database or TLS files are wrong.
// With `unix_socket_only` (the packaged unit: no network of its own), a config that listens on an address
// and port exits kExitConfigNeedsSocket at once, naming the file and what to change (the unit does not
// restart it: RestartPreventExitStatus).
inline constexpr int kExitConfigNeedsSocket = 78;  // EX_CONFIG
int Serve(const std::string& config_file, bool unix_socket_only = false);
// Adds a staff login or sets its password. The password is read from the terminal without echo, or from
// stdin when it is not a terminal (never from the command line).
// `publisher`: the login may publish content to the kiosks (the role is set to it either way).
int AddUser(const std::string& config_file, const std::string& name, bool publisher = false);
// Writes a new Ed25519 signing key to `file` (mode 0600; an existing file is never overwritten) and prints
// its public key in base64, for each kiosk's kiosk.json ("content_updates": {"public_key": ...}).
int MakeSigningKey(const std::string& file);
// Ends every session of a staff login and forgets its browsers (a lost tablet, a leaving employee).
int RevokeSessions(const std::string& config_file, const std::string& name);

}  // namespace inbox
