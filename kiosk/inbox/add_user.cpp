// `intake-inbox add-user NAME`: asks for the password twice on the terminal with echo off (or reads one
// line from stdin when it is not a terminal), checks it (core::PasswordProblem), hashes it with Argon2id and
// stores it, which ends that user's sessions. `intake-inbox revoke-sessions NAME` ends them alone.
#include <unistd.h>

#include <cstdio>
#include <optional>
#include <string>

#include "host/terminal_secret.h"
#include "inbox/cli.h"
#include "inbox/common_passwords.h"
#include "inbox/inbox_db.h"
#include "inbox/passwords.h"
#include "inbox/rules/inbox_config.h"
#include "inbox/rules/password_rules.h"
#include "inbox/staff_store.h"

namespace inbox {
namespace {

bool ValidName(const std::string& name) {
  if (name.empty() || name.size() > 64) return false;
  for (char c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '_' && c != '-') return false;
  }
  return true;
}

// The inbox's config, or nullopt with the reason printed.
std::optional<core::InboxConfig> LoadConfig(const std::string& config_file) {
  auto config = core::LoadInboxConfig(config_file);
  if (!config) {
    std::fprintf(stderr, "%s\n", config.error().c_str());
    return std::nullopt;
  }
  return std::move(*config);
}

// The inbox's database (its data dir made owner-only when new), or nullptr with the reason printed.
std::unique_ptr<InboxDb> OpenDb(const core::InboxConfig& config) {
  std::error_code ec;
  if (std::filesystem::create_directories(config.data_dir, ec))
    std::filesystem::permissions(config.data_dir, std::filesystem::perms::owner_all, ec);
  auto db = InboxDb::Open(config);
  if (!db) {
    std::fprintf(stderr, "%s\n", db.error().c_str());
    return nullptr;
  }
  return std::move(*db);
}

}  // namespace

int AddUser(const std::string& config_file, const std::string& name, bool publisher) {
  if (!ValidName(name)) {
    std::fprintf(stderr, "add-user: a name is 1 to 64 letters, digits, '.', '_' or '-'\n");
    return 2;
  }
  auto config = LoadConfig(config_file);
  if (!config) return 1;
  const bool terminal = isatty(STDIN_FILENO);
  std::string password = host::ReadSecretLine("Password: ", terminal);
  if (auto problem = core::PasswordProblem(password, name, CommonPasswords())) {
    std::fprintf(stderr, "add-user: %s\n", problem->c_str());
    return 2;
  }
  if (terminal && !host::SameSecretAgain("Again: ", password)) {
    std::fprintf(stderr, "add-user: the two passwords differ\n");
    return 2;
  }
  auto hash = HashPassword(password);
  host::ScrubSecret(password);
  if (!hash) {
    std::fprintf(stderr, "add-user: %s\n", hash.error().c_str());
    return 1;
  }
  auto db = OpenDb(*config);
  if (!db) return 1;
  StaffStore staff(*db, core::Seconds(60));
  core::SystemClock clock;
  if (auto set = staff.SetUser(name, *hash, clock.Now()); !set) {
    std::fprintf(stderr, "add-user: %s\n", set.error().c_str());
    return 1;
  }
  if (auto set = staff.SetPublisher(name, publisher); !set) {
    std::fprintf(stderr, "add-user: %s\n", set.error().c_str());
    return 1;
  }
  std::fprintf(stderr, "add-user: %s can sign in%s (any session of that name has ended)\n", name.c_str(),
               publisher ? " and publish content" : "");
  return 0;
}

int RevokeSessions(const std::string& config_file, const std::string& name) {
  auto config = LoadConfig(config_file);
  if (!config) return 1;
  auto db = OpenDb(*config);
  if (!db) return 1;
  StaffStore staff(*db, core::Seconds(60));
  auto ended = staff.EndSessionsOf(name, true);
  if (!ended) {
    std::fprintf(stderr, "revoke-sessions: %s\n", ended.error().c_str());
    return 1;
  }
  std::fprintf(stderr, "revoke-sessions: %lld session(s) of %s ended, its browsers forgotten\n",
               static_cast<long long>(*ended), name.c_str());
  return 0;
}

}  // namespace inbox
