// What to do after one delivery attempt: delivered, retry later (full-jitter exponential backoff,
// honouring Retry-After), park for staff, or keep queued with a TLS alert. Pure: the sender applies it.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/base/clock.h"

namespace core {

// The outcome of one POST as the transport saw it.
struct AttemptResult {
  enum class Kind {
    kResponse,      // an HTTP response arrived: see status
    kNetworkError,  // DNS, refused, reset, dropped connection
    kTimeout,       // connect, total or low-speed timeout
    kTlsError,      // unknown CA, expired, name mismatch, wrong pin: never sent insecurely
  };
  Kind kind = Kind::kNetworkError;
  int status = 0;           // kResponse
  std::string retry_after;  // the Retry-After header, as received (may be empty)
  std::string detail;       // short words for staff, never a response body
  std::string date{};       // the Date header (the endpoint's clock), as received (may be empty)
  std::string body{};       // the response body, only when the request asked to keep it (content bundles)
};

struct BackoffSettings {
  Seconds base{10};
  Seconds cap{3600};
};

struct Decision {
  enum class Kind { kDelivered, kRetry, kParked };
  Kind kind = Kind::kRetry;
  TimePoint next_attempt{};  // kRetry
  std::string reason;        // kRetry, kParked: short, for staff and `kiosk outbox` (no personal data)
  bool alert = false;        // kRetry after a TLS failure: staff must look (certificate, pin, CA)
};

// A retry is never sooner than one second after `now` (even with zero jitter or Retry-After: 0).
// `attempts`: how many attempts have been made, this one included (1 for the first).
// `uniform01`: a random number in [0, 1) (injected so tests are repeatable).
Decision Decide(const AttemptResult& result, int attempts, TimePoint now, const BackoffSettings& backoff,
                const std::function<double()>& uniform01);

// Full jitter: a random delay in [0, min(cap, base * 2^(attempts-1))].
Seconds FullJitterDelay(int attempts, const BackoffSettings& backoff, double uniform01);

// Retry-After as delay-seconds ("120") or an HTTP-date ("Wed, 21 Oct 2015 07:28:00 GMT"), relative to now;
// nullopt when absent or unreadable. A date in the past is a zero delay.
std::optional<Seconds> ParseRetryAfter(std::string_view value, TimePoint now);

// Whether a failed attempt says the endpoint itself is unreachable or overloaded (network, timeout, TLS,
// 408, 429, 5xx) rather than something about this one intake: the sender then stops its pass and probes
// again later with the oldest intake instead of trying every queued one against a dead endpoint.
bool IsEndpointFailure(const AttemptResult& result);

// The endpoint's clock minus ours, from a Date header (IMF-fixdate, RFC 850 or asctime); nullopt if absent
// or unreadable.
std::optional<Seconds> ClockOffset(std::string_view date_header, TimePoint now);

// The Date header for `t`: IMF-fixdate, e.g. "Wed, 25 Nov 2026 10:00:00 GMT".
std::string HttpDate(TimePoint t);

// Statuses that are worth retrying: 408, 409, 425, 429 and 5xx.
bool IsRetryableStatus(int status);

}  // namespace core
