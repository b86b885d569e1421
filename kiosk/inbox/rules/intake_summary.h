// What the inbox's list needs from an intake without reading it all: the client's name, the most serious
// flag tier, how many flags, the demo marker and the times. Pure; reads an intake (or its FHIR view).
#pragma once

#include <string>

#include "core/content/json_reader.h"

namespace core {

struct IntakeSummary {
  std::string intake_id, kiosk_id, submitted_at;
  std::string client_name;  // answers first_name + last_name (the content's ids for the client's name)
  std::string top_tier;     // "stop", "defer", "review", or empty when nothing was flagged
  int flag_count = 0;
  bool demo = false;
};

IntakeSummary SummarizeIntake(const Json& intake);

// 0 for stop, 1 for defer, 2 for review, 3 for anything else: lower is more serious.
int TierRank(const std::string& tier);

}  // namespace core
