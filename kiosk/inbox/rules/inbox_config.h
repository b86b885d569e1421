// The intake inbox's settings (config/examples/inbox.json): where it listens (a unix socket behind nginx, as
// installed; or address and port with its own TLS files, for development and tests), the kiosks it
// accepts (each with its webhook secret files, several at once for rotation, and optional bearer token
// files), the content versions it checks and shows intakes with, where its database lives (SQLite in
// data_dir, or PostgreSQL), how long it keeps intakes, and when the Kiosks page calls a kiosk silent. Secrets
// stay in their files.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/base/result.h"

namespace core {

struct InboxKiosk {
  std::vector<std::filesystem::path> webhook_secret_files;  // at least one: every intake must be signed
  std::vector<std::filesystem::path> bearer_token_files;    // empty: no Authorization header needed
};

// "publishing": content published from the inbox to the kiosks (signed bundles). Off without a key file.
struct InboxPublishing {
  std::filesystem::path signing_key_file;  // made by `intake-inbox make-signing-key FILE`
  // Named groups of kiosks (a site, a region): each a list of kiosk ids of "kiosks". Content is offered to
  // one group, or to every kiosk ("all", always there).
  std::map<std::string, std::vector<std::string>> groups;
};

struct InboxConfig {
  std::string listen_address = "127.0.0.1";
  int port = 8443;
  // Set: plain HTTP on this unix socket, for nginx in front (TLS, slow clients, limits); the client's
  // address is then nginx's X-Real-IP. Empty: HTTPS on listen_address:port with the TLS files.
  std::filesystem::path unix_socket;
  // The socket is mode 0660 in this group (nginx's workers'), so no other local user can reach the inbox
  // past nginx or forge X-Real-IP. The inbox's user must be a member (the unit's SupplementaryGroups=).
  std::string socket_group = "www-data";
  std::filesystem::path tls_cert_file, tls_key_file;
  std::map<std::string, InboxKiosk> kiosks;  // by kiosk_id
  std::filesystem::path content_dir, data_dir;
  // "store": {"postgresql": "<libpq connection string>"}: the intakes and staff tables in that PostgreSQL
  // database. Empty: SQLite, data_dir/inbox.sqlite (the embedded default). Never a password in it: libpq
  // reads one from a password file (passfile=, ~/.pgpass) or the server trusts the unix socket's user.
  std::string postgresql;
  // Earlier versions of the content still accepted (kiosks not yet updated); an intake naming a content
  // version in none of these is stored apart.
  std::vector<std::filesystem::path> earlier_content_dirs;
  int session_minutes = 30;  // a staff session ends after this long without a request
  // retention.days: intakes submitted longer ago than this are deleted with their signatures; none: kept.
  std::optional<int> retention_days;
  // "fleet": the Kiosks page. A kiosk not heard from for longer than this is silent.
  int fleet_silent_after_minutes = 15;
  // An intake waiting on a kiosk longer than this is a problem.
  int fleet_waiting_alert_minutes = 30;
  InboxPublishing publishing;
};

// Parses the config text; relative paths are taken from `base_dir` (the config file's folder). Every problem
// names the file and the JSON pointer.
Result<InboxConfig> ParseInboxConfig(const std::string& text, const std::string& file_name,
                                     const std::filesystem::path& base_dir);

// Reads and parses a config file.
Result<InboxConfig> LoadInboxConfig(const std::filesystem::path& file);

}  // namespace core
