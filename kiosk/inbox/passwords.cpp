// libsodium's password hashing (Argon2id, the library's interactive limits) and randomness.
#include "inbox/passwords.h"

#include <sodium.h>

#include "inbox/webhook_verifier.h"

namespace inbox {
namespace {

bool Init() {
  static const bool ready = sodium_init() >= 0;
  return ready;
}

}  // namespace

core::Result<std::string> HashPassword(const std::string& password) {
  if (!Init()) return core::Result<std::string>::Fail("libsodium could not start");
  char hash[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(hash, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                            crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return core::Result<std::string>::Fail("not enough memory to hash the password");
  }
  return std::string(hash);
}

bool PasswordMatches(const std::string& password, const std::string& hash) {
  if (!Init() || hash.size() >= crypto_pwhash_STRBYTES) return false;
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::string RandomToken() {
  Init();
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  char text[sodium_base64_ENCODED_LEN(sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(text, sizeof text, bytes, sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return text;
}

std::string TokenDigest(const std::string& token) {
  const std::string digest = Sha256(token);
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, reinterpret_cast<const unsigned char*>(digest.data()), digest.size());
  return hex;
}

bool SameToken(const std::string& a, const std::string& b) {
  const std::string da = Sha256(a), db = Sha256(b);
  return !a.empty() && sodium_memcmp(da.data(), db.data(), da.size()) == 0;
}

}  // namespace inbox
