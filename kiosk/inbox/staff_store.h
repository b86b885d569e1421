// Staff data in the inbox database: logins (Argon2id hashes), sessions (stored as token digests, sliding
// expiry), failed logins for throttling, and the audit log of who viewed or exported which intakes.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/base/clock.h"
#include "core/base/result.h"
#include "inbox/inbox_db.h"

namespace inbox {

struct Session {
  std::string user, csrf;
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

  // Adds the user or replaces the password hash of an existing one.
  core::Status SetUser(const std::string& name, const std::string& password_hash, core::TimePoint now);
  core::Result<std::optional<std::string>> PasswordHash(const std::string& name);

  core::Result<std::vector<core::TimePoint>> RecentFailures(const std::string& name, core::TimePoint now);
  core::Status RecordFailure(const std::string& name, core::TimePoint now);
  core::Status ClearFailures(const std::string& name);

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
