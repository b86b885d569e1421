// The content the UI runs, in the outbox file: the UI writes it, the sender's heartbeat reads it (the two
// meet only in this file; the UI has no network and the sender no way into the UI).
#include "store/outbox.h"

namespace store {

core::Status Outbox::SetRunningContent(const std::string& content_id, const std::string& content_version,
                                       core::TimePoint now) {
  std::lock_guard lock(mutex_);
  auto set = sql::UpdateRows(
      db_,
      "INSERT INTO running_content (one, content_id, content_version, since) VALUES (1, ?1, ?2, ?3) "
      "ON CONFLICT (one) DO UPDATE SET content_id = excluded.content_id, "
      "content_version = excluded.content_version, since = excluded.since",
      {content_id, content_version, core::ToRfc3339(now)});
  if (!set) return set.problems();
  return core::Ok{};
}

core::Result<std::optional<Outbox::RunningContent>> Outbox::GetRunningContent() {
  using R = core::Result<std::optional<RunningContent>>;
  std::lock_guard lock(mutex_);
  auto stmt = db_.Prepare("SELECT content_id, content_version, since FROM running_content WHERE one = 1");
  if (!stmt) return stmt.problems();
  auto row = stmt->Step();
  if (!row) return row.problems();
  if (!*row) return R(std::optional<RunningContent>());
  return R(RunningContent{stmt->Text(0), stmt->Text(1), stmt->Text(2)});
}

}  // namespace store
