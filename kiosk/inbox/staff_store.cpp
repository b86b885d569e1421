// Staff tables. Times are RFC 3339 UTC strings, so comparing them as text orders them.
#include "inbox/staff_store.h"

#include <chrono>
#include <initializer_list>

#include "inbox/passwords.h"

namespace inbox {
namespace {

using store::sql::Database;

// Runs one statement binding text parameters from ?1.
core::Status Run(Database& db, std::string_view sql, std::initializer_list<std::string> params) {
  auto stmt = db.Prepare(sql);
  if (!stmt) return stmt.problems();
  int i = 1;
  for (const auto& p : params) {
    if (auto b = stmt->Bind(i++, p); !b) return b;
  }
  return stmt->Run();
}

}  // namespace

core::Status StaffStore::SetUser(const std::string& name, const std::string& hash, core::TimePoint now) {
  auto lock = db_.Lock();
  return Run(db_.db(),
             "INSERT INTO users (name, password_hash, created_at) VALUES (?1, ?2, ?3) "
             "ON CONFLICT (name) DO UPDATE SET password_hash = excluded.password_hash",
             {name, hash, core::ToRfc3339(now)});
}

core::Result<std::optional<std::string>> StaffStore::PasswordHash(const std::string& name) {
  using R = core::Result<std::optional<std::string>>;
  auto lock = db_.Lock();
  auto stmt = db_.db().Prepare("SELECT password_hash FROM users WHERE name = ?1");
  if (!stmt) return stmt.problems();
  if (auto b = stmt->Bind(1, name); !b) return b.problems();
  auto row = stmt->Step();
  if (!row) return row.problems();
  return *row ? R(stmt->Text(0)) : R(std::optional<std::string>());
}

core::Result<std::vector<core::TimePoint>> StaffStore::RecentFailures(const std::string& name,
                                                                      core::TimePoint now) {
  auto lock = db_.Lock();
  auto stmt = db_.db().Prepare("SELECT at FROM login_failures WHERE user = ?1 AND at > ?2 ORDER BY at");
  if (!stmt) return stmt.problems();
  if (auto b = stmt->Bind(1, name); !b) return b.problems();
  if (auto b = stmt->Bind(2, core::ToRfc3339(now - core::Seconds(3600))); !b) return b.problems();
  std::vector<core::TimePoint> out;
  for (;;) {
    auto row = stmt->Step();
    if (!row) return row.problems();
    if (!*row) return out;
    if (auto t = core::ParseRfc3339(stmt->Text(0))) out.push_back(*t);
  }
}

core::Status StaffStore::RecordFailure(const std::string& name, core::TimePoint now) {
  auto lock = db_.Lock();
  return Run(db_.db(), "INSERT INTO login_failures (user, at) VALUES (?1, ?2)", {name, core::ToRfc3339(now)});
}

core::Status StaffStore::ClearFailures(const std::string& name) {
  auto lock = db_.Lock();
  return Run(db_.db(), "DELETE FROM login_failures WHERE user = ?1", {name});
}

core::Result<NewSession> StaffStore::StartSession(const std::string& user, core::TimePoint now) {
  NewSession s{RandomToken(), Session{user, RandomToken()}};
  auto lock = db_.Lock();
  auto ran =
      Run(db_.db(), "INSERT INTO sessions (token_hash, user, csrf, expires_at) VALUES (?1, ?2, ?3, ?4)",
          {TokenDigest(s.token), user, s.session.csrf, core::ToRfc3339(now + session_length_)});
  if (!ran) return ran.problems();
  return s;
}

core::Result<std::optional<Session>> StaffStore::FindSession(const std::string& token, core::TimePoint now) {
  using R = core::Result<std::optional<Session>>;
  if (token.empty()) return R(std::optional<Session>());
  const std::string digest = TokenDigest(token), at = core::ToRfc3339(now);
  auto lock = db_.Lock();
  auto& db = db_.db();
  if (auto purged = Run(db, "DELETE FROM sessions WHERE expires_at <= ?1", {at}); !purged)
    return purged.problems();
  auto stmt = db.Prepare("SELECT user, csrf FROM sessions WHERE token_hash = ?1");
  if (!stmt) return stmt.problems();
  if (auto b = stmt->Bind(1, digest); !b) return b.problems();
  auto row = stmt->Step();
  if (!row) return row.problems();
  if (!*row) return R(std::optional<Session>());
  Session s{stmt->Text(0), stmt->Text(1)};
  auto pushed = Run(db, "UPDATE sessions SET expires_at = ?2 WHERE token_hash = ?1",
                    {digest, core::ToRfc3339(now + session_length_)});
  if (!pushed) return pushed.problems();
  return R(std::move(s));
}

core::Status StaffStore::EndSession(const std::string& token) {
  auto lock = db_.Lock();
  return Run(db_.db(), "DELETE FROM sessions WHERE token_hash = ?1", {TokenDigest(token)});
}

core::Status StaffStore::Audit(const std::string& user, const std::string& action,
                               const std::vector<std::string>& ids, core::TimePoint now) {
  std::string joined;
  for (const auto& id : ids) joined += (joined.empty() ? "" : " ") + id;
  auto lock = db_.Lock();
  return Run(db_.db(), "INSERT INTO audit (at, user, action, intake_ids) VALUES (?1, ?2, ?3, ?4)",
             {core::ToRfc3339(now), user, action, joined});
}

core::Result<std::vector<AuditEntry>> StaffStore::AuditLog(int limit) {
  auto lock = db_.Lock();
  auto stmt = db_.db().Prepare("SELECT at, user, action, intake_ids FROM audit ORDER BY rowid DESC LIMIT ?1");
  if (!stmt) return stmt.problems();
  if (auto b = stmt->Bind(1, static_cast<std::int64_t>(limit)); !b) return b.problems();
  std::vector<AuditEntry> out;
  for (;;) {
    auto row = stmt->Step();
    if (!row) return row.problems();
    if (!*row) return out;
    out.push_back({stmt->Text(0), stmt->Text(1), stmt->Text(2), stmt->Text(3)});
  }
}

}  // namespace inbox
