// Standard Webhooks signing: "v1," + base64(HMAC-SHA256(secret, "<id>.<timestamp>.<body>")).
#pragma once

#include <string>

#include "core/base/result.h"

namespace net {

// Decodes a "whsec_<base64>" secret (the prefix is optional) to its raw key bytes.
core::Result<std::string> DecodeWebhookSecret(const std::string& secret);

// The webhook-signature header value for one request.
std::string WebhookSignature(const std::string& key, const std::string& id, long long timestamp,
                             const std::string& body);

}  // namespace net
