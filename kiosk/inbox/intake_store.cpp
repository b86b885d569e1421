// Exactly-once storage: one transaction reads the id's stored body and inserts only when there is none, so
// concurrent deliveries of one intake store one row and the others learn "repeat" or "conflict".
#include "inbox/intake_store.h"

#include "inbox/rules/intake_summary.h"

namespace inbox {
namespace {

using store::sql::Statement;

constexpr const char* kColumns =
    "id, received_at, kiosk_id, format, submitted_at, client_name, COALESCE(top_tier, ''), flag_count, demo, "
    "COALESCE(reviewed_by, ''), COALESCE(reviewed_at, ''), content_known";

StoredIntake Row(const Statement& s, bool with_intake) {
  StoredIntake r{s.Text(0),
                 s.Text(1),
                 s.Text(2),
                 s.Text(3),
                 s.Text(4),
                 s.Text(5),
                 s.Text(6),
                 static_cast<int>(s.Int(7)),
                 s.Int(8) != 0,
                 s.Text(9),
                 s.Text(10),
                 s.Int(11) != 0,
                 {}};
  if (with_intake) {
    auto parsed = core::ParseJson(s.Text(12), core::JsonLimits{16 * 1024 * 1024, 64});
    if (parsed) r.intake = std::move(*parsed);
  }
  return r;
}

core::Result<std::vector<StoredIntake>> Rows(Statement& stmt, bool with_intake) {
  std::vector<StoredIntake> out;
  for (;;) {
    auto row = stmt.Step();
    if (!row) return row.problems();
    if (!*row) return out;
    out.push_back(Row(stmt, with_intake));
  }
}

// Binds text parameters from ?1 in order.
core::Status BindAll(Statement& stmt, const std::vector<std::string>& values) {
  int index = 1;
  for (const auto& v : values) {
    auto bound = stmt.Bind(index++, v);
    if (!bound) return bound;
  }
  return core::Ok{};
}

}  // namespace

core::Result<PutOutcome> IntakeStore::Put(const std::string& id, const std::string& format,
                                          const std::string& body, const core::Json& intake,
                                          bool known_content, core::TimePoint received) {
  using R = core::Result<PutOutcome>;
  const core::IntakeSummary s = core::SummarizeIntake(intake);
  auto lock = db_.Lock();
  auto& db = db_.db();
  auto tx = store::sql::Transaction::Begin(db);
  if (!tx) return tx.problems();
  auto existing = db.Prepare("SELECT body FROM intakes WHERE id = ?1");
  if (!existing) return existing.problems();
  if (auto b = existing->Bind(1, id); !b) return b.problems();
  auto found = existing->Step();
  if (!found) return found.problems();
  if (*found) return existing->Text(0) == body ? R(PutOutcome::kRepeat) : R(PutOutcome::kConflict);

  auto insert = db.Prepare(
      "INSERT INTO intakes (id, received_at, kiosk_id, format, body, intake, submitted_at, client_name, "
      "top_tier, flag_count, demo, content_known) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, NULLIF(?9, ''), "
      "?10, "
      "?11, ?12)");
  if (!insert) return insert.problems();
  auto bound = BindAll(*insert, {id, core::ToRfc3339(received), s.kiosk_id, format, body,
                                 core::DumpJson(intake), s.submitted_at, s.client_name, s.top_tier});
  if (!bound) return bound.problems();
  for (auto b : {insert->Bind(10, static_cast<std::int64_t>(s.flag_count)),
                 insert->Bind(11, static_cast<std::int64_t>(s.demo)),
                 insert->Bind(12, static_cast<std::int64_t>(known_content))}) {
    if (!b) return b.problems();
  }
  if (auto ran = insert->Run(); !ran) return R::Fail("cannot store intake " + id + ": " + ran.error());
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
  sql +=
      " ORDER BY (reviewed_at IS NULL AND top_tier IN ('stop', 'defer')) DESC, submitted_at DESC, rowid DESC "
      "LIMIT ?4";
  auto lock = db_.Lock();
  auto stmt = db_.db().Prepare(sql);
  if (!stmt) return stmt.problems();
  if (auto b = BindAll(*stmt, {f.submitted_from, f.submitted_to, f.name_contains}); !b) return b.problems();
  if (auto b = stmt->Bind(4, static_cast<std::int64_t>(f.limit)); !b) return b.problems();
  return Rows(*stmt, false);
}

core::Result<std::optional<StoredIntake>> IntakeStore::Get(const std::string& id) {
  using R = core::Result<std::optional<StoredIntake>>;
  auto lock = db_.Lock();
  auto stmt = db_.db().Prepare(std::string("SELECT ") + kColumns + ", intake FROM intakes WHERE id = ?1");
  if (!stmt) return stmt.problems();
  if (auto b = stmt->Bind(1, id); !b) return b.problems();
  auto rows = Rows(*stmt, true);
  if (!rows) return rows.problems();
  if (rows->empty()) return R(std::optional<StoredIntake>());
  return R(std::move(rows->front()));
}

core::Result<std::vector<StoredIntake>> IntakeStore::Range(const std::string& from, const std::string& to) {
  auto lock = db_.Lock();
  auto stmt = db_.db().Prepare(std::string("SELECT ") + kColumns +
                               ", intake FROM intakes WHERE submitted_at >= ?1 AND submitted_at < ?2 "
                               "AND content_known = 1 ORDER BY submitted_at, rowid");
  if (!stmt) return stmt.problems();
  if (auto b = BindAll(*stmt, {from, to}); !b) return b.problems();
  return Rows(*stmt, true);
}

core::Result<bool> IntakeStore::MarkReviewed(const std::string& id, const std::string& user,
                                             core::TimePoint at) {
  auto lock = db_.Lock();
  auto& db = db_.db();
  auto stmt = db.Prepare(
      "UPDATE intakes SET reviewed_by = COALESCE(reviewed_by, ?2), reviewed_at = COALESCE(reviewed_at, ?3) "
      "WHERE id = ?1");
  if (!stmt) return stmt.problems();
  if (auto b = BindAll(*stmt, {id, user, core::ToRfc3339(at)}); !b) return b.problems();
  if (auto ran = stmt->Run(); !ran) return ran.problems();
  return db.Changes() > 0;
}

core::Result<std::vector<std::string>> IntakeStore::DeleteSubmittedBefore(const std::string& cutoff) {
  auto lock = db_.Lock();
  auto& db = db_.db();
  std::vector<std::string> ids;
  {
    auto tx = store::sql::Transaction::Begin(db);
    if (!tx) return tx.problems();
    auto old = db.Prepare("SELECT id FROM intakes WHERE submitted_at < ?1 ORDER BY submitted_at");
    if (!old) return old.problems();
    if (auto b = old->Bind(1, cutoff); !b) return b.problems();
    for (;;) {
      auto row = old->Step();
      if (!row) return row.problems();
      if (!*row) break;
      ids.push_back(old->Text(0));
    }
    if (!ids.empty()) {
      auto del = db.Prepare("DELETE FROM intakes WHERE submitted_at < ?1");
      if (!del) return del.problems();
      if (auto b = del->Bind(1, cutoff); !b) return b.problems();
      if (auto ran = del->Run(); !ran) return ran.problems();
      if (auto committed = tx->Commit(); !committed) return committed.problems();
    }
  }
  return ids;
}

core::Status IntakeStore::TruncateLog() {
  auto lock = db_.Lock();
  auto busy = db_.db().QueryInt("PRAGMA wal_checkpoint(TRUNCATE)");
  if (!busy) return core::Status::Fail("the write-ahead log was not truncated: " + busy.error());
  if (*busy != 0) return core::Status::Fail("the write-ahead log was not truncated: another reader holds it");
  return core::Ok{};
}

core::Result<long long> IntakeStore::Count() {
  auto lock = db_.Lock();
  auto n = db_.db().QueryInt("SELECT count(*) FROM intakes");
  if (!n) return n.problems();
  return static_cast<long long>(*n);
}

}  // namespace inbox
