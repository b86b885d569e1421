// The fleet page's rules (README "The Kiosks page"): from a kiosk's latest heartbeat and when it came, its
// state (ok, silent, a problem, never heard from) and what needs doing, in plain words for staff. Pure.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/base/clock.h"
#include "core/content/json_reader.h"

namespace core {

// inbox.json "fleet".
struct FleetSettings {
  Seconds silent_after{15 * 60};   // no heartbeat for longer than this: silent
  Seconds waiting_alert{30 * 60};  // an intake waiting on the kiosk longer than this: a problem
};

enum class KioskState { kOk, kProblem, kSilent, kNeverHeard };

struct KioskHealth {
  KioskState state = KioskState::kNeverHeard;
  std::vector<std::string> problems;  // most urgent first; empty when all is well
};

// `last_heard`: when the inbox received the kiosk's latest heartbeat (nullopt: never); `heartbeat`: that
// heartbeat (checked against schema v1 when stored).
KioskHealth JudgeKiosk(std::optional<TimePoint> last_heard, const Json& heartbeat, TimePoint now,
                       const FleetSettings& settings);

// A duration as staff read it: "40 s", "12 min", "2 h 5 min", "3 days 4 h".
std::string Duration(Seconds d);

// The words of a state: "OK", "PROBLEM", "SILENT", "NEVER HEARD FROM"; and its CSS class.
std::string StateWord(KioskState s);
std::string StateClass(KioskState s);

}  // namespace core
