// Who signed a delivery: the kiosks' webhook keys (several per kiosk, for rotation) and bearer tokens, read
// from the files the inbox config names, and a constant-time check of a request against them.
#pragma once

#include <string>
#include <vector>

#include "core/base/clock.h"
#include "core/base/result.h"
#include "inbox/rules/inbox_config.h"

namespace inbox {

struct SignedRequest {
  std::string webhook_id, webhook_timestamp, webhook_signature, authorization;
  const std::string* body = nullptr;
};

class WebhookVerifier {
 public:
  struct Kiosk {
    std::string id;
    std::vector<std::string> keys;           // raw HMAC keys
    std::vector<std::string> token_digests;  // SHA-256 of each bearer token
  };

  // Errors name the kiosk and the file, never the secret.
  static core::Result<WebhookVerifier> Load(const core::InboxConfig& config);
  explicit WebhookVerifier(std::vector<Kiosk> kiosks) : kiosks_(std::move(kiosks)) {}

  // The id of the kiosk whose key signed the request within the time tolerance (and whose bearer token it
  // carries, when that kiosk has tokens), or why not. Every key is tried, so timing reveals nothing.
  core::Result<std::string> Verify(const SignedRequest& request, core::TimePoint now) const;

 private:
  std::vector<Kiosk> kiosks_;
};

// SHA-256 of `text`, raw bytes (for constant-time comparison of secrets of any length).
std::string Sha256(const std::string& text);

}  // namespace inbox
