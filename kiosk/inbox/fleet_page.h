// The Kiosks page (README "The Kiosks page"): every kiosk the inbox accepts with its state from its latest
// heartbeat (core::JudgeKiosk), most urgent first.
#pragma once

#include <string>
#include <vector>

#include "core/base/clock.h"
#include "inbox/fleet_store.h"
#include "inbox/pages.h"
#include "inbox/rules/fleet_rules.h"

namespace inbox {

// `kiosk_ids`: the kiosks inbox.json accepts; `heard`: the heartbeats kept (of those kiosks or others).
std::string KiosksPage(const PageContext& ctx, const std::vector<std::string>& kiosk_ids,
                       const std::vector<KioskHeartbeat>& heard, core::TimePoint now,
                       const core::FleetSettings& settings);

}  // namespace inbox
