// The webhook signature against an independent HMAC-SHA256: the openssl CLI over the exact signed bytes.
#include <doctest/doctest.h>

#include <fstream>
#include <string>

#include "net/test_certs.h"
#include "net/webhook_signature.h"
#include "store/temp_dir.h"

namespace {

std::string Hex(const std::string& bytes) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) {
    out += digits[c >> 4];
    out += digits[c & 15];
  }
  return out;
}

// "v1," + base64(HMAC-SHA256(key, id.timestamp.body)) as computed by openssl from a file of those bytes.
std::string OpensslSignature(const store_test::TempDir& dir, const std::string& key, const std::string& id,
                             long long timestamp, const std::string& body) {
  const auto file = dir.File("signed-" + id + ".bin");
  std::ofstream(file, std::ios::binary) << id << '.' << timestamp << '.' << body;
  return "v1," + net_test::Capture("openssl dgst -sha256 -mac HMAC -macopt hexkey:" + Hex(key) +
                                   " -binary '" + file.string() + "' | base64");
}

}  // namespace

TEST_CASE("the webhook signature matches openssl's HMAC-SHA256 over id.timestamp.body") {
  store_test::TempDir dir;
  REQUIRE_FALSE(dir.path().empty());
  const std::string body =
      "{\"id\":\"5f0c\",\"answers\":{\"name\":\"Mar\xc3\xad"
      "a\",\"notes\":\"line one\\nline two\"}}\n";

  SUBCASE("a 32-byte key with zero and high bytes") {
    std::string key;
    for (int i = 0; i < 32; ++i) key += static_cast<char>((i * 37 + 200) % 256);
    key[3] = '\0';
    CHECK(net::WebhookSignature(key, "msg_a", 1732525200, body) ==
          OpensslSignature(dir, key, "msg_a", 1732525200, body));
  }
  SUBCASE("a key longer than the hash block, which HMAC hashes first") {
    const std::string key(100, '\x5a');
    CHECK(net::WebhookSignature(key, "msg_b", 1, body) == OpensslSignature(dir, key, "msg_b", 1, body));
  }
  SUBCASE("a secret decoded from whsec_ form") {
    const auto key = net::DecodeWebhookSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    REQUIRE(key.ok());
    CHECK(net::WebhookSignature(*key, "msg_c", 1614265330, body) ==
          OpensslSignature(dir, *key, "msg_c", 1614265330, body));
  }
  SUBCASE("an empty body") {
    const std::string key = "short";
    CHECK(net::WebhookSignature(key, "msg_d", 42, "") == OpensslSignature(dir, key, "msg_d", 42, ""));
  }
}
