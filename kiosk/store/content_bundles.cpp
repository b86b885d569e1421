// Content bundles in the outbox file: the one place the sender (fetching, reporting) and the UI (installing,
// refusing, rolling back) meet about published content, as for connection tests.
#include "store/outbox.h"

namespace store {
namespace {

constexpr const char* kBundleColumns =
    "SELECT id, content_id, content_version, state, detail, file, updated_at, reported FROM content_bundles ";

core::Result<std::vector<Outbox::ContentBundle>> Rows(sql::Database& db, const std::string& sql,
                                                      const std::string& param = "") {
  auto stmt = db.Prepare(sql);
  if (!stmt) return stmt.problems();
  if (!param.empty()) {
    if (auto bound = stmt->Bind(1, param); !bound) return bound.problems();
  }
  std::vector<Outbox::ContentBundle> out;
  for (;;) {
    auto row = stmt->Step();
    if (!row) return row.problems();
    if (!*row) break;
    out.push_back({stmt->Text(0), stmt->Text(1), stmt->Text(2), stmt->Text(3), stmt->Text(4), stmt->Text(5),
                   stmt->Text(6), stmt->Int(7) != 0});
  }
  return out;
}

core::Result<std::optional<Outbox::ContentBundle>> First(sql::Database& db, const std::string& sql,
                                                         const std::string& param = "") {
  using R = core::Result<std::optional<Outbox::ContentBundle>>;
  auto rows = Rows(db, sql, param);
  if (!rows) return rows.problems();
  if (rows->empty()) return R(std::optional<Outbox::ContentBundle>());
  return R(std::move(rows->front()));
}

}  // namespace

core::Result<bool> Outbox::RecordContentBundle(const ContentBundle& b, core::TimePoint now) {
  std::lock_guard lock(mutex_);
  auto added = sql::UpdateRows(
      db_,
      "INSERT INTO content_bundles (id, content_id, content_version, state, detail, file, updated_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (id) DO NOTHING",
      {b.id, b.content_id, b.content_version, b.state, b.detail, b.file, core::ToRfc3339(now)});
  if (!added) return added.problems();
  return *added == 1;
}

core::Result<std::optional<Outbox::ContentBundle>> Outbox::FindContentBundle(const std::string& id) {
  std::lock_guard lock(mutex_);
  return First(db_, std::string(kBundleColumns) + "WHERE id = ?1", id);
}

core::Result<std::optional<Outbox::ContentBundle>> Outbox::NextFetchedBundle() {
  std::lock_guard lock(mutex_);
  return First(db_, std::string(kBundleColumns) +
                        "WHERE state = 'fetched' ORDER BY updated_at DESC, rowid DESC LIMIT 1");
}

core::Result<std::optional<Outbox::ContentBundle>> Outbox::ActiveContentBundle() {
  std::lock_guard lock(mutex_);
  return First(db_,
               std::string(kBundleColumns) + "WHERE state = 'installed' ORDER BY installed_seq DESC LIMIT 1");
}

core::Result<std::optional<Outbox::ContentBundle>> Outbox::LastRefusedBundle() {
  std::lock_guard lock(mutex_);
  return First(db_, std::string(kBundleColumns) +
                        "WHERE state = 'refused' ORDER BY updated_at DESC, rowid DESC LIMIT 1");
}

core::Status Outbox::SetContentBundleState(const std::string& id, const std::string& state,
                                           const std::string& detail, core::TimePoint now) {
  std::lock_guard lock(mutex_);
  auto set = sql::UpdateRows(
      db_,
      "UPDATE content_bundles SET state = ?2, detail = ?3, updated_at = ?4, reported = 0, installed_seq = "
      "CASE WHEN ?2 = 'installed' THEN (SELECT COALESCE(max(installed_seq), 0) + 1 FROM content_bundles) "
      "ELSE installed_seq END WHERE id = ?1",
      {id, state, detail, core::ToRfc3339(now)});
  if (!set) return set.problems();
  if (*set != 1) return core::Status::Fail("no content bundle " + id + " in the outbox");
  return core::Ok{};
}

core::Result<std::vector<Outbox::ContentBundle>> Outbox::UnreportedBundles() {
  std::lock_guard lock(mutex_);
  return Rows(db_, std::string(kBundleColumns) +
                       "WHERE reported = 0 AND state <> 'fetched' ORDER BY updated_at, rowid");
}

core::Status Outbox::MarkBundleReported(const std::string& id, const std::string& state) {
  std::lock_guard lock(mutex_);
  // Only the state that was reported: one that changed meanwhile is reported again.
  auto set = sql::UpdateRows(db_, "UPDATE content_bundles SET reported = 1 WHERE id = ?1 AND state = ?2",
                             {id, state});
  if (!set) return set.problems();
  return core::Ok{};
}

}  // namespace store
