// Staff tables. Times are RFC 3339 UTC strings, so comparing them as text orders them. The SQL is the same
// for both engines ("user" quoted: PostgreSQL reserves the word).
#include "inbox/staff_store.h"

#include <chrono>

#include "inbox/passwords.h"

namespace inbox {
namespace {

// The times a query selects (column 0, RFC 3339), oldest first.
core::Result<std::vector<core::TimePoint>> Times(DbConnection& c, std::string_view sql,
                                                 const SqlParams& params) {
  auto rows = c.Query(sql, params);
  if (!rows) return rows.problems();
  std::vector<core::TimePoint> out;
  for (const SqlRow& r : *rows) {
    if (auto t = core::ParseRfc3339(r[0])) out.push_back(*t);
  }
  return out;
}

constexpr core::Seconds kDeviceLifetime{90 * 24 * 3600};
constexpr int kDevicesPerUser = 20;

}  // namespace

core::Status StaffStore::SetUser(const std::string& name, const std::string& hash, core::TimePoint now) {
  auto c = db_.Use();
  auto tx = SqlTransaction::Begin(*c);
  if (!tx) return tx.problems();
  auto set = c->Change(
      "INSERT INTO users (name, password_hash, created_at) VALUES (?1, ?2, ?3) "
      "ON CONFLICT (name) DO UPDATE SET password_hash = excluded.password_hash",
      {name, hash, core::ToRfc3339(now)});
  if (!set) return set.problems();
  for (const char* sql :
       {"DELETE FROM sessions WHERE \"user\" = ?1", "DELETE FROM devices WHERE \"user\" = ?1"}) {
    if (auto ended = c->Change(sql, {name}); !ended) return ended.problems();
  }
  return tx->Commit();
}

core::Result<bool> StaffStore::SetPublisher(const std::string& name, bool publisher) {
  auto c = db_.Use();
  auto changed =
      c->Change("UPDATE users SET publisher = ?2 WHERE name = ?1", {name, std::int64_t{publisher}});
  if (!changed) return changed.problems();
  return *changed == 1;
}

core::Result<std::int64_t> StaffStore::EndSessionsOf(const std::string& user, bool forget_devices) {
  auto c = db_.Use();
  auto count = c->Change("DELETE FROM sessions WHERE \"user\" = ?1", {user});
  if (!count) return count.problems();
  if (forget_devices) {
    if (auto forgot = c->Change("DELETE FROM devices WHERE \"user\" = ?1", {user}); !forgot)
      return forgot.problems();
  }
  return *count;
}

core::Result<std::optional<std::string>> StaffStore::PasswordHash(const std::string& name) {
  using R = core::Result<std::optional<std::string>>;
  auto c = db_.Use();
  auto rows = c->Query("SELECT password_hash FROM users WHERE name = ?1", {name});
  if (!rows) return rows.problems();
  return rows->empty() ? R(std::optional<std::string>()) : R(rows->front().front());
}

core::Result<std::variant<core::SignInLock, std::int64_t>> StaffStore::BeginSignIn(
    const std::string& name, const std::string& address, const std::string& device_token,
    core::TimePoint now) {
  using R = core::Result<std::variant<core::SignInLock, std::int64_t>>;
  const std::string at = core::ToRfc3339(now), since = core::ToRfc3339(now - core::kLoginWindow),
                    name_digest = TokenDigest(name),
                    device_digest = device_token.empty() ? std::string() : TokenDigest(device_token);
  auto c = db_.Use();
  auto tx = SqlTransaction::Begin(*c);
  if (!tx) return tx.problems();
  // Checked and counted as one: concurrent attempts (from any inbox on the same database) queue here.
  if (auto locked = c->LockTable("sign_in_failures"); !locked) return locked.problems();
  if (auto expired = c->Change("DELETE FROM sign_in_failures WHERE at <= ?1", {since}); !expired)
    return expired.problems();
  core::SignInHistory h;
  if (!device_digest.empty()) {
    auto known = Times(
        *c, "SELECT expires_at FROM devices WHERE token_hash = ?1 AND \"user\" = ?2 AND expires_at > ?3",
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
        Times(*c, std::string("SELECT at FROM sign_in_failures WHERE ") + scope.where + " ORDER BY at",
              {scope.param});
    if (!times) return times.problems();
    *scope.into = std::move(*times);
  }
  if (auto locked = core::SignInLocked(h, now)) return R(*locked);
  // A known browser's failures count against it alone, not against the name or the overall limit.
  auto recorded = c->QueryInt(
      "INSERT INTO sign_in_failures (at, address, name_digest, device_digest) VALUES (?1, ?2, ?3, ?4) "
      "RETURNING rowid",
      {at, address.substr(0, 64), name_digest, h.known_device ? device_digest : std::string()});
  if (!recorded) return recorded.problems();
  auto capped = c->Change(
      "DELETE FROM sign_in_failures WHERE rowid NOT IN (SELECT rowid FROM sign_in_failures "
      "ORDER BY at DESC LIMIT ?1)",
      {std::int64_t{core::kMaxFailureRows}});
  if (!capped) return capped.problems();
  if (auto committed = tx->Commit(); !committed) return committed.problems();
  return R(*recorded);
}

core::Result<std::string> StaffStore::SignInSucceeded(std::int64_t failure, const std::string& name,
                                                      const std::string& device_token, core::TimePoint now) {
  using R = core::Result<std::string>;
  auto c = db_.Use();
  auto tx = SqlTransaction::Begin(*c);
  if (!tx) return tx.problems();
  if (auto cleared = c->Change("DELETE FROM sign_in_failures WHERE rowid = ?1 OR name_digest = ?2",
                               {failure, TokenDigest(name)});
      !cleared)
    return cleared.problems();
  // One token per browser, for everyone who signs in with it: a token this inbox gave out (to this user or
  // another sharing the browser) stays, so the others keep their known browser; an unknown one is replaced.
  std::string token = device_token;
  auto known = Times(*c, "SELECT expires_at FROM devices WHERE token_hash = ?1", {TokenDigest(token)});
  if (!known) return known.problems();
  if (token.empty() || known->empty()) token = RandomToken();
  auto remembered = c->Change(
      "INSERT INTO devices (token_hash, \"user\", expires_at) VALUES (?1, ?2, ?3) "
      "ON CONFLICT (token_hash, \"user\") DO UPDATE SET expires_at = excluded.expires_at",
      {TokenDigest(token), name, core::ToRfc3339(now + kDeviceLifetime)});
  if (!remembered) return remembered.problems();
  if (auto expired = c->Change("DELETE FROM devices WHERE expires_at <= ?1", {core::ToRfc3339(now)});
      !expired)
    return expired.problems();
  auto capped = c->Change(
      "DELETE FROM devices WHERE \"user\" = ?1 AND token_hash NOT IN (SELECT token_hash FROM devices "
      "WHERE \"user\" = ?1 ORDER BY expires_at DESC LIMIT ?2)",
      {name, std::int64_t{kDevicesPerUser}});
  if (!capped) return capped.problems();
  if (auto committed = tx->Commit(); !committed) return committed.problems();
  return R(token);
}

core::Result<std::int64_t> StaffStore::FailureRows() {
  auto c = db_.Use();
  return c->QueryInt("SELECT count(*) FROM sign_in_failures");
}

core::Result<NewSession> StaffStore::StartSession(const std::string& user, core::TimePoint now) {
  NewSession s{RandomToken(), Session{user, RandomToken()}};
  auto c = db_.Use();
  auto ran =
      c->Change("INSERT INTO sessions (token_hash, \"user\", csrf, expires_at) VALUES (?1, ?2, ?3, ?4)",
                {TokenDigest(s.token), user, s.session.csrf, core::ToRfc3339(now + session_length_)});
  if (!ran) return ran.problems();
  return s;
}

core::Result<std::optional<Session>> StaffStore::FindSession(const std::string& token, core::TimePoint now) {
  using R = core::Result<std::optional<Session>>;
  if (token.empty()) return R(std::optional<Session>());
  const std::string digest = TokenDigest(token), at = core::ToRfc3339(now);
  auto c = db_.Use();
  if (auto purged = c->Change("DELETE FROM sessions WHERE expires_at <= ?1", {at}); !purged)
    return purged.problems();
  auto rows = c->Query(
      "SELECT s.\"user\", s.csrf, u.publisher FROM sessions s JOIN users u ON u.name = s.\"user\" "
      "WHERE s.token_hash = ?1",
      {digest});
  if (!rows) return rows.problems();
  if (rows->empty()) return R(std::optional<Session>());
  Session s{rows->front()[0], rows->front()[1], rows->front()[2] == "1"};
  auto pushed = c->Change("UPDATE sessions SET expires_at = ?2 WHERE token_hash = ?1",
                          {digest, core::ToRfc3339(now + session_length_)});
  if (!pushed) return pushed.problems();
  return R(std::move(s));
}

core::Status StaffStore::EndSession(const std::string& token) {
  auto c = db_.Use();
  auto ended = c->Change("DELETE FROM sessions WHERE token_hash = ?1", {TokenDigest(token)});
  if (!ended) return ended.problems();
  return core::Ok{};
}

core::Status StaffStore::Audit(const std::string& user, const std::string& action,
                               const std::vector<std::string>& ids, core::TimePoint now) {
  std::string joined;
  for (const auto& id : ids) joined += (joined.empty() ? "" : " ") + id;
  auto c = db_.Use();
  auto added = c->Change("INSERT INTO audit (at, \"user\", action, intake_ids) VALUES (?1, ?2, ?3, ?4)",
                         {core::ToRfc3339(now), user, action, joined});
  if (!added) return added.problems();
  return core::Ok{};
}

core::Result<std::vector<AuditEntry>> StaffStore::AuditLog(int limit) {
  auto c = db_.Use();
  auto rows = c->Query("SELECT at, \"user\", action, intake_ids FROM audit ORDER BY rowid DESC LIMIT ?1",
                       {std::int64_t{limit}});
  if (!rows) return rows.problems();
  std::vector<AuditEntry> out;
  out.reserve(rows->size());
  for (const SqlRow& r : *rows) out.push_back({r[0], r[1], r[2], r[3]});
  return out;
}

}  // namespace inbox
