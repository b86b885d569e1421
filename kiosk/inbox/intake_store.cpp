// Exactly-once storage: INSERT ... ON CONFLICT (id) DO NOTHING, so of concurrent deliveries of one intake
// one row is stored (the primary key decides, on either engine: a second writer waits for the first one's
// COMMIT) and the others read the stored body to learn "repeat" or "conflict".
#include "inbox/intake_store.h"

#include <algorithm>

#include "inbox/rules/intake_summary.h"

namespace inbox {
namespace {

constexpr const char* kColumns =
    "id, received_at, kiosk_id, format, submitted_at, client_name, COALESCE(top_tier, ''), flag_count, demo, "
    "COALESCE(reviewed_by, ''), COALESCE(reviewed_at, ''), content_known";

long long Number(const std::string& text) {
  try {
    return std::stoll(text);
  } catch (const std::exception&) {
    return 0;
  }
}

StoredIntake Row(const SqlRow& r, bool with_intake) {
  StoredIntake s{r[0],
                 r[1],
                 r[2],
                 r[3],
                 r[4],
                 r[5],
                 r[6],
                 static_cast<int>(Number(r[7])),
                 Number(r[8]) != 0,
                 r[9],
                 r[10],
                 Number(r[11]) != 0,
                 {}};
  if (with_intake) {
    auto parsed = core::ParseJson(r[12], core::JsonLimits{16 * 1024 * 1024, 64});
    if (parsed) s.intake = std::move(*parsed);
  }
  return s;
}

core::Result<std::vector<StoredIntake>> Rows(core::Result<SqlRows> rows, bool with_intake) {
  if (!rows) return rows.problems();
  std::vector<StoredIntake> out;
  out.reserve(rows->size());
  for (const SqlRow& r : *rows) out.push_back(Row(r, with_intake));
  return out;
}

}  // namespace

core::Result<PutOutcome> IntakeStore::Put(const std::string& id, const std::string& format,
                                          const std::string& body, const core::Json& intake,
                                          bool known_content, core::TimePoint received) {
  using R = core::Result<PutOutcome>;
  const core::IntakeSummary s = core::SummarizeIntake(intake);
  const std::string view = core::DumpJson(intake);
  auto c = db_.Use();
  auto tx = SqlTransaction::Begin(*c);
  if (!tx) return tx.problems();
  auto inserted = c->Query(
      "INSERT INTO intakes (id, received_at, kiosk_id, format, body, intake, submitted_at, client_name, "
      "top_tier, flag_count, demo, content_known) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, NULLIF(?9, ''), "
      "?10, "
      "?11, ?12) ON CONFLICT (id) DO NOTHING RETURNING id",
      {id, core::ToRfc3339(received), s.kiosk_id, format, body, view, s.submitted_at, s.client_name,
       s.top_tier, std::int64_t{s.flag_count}, std::int64_t{s.demo}, std::int64_t{known_content}});
  if (!inserted) return R::Fail("cannot store intake " + id + ": " + inserted.error());
  if (inserted->empty()) {
    auto stored = c->Query("SELECT body FROM intakes WHERE id = ?1", {id});
    if (!stored) return stored.problems();
    if (stored->empty()) return R::Fail("intake " + id + " neither stored nor found");
    return stored->front().front() == body ? R(PutOutcome::kRepeat) : R(PutOutcome::kConflict);
  }
  if (auto committed = tx->Commit(); !committed)
    return R::Fail("cannot commit intake " + id + ": " + committed.error());
  return PutOutcome::kStored;
}

core::Result<std::vector<StoredIntake>> IntakeStore::List(const ListFilter& f) {
  std::string sql = std::string("SELECT ") + kColumns +
                    " FROM intakes WHERE (?1 = '' OR submitted_at >= ?1) AND (?2 = '' OR submitted_at < ?2) "
                    "AND (?3 = '' OR instr(lower(client_name), lower(?3)) > 0)";
  sql += f.apart ? " AND content_known = 0" : " AND content_known = 1";
  if (f.unreviewed_only) sql += " AND reviewed_at IS NULL";
  if (f.flagged_only) sql += " AND flag_count > 0";
  // COALESCE: without flags top_tier is NULL, and "unreviewed AND NULL IN (...)" was NULL, which sorted below
  // the reviewed intakes' false: an unflagged intake waiting for review came after yesterday's reviewed ones.
  sql +=
      " ORDER BY (reviewed_at IS NULL AND COALESCE(top_tier, '') IN ('stop', 'defer')) DESC, submitted_at "
      "DESC, "
      "rowid DESC LIMIT ?4";
  auto c = db_.Use();
  return Rows(c->Query(sql, {f.submitted_from, f.submitted_to, f.name_contains, std::int64_t{f.limit}}),
              false);
}

core::Result<std::optional<StoredIntake>> IntakeStore::Get(const std::string& id) {
  using R = core::Result<std::optional<StoredIntake>>;
  auto c = db_.Use();
  auto rows =
      Rows(c->Query(std::string("SELECT ") + kColumns + ", intake FROM intakes WHERE id = ?1", {id}), true);
  if (!rows) return rows.problems();
  if (rows->empty()) return R(std::optional<StoredIntake>());
  return R(std::move(rows->front()));
}

core::Result<std::vector<StoredIntake>> IntakeStore::Range(const std::string& from, const std::string& to) {
  auto c = db_.Use();
  return Rows(c->Query(std::string("SELECT ") + kColumns +
                           ", intake FROM intakes WHERE submitted_at >= ?1 AND submitted_at < ?2 "
                           "AND content_known = 1 ORDER BY submitted_at, rowid",
                       {from, to}),
              true);
}

core::Result<bool> IntakeStore::MarkReviewed(const std::string& id, const std::string& user,
                                             core::TimePoint at) {
  auto c = db_.Use();
  auto changed = c->Change(
      "UPDATE intakes SET reviewed_by = COALESCE(reviewed_by, ?2), reviewed_at = COALESCE(reviewed_at, ?3) "
      "WHERE id = ?1",
      {id, user, core::ToRfc3339(at)});
  if (!changed) return changed.problems();
  return *changed > 0;
}

core::Result<std::vector<std::string>> IntakeStore::DeleteSubmittedBefore(const std::string& cutoff) {
  auto c = db_.Use();
  auto tx = SqlTransaction::Begin(*c);
  if (!tx) return tx.problems();
  auto deleted = c->Query("DELETE FROM intakes WHERE submitted_at < ?1 RETURNING id, submitted_at", {cutoff});
  if (!deleted) return deleted.problems();
  std::stable_sort(deleted->begin(), deleted->end(),
                   [](const SqlRow& a, const SqlRow& b) { return a[1] < b[1]; });
  std::vector<std::string> ids;
  ids.reserve(deleted->size());
  for (const SqlRow& r : *deleted) ids.push_back(r[0]);
  if (auto committed = tx->Commit(); !committed) return committed.problems();
  return ids;
}

core::Status IntakeStore::TruncateLog() {
  auto c = db_.Use();
  return c->ReclaimDeleted();
}

core::Result<long long> IntakeStore::Count() {
  auto c = db_.Use();
  auto n = c->QueryInt("SELECT count(*) FROM intakes");
  if (!n) return n.problems();
  return static_cast<long long>(*n);
}

}  // namespace inbox
