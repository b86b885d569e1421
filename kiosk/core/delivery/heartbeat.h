// The kiosk's heartbeat (README "Heartbeats"): what the sender tells the inbox about this kiosk every few
// minutes and after each delivery pass: versions, the queue, the last delivery, alerts. Built from counts and
// the sender's own short error words only, never from a payload, so it cannot carry a name, an answer or a
// signature. Pure: the sender gathers the facts and posts the document.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/base/clock.h"
#include "core/content/json_reader.h"

namespace core {

inline constexpr int kHeartbeatSchemaVersion = 1;
// Less free space than this in the data directory raises the "disk_low" alert.
inline constexpr std::uintmax_t kLowDiskBytes = 256ull * 1024 * 1024;
// A delivery pass that did something is reported at most this often (the interval covers the rest).
inline constexpr Seconds kHeartbeatMinGap{10};

struct HeartbeatFacts {
  std::string kiosk_id, package_version, content_id, content_version;
  std::size_t waiting = 0;                        // clinic intakes pending or being sent
  std::size_t parked = 0;                         // waiting for staff on the kiosk
  std::optional<TimePoint> oldest_waiting;        // when the oldest waiting intake was queued
  std::optional<TimePoint> last_delivered;        // the latest successful delivery
  std::vector<std::string> waiting_errors;        // the sender's last_error words of waiting intakes
  std::optional<std::uintmax_t> disk_free_bytes;  // in the data directory; nullopt: unknown
};

// The heartbeat document (content/schema/heartbeat.schema.json). Alerts: "tls" (the endpoint's
// certificate or pin refused), "clock" (refused while the kiosk's clock is off), "auth" (signature or token
// refused), "disk_low"; each with a short detail for staff.
Json BuildHeartbeat(const HeartbeatFacts& facts, const std::string& heartbeat_id, TimePoint now);

// Whether a heartbeat is due: none sent yet, the interval has passed since the last, or a delivery pass
// changed something and the last one is at least kHeartbeatMinGap old.
bool HeartbeatDue(std::optional<TimePoint> last_sent, TimePoint now, Seconds interval, bool pass_changed);

// Where heartbeats go by default: beside the intakes, the delivery URL's last path segment replaced by
// "heartbeats" ("https://inbox.example/intakes" -> "https://inbox.example/heartbeats"); "" for "".
std::string DefaultHeartbeatUrl(const std::string& delivery_url);

}  // namespace core
