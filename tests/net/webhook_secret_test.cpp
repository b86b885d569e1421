// Webhook secrets and signatures that need no other process: decoding, and the Standard Webhooks example.
#include <doctest/doctest.h>

#include <string>

#include "net/webhook_signature.h"

TEST_CASE("a whsec_ secret decodes to its raw key bytes, with or without the prefix") {
  const auto with_prefix = net::DecodeWebhookSecret("whsec_AAECA/8=");
  REQUIRE(with_prefix.ok());
  CHECK(*with_prefix == std::string("\x00\x01\x02\x03\xff", 5));
  const auto without = net::DecodeWebhookSecret("AAECA/8=");
  REQUIRE(without.ok());
  CHECK(*without == *with_prefix);
}

TEST_CASE("DecodeWebhookSecret rejects garbage without echoing the secret") {
  for (const std::string secret :
       {"", "whsec_", "whsec_not base64!", "whsec_AAECA/8", "whsec_AAECA/8=trailing", "whsec_AAECA_8=",
        "whsec_ AAECA/8=", "whsec_AAECA/8=\n", "whsec_====", "secret-that-is-not-base64-at-all!!"}) {
    CAPTURE(secret);
    const auto key = net::DecodeWebhookSecret(secret);
    REQUIRE_FALSE(key.ok());
    CHECK_FALSE(key.error().empty());
    if (secret.size() > 6) CHECK(key.error().find(secret) == std::string::npos);
  }
}

// The example in the Standard Webhooks specification (also checked here against openssl's HMAC by hand:
// openssl dgst -sha256 -mac HMAC -macopt hexkey:<key> -binary | base64 gives the same value).
TEST_CASE("the signature matches the Standard Webhooks example") {
  const auto key = net::DecodeWebhookSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
  REQUIRE(key.ok());
  CHECK(net::WebhookSignature(*key, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, R"({"test": 2432232314})") ==
        "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
}

TEST_CASE("the signature changes with the id, the timestamp and the body") {
  const std::string key = "0123456789abcdef0123456789abcdef";
  const std::string base = net::WebhookSignature(key, "msg_1", 1700000000, "{}");
  CHECK(base.starts_with("v1,"));
  CHECK(base.size() == 3 + 44);
  CHECK(net::WebhookSignature(key, "msg_2", 1700000000, "{}") != base);
  CHECK(net::WebhookSignature(key, "msg_1", 1700000001, "{}") != base);
  CHECK(net::WebhookSignature(key, "msg_1", 1700000000, "{ }") != base);
  CHECK(net::WebhookSignature(key + "x", "msg_1", 1700000000, "{}") != base);
}
