// The receiver's side of Standard Webhooks, as rules: reading the headers and the timestamp tolerance.
// The HMAC itself and the constant-time comparison live outside core (libsodium).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/clock.h"
#include "core/base/result.h"

namespace core {

// A signed message's timestamp may be at most this far from the receiver's clock, either way.
inline constexpr Seconds kWebhookTolerance{5 * 60};

// The "v1,<base64>" signatures in a webhook-signature header (space separated, other versions skipped).
std::vector<std::string> WebhookV1Signatures(std::string_view header);

// The webhook-timestamp header as seconds since the epoch: digits only, or nullopt.
std::optional<long long> ParseWebhookTimestamp(std::string_view header);

// Ok when `timestamp` is within the tolerance of `now`; otherwise why not (too old / in the future).
Status CheckWebhookTimestamp(long long timestamp, TimePoint now, Seconds tolerance = kWebhookTolerance);

}  // namespace core
