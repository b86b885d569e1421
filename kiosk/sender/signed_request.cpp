// Signed requests: the same headers for intakes and for staff's connection test.
#include "sender/signed_request.h"

#include "core/content/json_reader.h"
#include "net/webhook_signature.h"

namespace sender {

net::PostRequest SignedRequest(const SenderOptions& options, const std::string& id, core::TimePoint now,
                               const std::string& body) {
  const auto& d = options.delivery;
  net::PostRequest req;
  req.url = d.url;
  req.body = body;
  req.timeout_s = d.timeout_s;
  req.tls = {d.ca_file, d.pinned_public_key};
  long long timestamp = std::chrono::duration_cast<core::Seconds>(now.time_since_epoch()).count();
  req.headers = {{"Idempotency-Key", id},
                 {"webhook-id", id},
                 {"webhook-timestamp", std::to_string(timestamp)},
                 {"User-Agent", options.user_agent}};
  if (!options.secrets.webhook_key.empty()) {
    req.headers.emplace_back("webhook-signature",
                             net::WebhookSignature(options.secrets.webhook_key, id, timestamp, body));
  }
  if (!options.secrets.bearer_token.empty()) {
    req.headers.emplace_back("Authorization", "Bearer " + options.secrets.bearer_token);
  }
  return req;
}

core::AttemptResult TestConnection(const SenderOptions& options, const std::string& kiosk_id,
                                   const std::string& test_id, core::TimePoint now, const PostFn& post) {
  core::Json body = {{"type", "connection_test"},
                     {"test_id", test_id},
                     {"kiosk_id", kiosk_id},
                     {"sent_at", core::ToRfc3339(now)}};
  net::PostRequest req = SignedRequest(options, test_id, now, core::DumpJson(body));
  req.timeout_s = std::min(req.timeout_s, 15);  // staff are waiting at the screen
  return post(req);
}

}  // namespace sender
