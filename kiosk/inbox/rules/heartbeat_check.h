// The structural check of heartbeat schema v1 (content/schema/heartbeat.schema.json) for the inbox: the same
// verdict as a JSON Schema validator on that file (inbox_heartbeat_schema_agrees and inbox_unit run the same
// cases), every problem with its pointer, never quoting a value.
#pragma once

#include "core/base/result.h"
#include "core/content/json_reader.h"

namespace core {

// Every way `heartbeat` breaks schema v1; empty when it is a valid heartbeat.
Problems CheckHeartbeatV1(const Json& heartbeat);

}  // namespace core
