// The outbox as staff mode and the heartbeat see it: counts, the last delivery, the oldest waiting row, the
// errors of waiting rows, and the demo leads to export.
#include <string_view>

#include "store/outbox.h"

namespace store {
namespace {

// Every row's first column, as text.
core::Result<std::vector<std::string>> FirstColumnTexts(sql::Statement& stmt) {
  std::vector<std::string> out;
  for (;;) {
    auto row = stmt.Step();
    if (!row) return row.problems();
    if (!*row) break;
    out.push_back(stmt.Text(0));
  }
  return out;
}

}  // namespace

core::Result<DeliverySummary> Outbox::Summary(core::TimePoint since, bool demo) {
  std::lock_guard lock(mutex_);
  auto stmt = db_.Prepare(
      "SELECT "
      "  coalesce(sum(state IN ('pending', 'delivering')), 0), "
      "  coalesce(sum(state = 'delivered' AND delivered_at >= ?1), 0), "
      "  coalesce(sum(state = 'parked'), 0), "
      "  coalesce(max(delivered_at), ''), "
      "  coalesce(min(CASE WHEN state IN ('pending', 'delivering') THEN created_at END), '') "
      "FROM outbox WHERE kind = ?2");
  if (!stmt) return stmt.problems();
  for (auto bound : {stmt->Bind(1, core::ToRfc3339(since)), stmt->Bind(2, demo ? kKindDemo : kKindIntake)}) {
    if (!bound) return bound.problems();
  }
  auto row = stmt->Step();
  if (!row) return row.problems();
  DeliverySummary s;
  if (*row) {
    s.waiting = static_cast<std::size_t>(stmt->Int(0));
    s.delivered_since = static_cast<std::size_t>(stmt->Int(1));
    s.parked = static_cast<std::size_t>(stmt->Int(2));
    s.last_delivered_at = stmt->Text(3);
    s.oldest_waiting_at = stmt->Text(4);
  }
  return s;
}

core::Result<std::vector<std::string>> Outbox::WaitingErrors(bool demo) {
  std::lock_guard lock(mutex_);
  auto stmt = db_.Prepare(
      "SELECT DISTINCT last_error FROM outbox WHERE kind = ?1 AND state IN ('pending', 'delivering') "
      "AND coalesce(last_error, '') != '' LIMIT 20");
  if (!stmt) return stmt.problems();
  if (auto b = stmt->Bind(1, demo ? kKindDemo : kKindIntake); !b) return b.problems();
  return FirstColumnTexts(*stmt);
}

core::Result<std::vector<std::string>> Outbox::DemoPayloads() {
  std::lock_guard lock(mutex_);
  auto stmt = db_.Prepare(
      "SELECT payload FROM outbox WHERE kind = ?1 AND payload IS NOT NULL ORDER BY created_at, id");
  if (!stmt) return stmt.problems();
  if (auto b = stmt->Bind(1, kKindDemo); !b) return b.problems();
  return FirstColumnTexts(*stmt);
}

}  // namespace store
