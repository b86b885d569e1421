// Staff data in the inbox database: logins (Argon2id hashes), sessions (stored as token digests, sliding
// expiry), failed sign-ins for throttling (core::SignInLocked), the browsers a user signed in from, and the
// audit log of who viewed or exported which intakes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/base/clock.h"
#include "core/base/result.h"
#include "inbox/inbox_db.h"
#include "inbox/rules/staff_rules.h"

namespace inbox {

struct Session {
  std::string user, csrf;
  bool publisher = false;  // the user has the publisher role (may publish content to kiosks)
};

struct NewSession {
  std::string token;  // goes to the cookie; only its digest is stored
  Session session;
};

struct AuditEntry {
  std::string at, user, action, intake_ids;
};

class StaffStore {
 public:
  StaffStore(InboxDb& db, core::Seconds session_length) : db_(db), session_length_(session_length) {}

  // Adds the user or replaces the password hash of an existing one; either way every session of that
  // name ends and its known browsers are forgotten.
  core::Status SetUser(const std::string& name, const std::string& password_hash, core::TimePoint now);
  core::Result<std::optional<std::string>> PasswordHash(const std::string& name);
  // Gives or takes the publisher role (`intake-inbox add-user NAME --publisher`); false when no such user.
  core::Result<bool> SetPublisher(const std::string& name, bool publisher);
  // Ends every session of `user` ("sign out everywhere", `intake-inbox revoke-sessions`); with
  // `forget_devices` its browsers lose their exemption from the per-name limits too. Returns how many ended.
  core::Result<std::int64_t> EndSessionsOf(const std::string& user, bool forget_devices);

  // One sign-in attempt, checked and counted atomically: under one lock, expired failures are deleted, the
  // limits checked, and (when none holds) a failure recorded before the password is even looked at, so
  // concurrent guesses each count. The lock, or the id of that provisional failure.
  core::Result<std::variant<core::SignInLock, std::int64_t>> BeginSignIn(const std::string& name,
                                                                         const std::string& address,
                                                                         const std::string& device_token,
                                                                         core::TimePoint now);
  // The password was right: the provisional failure and the name's failures go; the browser is remembered
  // for this name (a new device token for its cookie, or the one it had).
  core::Result<std::string> SignInSucceeded(std::int64_t failure, const std::string& name,
                                            const std::string& device_token, core::TimePoint now);
  core::Result<std::int64_t> FailureRows();

  core::Result<NewSession> StartSession(const std::string& user, core::TimePoint now);
  // The live session for a cookie token (its expiry pushed on), or nullopt when unknown or expired.
  core::Result<std::optional<Session>> FindSession(const std::string& token, core::TimePoint now);
  core::Status EndSession(const std::string& token);

  core::Status Audit(const std::string& user, const std::string& action, const std::vector<std::string>& ids,
                     core::TimePoint now);
  core::Result<std::vector<AuditEntry>> AuditLog(int limit = 200);

 private:
  InboxDb& db_;
  core::Seconds session_length_;
};

}  // namespace inbox
