// Staff's "Test connection" through the outbox file: the UI asks, the sender process tests and answers.
#include <chrono>

#include "store/outbox.h"

namespace store {

core::Status Outbox::RequestConnectionTest(const std::string& id, core::TimePoint now) {
  std::lock_guard lock(mutex_);
  auto forgotten = sql::UpdateRows(db_, "DELETE FROM connection_tests WHERE requested_at < ?1",
                                   {core::ToRfc3339(now - std::chrono::hours(24))});
  if (!forgotten) return forgotten.problems();
  auto asked = sql::UpdateRows(db_, "INSERT INTO connection_tests (id, requested_at) VALUES (?1, ?2)",
                               {id, core::ToRfc3339(now)});
  if (!asked) return asked.problems();
  return core::Ok{};
}

core::Status Outbox::WithdrawConnectionTest(const std::string& id) {
  std::lock_guard lock(mutex_);
  auto withdrawn =
      sql::UpdateRows(db_, "DELETE FROM connection_tests WHERE id = ?1 AND state = 'requested'", {id});
  if (!withdrawn) return withdrawn.problems();
  return core::Ok{};
}

core::Result<std::optional<std::string>> Outbox::TakeConnectionTest() {
  using R = core::Result<std::optional<std::string>>;
  std::lock_guard lock(mutex_);
  auto tx = sql::Transaction::Begin(db_);
  if (!tx) return tx.problems();
  auto stmt = db_.Prepare(
      "SELECT id FROM connection_tests WHERE state = 'requested' ORDER BY requested_at, id LIMIT 1");
  if (!stmt) return stmt.problems();
  auto row = stmt->Step();
  if (!row) return row.problems();
  if (!*row) return R(std::optional<std::string>());
  std::string id = stmt->Text(0);
  auto update = db_.Prepare("UPDATE connection_tests SET state = 'testing' WHERE id = ?1");
  if (!update) return update.problems();
  if (auto b = update->Bind(1, id); !b) return b.problems();
  if (auto ran = update->Run(); !ran) return ran.problems();
  if (auto committed = tx->Commit(); !committed) return committed.problems();
  return R(std::optional<std::string>(std::move(id)));
}

core::Status Outbox::FinishConnectionTest(const std::string& id, const core::AttemptResult& result,
                                          core::TimePoint now) {
  std::lock_guard lock(mutex_);
  auto changed = sql::UpdateRows(db_,
                                 "UPDATE connection_tests SET state = 'done', kind = ?2, status = ?3, "
                                 "detail = ?4, done_at = ?5, date = ?6 WHERE id = ?1",
                                 {id, static_cast<std::int64_t>(result.kind), std::int64_t{result.status},
                                  result.detail, core::ToRfc3339(now), result.date});
  if (!changed) return changed.problems();
  if (*changed == 0) return core::Status::Fail("no connection test " + id + " to answer");
  return core::Ok{};
}

core::Result<std::optional<Outbox::ConnectionTestAnswer>> Outbox::ConnectionTestResult(
    const std::string& id) {
  using R = core::Result<std::optional<ConnectionTestAnswer>>;
  std::lock_guard lock(mutex_);
  auto stmt = db_.Prepare(
      "SELECT kind, status, detail, date, done_at FROM connection_tests WHERE id = ?1 AND state = 'done'");
  if (!stmt) return stmt.problems();
  if (auto b = stmt->Bind(1, id); !b) return b.problems();
  auto row = stmt->Step();
  if (!row) return row.problems();
  if (!*row) return R(std::optional<ConnectionTestAnswer>());
  ConnectionTestAnswer answer;
  core::AttemptResult& result = answer.result;
  auto kind = stmt->Int(0);
  if (kind < 0 || kind > static_cast<std::int64_t>(core::AttemptResult::Kind::kTlsError)) {
    return R::Fail("connection test " + id + " holds an unknown result kind");
  }
  result.kind = static_cast<core::AttemptResult::Kind>(kind);
  result.status = static_cast<int>(stmt->Int(1));
  result.detail = stmt->Text(2);
  result.date = stmt->Text(3);
  auto at = core::ParseRfc3339(stmt->Text(4));
  if (!at) return R::Fail("connection test " + id + " holds a done_at that is not an RFC 3339 UTC time");
  answer.at = *at;
  return R(std::optional<ConnectionTestAnswer>(std::move(answer)));
}

}  // namespace store
