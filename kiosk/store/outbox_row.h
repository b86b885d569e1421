// What the outbox shows about its rows without their payloads: safe to list, print and log (no personal
// data).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace store {

// Values of the outbox.kind column.
inline constexpr std::string_view kKindIntake = "intake";
inline constexpr std::string_view kKindDemo = "demo";

// Values of the outbox.state column.
inline constexpr std::string_view kStatePending = "pending";        // waiting for its next attempt
inline constexpr std::string_view kStateDelivering = "delivering";  // claimed by a sender (lease)
inline constexpr std::string_view kStateDelivered = "delivered";    // the endpoint accepted it
inline constexpr std::string_view kStateParked = "parked";          // permanent failure, waits for staff

// One outbox row without its payload. Times are RFC 3339 UTC strings as stored; empty when NULL.
struct OutboxRow {
  std::string id;  // the intake id
  std::string created_at;
  std::string kind;   // kKindIntake or kKindDemo
  std::string state;  // one of kState*
  std::int64_t attempts = 0;
  std::string next_attempt_at;
  std::string last_error;  // a reason written by the sender (status, short phrase), never a response body
};

// A row the sender has claimed: what it must post, and the claim it must present to record the outcome.
struct ClaimedIntake {
  std::string id;
  std::string payload;
  std::string kind;
  std::int64_t attempts = 0;  // including this attempt
};

struct OutboxCounts {
  std::size_t pending = 0;
  std::size_t delivering = 0;
  std::size_t delivered = 0;
  std::size_t parked = 0;

  std::size_t total() const { return pending + delivering + delivered + parked; }
};

// What staff mode shows about delivery.
struct DeliverySummary {
  std::size_t waiting = 0;          // pending or being sent
  std::size_t delivered_since = 0;  // delivered at or after the `since` asked for (today)
  std::size_t parked = 0;
  std::string last_delivered_at;  // RFC 3339, "" when nothing was ever delivered
  std::string oldest_waiting_at;  // RFC 3339 created_at of the oldest waiting row, "" when none waits
};

}  // namespace store
