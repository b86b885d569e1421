// Verification with the kiosk's own signing code (net::WebhookSignature) and sodium_memcmp over SHA-256
// digests, so neither a signature's nor a token's length or content leaks through timing.
#include "inbox/webhook_verifier.h"

#include <sodium.h>

#include "core/content/secret_file.h"
#include "inbox/rules/webhook_check.h"
#include "net/webhook_signature.h"

namespace inbox {

std::string Sha256(const std::string& text) {
  std::string digest(crypto_hash_sha256_BYTES, '\0');
  crypto_hash_sha256(reinterpret_cast<unsigned char*>(digest.data()),
                     reinterpret_cast<const unsigned char*>(text.data()), text.size());
  return digest;
}

namespace {

bool SameDigest(const std::string& a, const std::string& b) {
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace

core::Result<WebhookVerifier> WebhookVerifier::Load(const core::InboxConfig& config) {
  std::vector<Kiosk> kiosks;
  core::Problems problems;
  for (const auto& [id, k] : config.kiosks) {
    Kiosk kiosk{id, {}, {}};
    for (const auto& file : k.webhook_secret_files) {
      auto secret = core::ReadSecretFile(file);
      auto key = secret ? net::DecodeWebhookSecret(*secret) : core::Result<std::string>(secret.problems());
      if (!key) {
        problems.push_back({file.string(), "",
                            "kiosk \"" + id +
                                "\": not a readable Standard Webhooks secret "
                                "(whsec_ + base64)"});
      } else {
        kiosk.keys.push_back(std::move(*key));
      }
    }
    for (const auto& file : k.bearer_token_files) {
      auto token = core::ReadSecretFile(file);
      if (!token) {
        problems.push_back({file.string(), "", "kiosk \"" + id + "\": " + token.error()});
      } else {
        kiosk.token_digests.push_back(Sha256(*token));
      }
    }
    kiosks.push_back(std::move(kiosk));
  }
  if (!problems.empty()) return problems;
  return WebhookVerifier(std::move(kiosks));
}

core::Result<std::string> WebhookVerifier::Verify(const SignedRequest& r, core::TimePoint now) const {
  using R = core::Result<std::string>;
  if (r.webhook_id.empty() || r.webhook_timestamp.empty() || r.webhook_signature.empty())
    return R::Fail("unsigned: webhook-id, webhook-timestamp and webhook-signature are required");
  auto timestamp = core::ParseWebhookTimestamp(r.webhook_timestamp);
  if (!timestamp) return R::Fail("webhook-timestamp is not a number of seconds");
  if (auto fresh = core::CheckWebhookTimestamp(*timestamp, now); !fresh) return fresh.problems();

  std::vector<std::string> given;
  for (const auto& s : core::WebhookV1Signatures(r.webhook_signature)) given.push_back(Sha256(s));
  const Kiosk* signer = nullptr;
  for (const auto& kiosk : kiosks_) {
    for (const auto& key : kiosk.keys) {
      const std::string expected = Sha256(net::WebhookSignature(key, r.webhook_id, *timestamp, *r.body));
      for (const auto& g : given) {
        if (SameDigest(expected, g) && !signer) signer = &kiosk;
      }
    }
  }
  if (!signer) return R::Fail("webhook-signature does not match any kiosk's secret");
  if (!signer->token_digests.empty()) {
    constexpr std::string_view kBearer = "Bearer ";
    const std::string token =
        r.authorization.starts_with(kBearer) ? r.authorization.substr(kBearer.size()) : "";
    bool known = false;
    for (const auto& digest : signer->token_digests) known |= SameDigest(Sha256(token), digest);
    if (!known) return R::Fail("missing or unknown bearer token");
  }
  return signer->id;
}

}  // namespace inbox
