// One upsert per heartbeat, the same SQL on SQLite and PostgreSQL (ON CONFLICT ... DO UPDATE ... WHERE).
#include "inbox/fleet_store.h"

namespace inbox {

core::Result<bool> FleetStore::Record(const core::Json& heartbeat, core::TimePoint received) {
  auto c = db_.Use();
  auto changed = c->Change(
      "INSERT INTO kiosk_heartbeats (kiosk_id, received_at, sent_at, heartbeat) VALUES (?1, ?2, ?3, ?4) "
      "ON CONFLICT (kiosk_id) DO UPDATE SET received_at = excluded.received_at, sent_at = excluded.sent_at, "
      "heartbeat = excluded.heartbeat WHERE kiosk_heartbeats.sent_at <= excluded.sent_at",
      {core::JsonString(heartbeat, "kiosk_id"), core::ToRfc3339(received),
       core::JsonString(heartbeat, "sent_at"), core::DumpJson(heartbeat)});
  if (!changed) return core::Result<bool>::Fail("cannot record the heartbeat: " + changed.error());
  return *changed > 0;
}

core::Result<std::vector<KioskHeartbeat>> FleetStore::Latest() {
  auto rows =
      db_.Use()->Query("SELECT kiosk_id, received_at, heartbeat FROM kiosk_heartbeats ORDER BY kiosk_id");
  if (!rows) return rows.problems();
  std::vector<KioskHeartbeat> out;
  for (const auto& r : *rows) {
    auto parsed = core::ParseJson(r[2], core::JsonLimits{64 * 1024, 8});
    out.push_back({r[0], r[1], parsed ? std::move(*parsed) : core::Json::object()});
  }
  return out;
}

}  // namespace inbox
