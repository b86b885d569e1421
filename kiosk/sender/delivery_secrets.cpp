// Reading the secrets: whitespace around them is ignored; an empty or unreadable file is an error.
#include "sender/delivery_secrets.h"

#include "core/content_loader.h"
#include "net/webhook_signature.h"

namespace sender {

namespace {

core::Result<std::string> ReadSecret(const std::string& key, const std::string& file) {
  auto text = core::ReadFile(file, 64 * 1024);
  if (!text) return core::Result<std::string>::Fail("delivery." + key + ": " + file + ": " + text.error());
  std::string s = *text;
  auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos)
    return core::Result<std::string>::Fail("delivery." + key + ": " + file + " is empty");
  s = s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
  return s;
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
