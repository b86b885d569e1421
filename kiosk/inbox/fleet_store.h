// The kiosks' latest heartbeats in the inbox database (table kiosk_heartbeats, migration 0002): one row per
// kiosk, replaced only by a heartbeat the kiosk sent later, so a delayed or repeated one never hides a newer.
#pragma once

#include <string>
#include <vector>

#include "core/base/clock.h"
#include "core/base/result.h"
#include "core/content/json_reader.h"
#include "inbox/inbox_db.h"

namespace inbox {

struct KioskHeartbeat {
  std::string kiosk_id;
  std::string received_at;  // RFC 3339, by the inbox's clock: when it was last heard from
  core::Json heartbeat;     // the latest heartbeat (schema v1)
};

class FleetStore {
 public:
  explicit FleetStore(InboxDb& db) : db_(db) {}

  // Keeps `heartbeat` (checked) as the kiosk's latest unless one it sent later is kept already: answers
  // whether it was kept.
  core::Result<bool> Record(const core::Json& heartbeat, core::TimePoint received);
  // Every kiosk heard from, by kiosk id.
  core::Result<std::vector<KioskHeartbeat>> Latest();

 private:
  InboxDb& db_;
};

}  // namespace inbox
