// Reading the secrets: whitespace around them is ignored; an empty or unreadable file is an error.
#include "sender/delivery_secrets.h"

#include "core/content/secret_file.h"
#include "net/webhook_signature.h"

namespace sender {

namespace {

core::Result<std::string> ReadSecret(const std::string& key, const std::string& file) {
  auto secret = core::ReadSecretFile(file);
  if (!secret) return core::Result<std::string>::Fail("delivery." + key + ": " + secret.error());
  return secret;
}

}  // namespace

core::Result<DeliverySecrets> LoadDeliverySecrets(const core::DeliveryConfig& d) {
  DeliverySecrets out;
  if (!d.webhook_secret_file.empty()) {
    auto secret = ReadSecret("webhook_secret_file", d.webhook_secret_file);
    if (!secret) return secret.problems();
    auto key = net::DecodeWebhookSecret(*secret);
    if (!key) {
      return core::Result<DeliverySecrets>::Fail("delivery.webhook_secret_file: " + d.webhook_secret_file +
                                                 ": not a Standard Webhooks secret (whsec_ + base64)");
    }
    out.webhook_key = *key;
  }
  if (!d.bearer_token_file.empty()) {
    auto token = ReadSecret("bearer_token_file", d.bearer_token_file);
    if (!token) return token.problems();
    out.bearer_token = *token;
  }
  return out;
}

}  // namespace sender
