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

// The times a query selects (column 0, RFC 3339), oldest first.
core::Result<std::vector<core::TimePoint>> Times(Database& db, std::string_view sql,
                                                 std::initializer_list<std::string> params) {
  auto stmt = db.Prepare(sql);
  if (!stmt) return stmt.problems();
  int i = 1;
  for (const auto& p : params) {
    if (auto b = stmt->Bind(i++, p); !b) return b.problems();
  }
  std::vector<core::TimePoint> out;
  for (;;) {
    auto row = stmt->Step();
    if (!row) return row.problems();
    if (!*row) return out;
    if (auto t = core::ParseRfc3339(stmt->Text(0))) out.push_back(*t);
  }
}

constexpr core::Seconds kDeviceLifetime{90 * 24 * 3600};
constexpr int kDevicesPerUser = 20;

}  // namespace

core::Status StaffStore::SetUser(const std::string& name, const std::string& hash, core::TimePoint now) {
  auto lock = db_.Lock();
  auto tx = store::sql::Transaction::Begin(db_.db());
  if (!tx) return tx.problems();
  auto set = Run(db_.db(),
                 "INSERT INTO users (name, password_hash, created_at) VALUES (?1, ?2, ?3) "
                 "ON CONFLICT (name) DO UPDATE SET password_hash = excluded.password_hash",
                 {name, hash, core::ToRfc3339(now)});
  if (!set) return set;
  for (const char* sql : {"DELETE FROM sessions WHERE user = ?1", "DELETE FROM devices WHERE user = ?1"}) {
    if (auto ended = Run(db_.db(), sql, {name}); !ended) return ended;
  }
  return tx->Commit();
}

core::Result<std::int64_t> StaffStore::EndSessionsOf(const std::string& user, bool forget_devices) {
  auto lock = db_.Lock();
  auto& db = db_.db();
  if (auto ended = Run(db, "DELETE FROM sessions WHERE user = ?1", {user}); !ended) return ended.problems();
  auto count = db.QueryInt("SELECT changes()");
  if (!count) return count.problems();
  if (forget_devices) {
    if (auto forgot = Run(db, "DELETE FROM devices WHERE user = ?1", {user}); !forgot)
      return forgot.problems();
  }
  return *count;
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

core::Result<std::variant<core::SignInLock, std::int64_t>> StaffStore::BeginSignIn(
    const std::string& name, const std::string& address, const std::string& device_token,
    core::TimePoint now) {
  using R = core::Result<std::variant<core::SignInLock, std::int64_t>>;
  const std::string at = core::ToRfc3339(now), since = core::ToRfc3339(now - core::kLoginWindow),
                    name_digest = TokenDigest(name),
                    device_digest = device_token.empty() ? std::string() : TokenDigest(device_token);
  auto lock = db_.Lock();
  auto& db = db_.db();
  auto tx = store::sql::Transaction::Begin(db);
  if (!tx) return tx.problems();
  if (auto expired = Run(db, "DELETE FROM sign_in_failures WHERE at <= ?1", {since}); !expired)
    return expired.problems();
  core::SignInHistory h;
  if (!device_digest.empty()) {
    auto known =
        Times(db, "SELECT expires_at FROM devices WHERE token_hash = ?1 AND user = ?2 AND expires_at > ?3",
              {device_digest, name, at});
    if (!known) return known.problems();
    h.known_device = !known->empty();
  }
  // Failures from known browsers have a device digest: they count for that browser and its address only.
  struct Scope {
    std::vector<core::TimePoint>* into;
    const char* where;
    std::string param;
  };
  for (const Scope& scope :
       {Scope{&h.address, "address = ?1", address},
        Scope{&h.name, "name_digest = ?1 AND device_digest = ''", name_digest},
        Scope{&h.device, "device_digest = ?1", device_digest}, Scope{&h.overall, "device_digest = ?1", ""}}) {
    auto times =
        Times(db, std::string("SELECT at FROM sign_in_failures WHERE ") + scope.where + " ORDER BY at",
              {scope.param});
    if (!times) return times.problems();
    *scope.into = std::move(*times);
  }
  if (auto locked = core::SignInLocked(h, now)) return R(*locked);
  // A known browser's failures count against it alone, not against the name or the overall limit.
  auto recorded = Run(
      db, "INSERT INTO sign_in_failures (at, address, name_digest, device_digest) VALUES (?1, ?2, ?3, ?4)",
      {at, address.substr(0, 64), name_digest, h.known_device ? device_digest : std::string()});
  if (!recorded) return recorded.problems();
  auto id = db.QueryInt("SELECT last_insert_rowid()");
  if (!id) return id.problems();
  auto capped = Run(db,
                    "DELETE FROM sign_in_failures WHERE rowid IN (SELECT rowid FROM sign_in_failures "
                    "ORDER BY at DESC LIMIT -1 OFFSET " +
                        std::to_string(core::kMaxFailureRows) + ")",
                    {});
  if (!capped) return capped.problems();
  if (auto committed = tx->Commit(); !committed) return committed.problems();
  return R(*id);
}

core::Result<std::string> StaffStore::SignInSucceeded(std::int64_t failure, const std::string& name,
                                                      const std::string& device_token, core::TimePoint now) {
  using R = core::Result<std::string>;
  auto lock = db_.Lock();
  auto& db = db_.db();
  auto tx = store::sql::Transaction::Begin(db);
  if (!tx) return tx.problems();
  if (auto cleared = Run(
          db,
          "DELETE FROM sign_in_failures WHERE rowid = " + std::to_string(failure) + " OR name_digest = ?1",
          {TokenDigest(name)});
      !cleared)
    return cleared.problems();
  // One token per browser, for everyone who signs in with it: a token this inbox gave out (to this user or
  // another sharing the browser) stays, so the others keep their known browser; an unknown one is replaced.
  std::string token = device_token;
  auto known = Times(db, "SELECT expires_at FROM devices WHERE token_hash = ?1", {TokenDigest(token)});
  if (!known) return known.problems();
  if (token.empty() || known->empty()) token = RandomToken();
  auto remembered = Run(db,
                        "INSERT INTO devices (token_hash, user, expires_at) VALUES (?1, ?2, ?3) "
                        "ON CONFLICT (token_hash, user) DO UPDATE SET expires_at = excluded.expires_at",
                        {TokenDigest(token), name, core::ToRfc3339(now + kDeviceLifetime)});
  if (!remembered) return remembered.problems();
  if (auto expired = Run(db, "DELETE FROM devices WHERE expires_at <= ?1", {core::ToRfc3339(now)}); !expired)
    return expired.problems();
  auto capped =
      Run(db,
          "DELETE FROM devices WHERE user = ?1 AND token_hash NOT IN (SELECT token_hash FROM devices "
          "WHERE user = ?1 ORDER BY expires_at DESC LIMIT " +
              std::to_string(kDevicesPerUser) + ")",
          {name});
  if (!capped) return capped.problems();
  if (auto committed = tx->Commit(); !committed) return committed.problems();
  return R(token);
}

core::Result<std::int64_t> StaffStore::FailureRows() {
  auto lock = db_.Lock();
  return db_.db().QueryInt("SELECT count(*) FROM sign_in_failures");
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
