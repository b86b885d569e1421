// Standard Webhooks signing with libsodium's HMAC-SHA256 (init/update/final takes a key of any length).
#include "net/webhook_signature.h"

#include <sodium.h>

#include <string_view>

namespace net {
namespace {

// sodium_init once (a thread-safe static). HMAC does not depend on it succeeding: it needs no randomness.
void InitSodium() {
  static const bool ready = sodium_init() >= 0;
  (void)ready;
}

constexpr std::string_view kSecretPrefix = "whsec_";

}  // namespace

core::Result<std::string> DecodeWebhookSecret(const std::string& secret) {
  InitSodium();
  std::string_view encoded = secret;
  if (encoded.starts_with(kSecretPrefix)) encoded.remove_prefix(kSecretPrefix.size());
  if (encoded.empty()) return core::Result<std::string>::Fail("webhook secret is empty");

  std::string key(encoded.size(), '\0');  // base64 always decodes to fewer bytes than it has characters
  size_t key_length = 0;
  const char* end = nullptr;
  const int rc =
      sodium_base642bin(reinterpret_cast<unsigned char*>(key.data()), key.size(), encoded.data(),
                        encoded.size(), nullptr, &key_length, &end, sodium_base64_VARIANT_ORIGINAL);
  const bool whole = end == encoded.data() + encoded.size();
  if (rc != 0 || !whole || key_length == 0) {
    sodium_memzero(key.data(), key.size());
    return core::Result<std::string>::Fail(
        "webhook secret is not valid: expected \"whsec_\" followed by standard base64 (with padding)");
  }
  key.resize(key_length);
  return key;
}

std::string WebhookSignature(const std::string& key, const std::string& id, long long timestamp,
                             const std::string& body) {
  InitSodium();
  const std::string stamp = std::to_string(timestamp);
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(key.data()), key.size());
  auto update = [&state](std::string_view part) {
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(part.data()), part.size());
  };
  update(id);
  update(".");
  update(stamp);
  update(".");
  update(body);
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_final(&state, mac);
  sodium_memzero(&state, sizeof state);

  char encoded[sodium_base64_ENCODED_LEN(crypto_auth_hmacsha256_BYTES, sodium_base64_VARIANT_ORIGINAL)];
  sodium_bin2base64(encoded, sizeof encoded, mac, sizeof mac, sodium_base64_VARIANT_ORIGINAL);
  return std::string("v1,") + encoded;
}

}  // namespace net
