// The delivery secrets (webhook signing key, bearer token), read from the files config names.
#pragma once

#include <string>

#include "core/base/result.h"
#include "core/content/config.h"

namespace sender {

struct DeliverySecrets {
  std::string webhook_key;   // raw HMAC key bytes; empty: requests are not signed
  std::string bearer_token;  // empty: no Authorization header
};

// Errors name the config key and the file, never the secret.
core::Result<DeliverySecrets> LoadDeliverySecrets(const core::DeliveryConfig& delivery);

}  // namespace sender
