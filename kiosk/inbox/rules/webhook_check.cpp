// Standard Webhooks header rules: signature list parsing and the replay window.
#include "inbox/rules/webhook_check.h"

#include <chrono>

namespace core {

std::vector<std::string> WebhookV1Signatures(std::string_view header) {
  std::vector<std::string> out;
  size_t at = 0;
  while (at < header.size()) {
    size_t end = header.find(' ', at);
    if (end == std::string_view::npos) end = header.size();
    std::string_view part = header.substr(at, end - at);
    if (part.starts_with("v1,") && part.size() > 3) out.emplace_back(part);
    at = end + 1;
  }
  return out;
}

std::optional<long long> ParseWebhookTimestamp(std::string_view header) {
  if (header.empty() || header.size() > 12) return std::nullopt;
  long long value = 0;
  for (char c : header) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

Status CheckWebhookTimestamp(long long timestamp, TimePoint now, Seconds tolerance) {
  const long long now_s = std::chrono::duration_cast<Seconds>(now.time_since_epoch()).count();
  if (timestamp < now_s - tolerance.count()) {
    return Status::Fail("webhook-timestamp is more than " + std::to_string(tolerance.count()) +
                        " s old (expired or replayed)");
  }
  if (timestamp > now_s + tolerance.count()) {
    return Status::Fail("webhook-timestamp is more than " + std::to_string(tolerance.count()) +
                        " s in the future (check the kiosk's clock)");
  }
  return Ok{};
}

}  // namespace core
