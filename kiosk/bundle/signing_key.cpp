// Ed25519 keys and signatures with libsodium; the secret key file is written with O_EXCL and mode 0600.
#include "bundle/signing_key.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "core/content/content_loader.h"

namespace bundle {
namespace {

constexpr std::string_view kKeyPrefix = "glowup-content-signing-key-ed25519:";

bool Init() {
  static const bool ok = sodium_init() >= 0;
  return ok;
}

}  // namespace

std::string Base64(std::string_view bytes) {
  std::string out(sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(std::strlen(out.c_str()));
  return out;
}

core::Result<std::string> FromBase64(std::string_view text) {
  std::string out(text.size() / 4 * 3 + 3, '\0');
  size_t length = 0;
  const char* end = nullptr;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(),
                        nullptr, &length, &end, sodium_base64_VARIANT_ORIGINAL) != 0 ||
      end != text.data() + text.size())
    return core::Result<std::string>::Fail("not valid base64");
  out.resize(length);
  return out;
}

std::string Sha256Hex(std::string_view bytes) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  char hex[2 * crypto_hash_sha256_BYTES + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

core::Result<std::string> MakeSigningKey(const std::filesystem::path& file) {
  using R = core::Result<std::string>;
  if (!Init()) return R::Fail("libsodium could not start");
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) {
    if (errno == EEXIST)
      return R::Fail(file.string() +
                     " exists already: a signing key is never overwritten "
                     "(kiosks trust its public key); move it away first to make a new one");
    return R::Fail("cannot create " + file.string() + ": " + std::strerror(errno));
  }
  unsigned char pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES];
  crypto_sign_keypair(pk, sk);
  std::string line = std::string(kKeyPrefix) + Base64({reinterpret_cast<const char*>(sk), sizeof sk}) + "\n";
  sodium_memzero(sk, sizeof sk);
  const bool written = ::fchmod(fd, 0600) == 0 &&
                       ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size()) &&
                       ::fsync(fd) == 0;
  sodium_memzero(line.data(), line.size());
  ::close(fd);
  if (!written) {
    ::unlink(file.c_str());
    return R::Fail("cannot write " + file.string());
  }
  return Base64({reinterpret_cast<const char*>(pk), sizeof pk});
}

core::Result<SigningKey> LoadSigningKey(const std::filesystem::path& file) {
  using R = core::Result<SigningKey>;
  if (!Init()) return R::Fail("libsodium could not start");
  struct stat st {};
  if (::stat(file.c_str(), &st) != 0) return R::Fail(file.string() + ": no such signing key file");
  if ((st.st_mode & 077) != 0) {
    char mode[8];
    std::snprintf(mode, sizeof mode, "%03o", static_cast<unsigned>(st.st_mode & 0777));
    return R::Fail(file.string() + ": the signing key may be read by others (mode " + mode +
                   "): chmod 600 it");
  }
  auto text = core::ReadFile(file, 4096);
  if (!text) return R::Fail(file.string() + ": " + text.error());
  std::string_view line = *text;
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
  if (!line.starts_with(kKeyPrefix)) return R::Fail(file.string() + ": not a key made by make-signing-key");
  auto secret = FromBase64(line.substr(kKeyPrefix.size()));
  if (!secret || secret->size() != crypto_sign_SECRETKEYBYTES)
    return R::Fail(file.string() + ": not a key made by make-signing-key");
  SigningKey key;
  key.secret = std::move(*secret);
  key.public_key.resize(crypto_sign_PUBLICKEYBYTES);
  crypto_sign_ed25519_sk_to_pk(reinterpret_cast<unsigned char*>(key.public_key.data()),
                               reinterpret_cast<const unsigned char*>(key.secret.data()));
  return key;
}

core::Result<std::string> DecodePublicKey(std::string_view base64) {
  auto raw = FromBase64(base64);
  if (!raw || raw->size() != crypto_sign_PUBLICKEYBYTES)
    return core::Result<std::string>::Fail(
        "not an Ed25519 public key (base64 of 32 bytes, as intake-inbox make-signing-key prints it)");
  return raw;
}

std::string SignDetached(const SigningKey& key, std::string_view message) {
  Init();
  std::string sig(crypto_sign_BYTES, '\0');
  crypto_sign_detached(reinterpret_cast<unsigned char*>(sig.data()), nullptr,
                       reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                       reinterpret_cast<const unsigned char*>(key.secret.data()));
  return sig;
}

bool VerifyDetached(std::string_view public_key, std::string_view message, std::string_view signature) {
  if (!Init() || public_key.size() != crypto_sign_PUBLICKEYBYTES || signature.size() != crypto_sign_BYTES)
    return false;
  return crypto_sign_verify_detached(reinterpret_cast<const unsigned char*>(signature.data()),
                                     reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                                     reinterpret_cast<const unsigned char*>(public_key.data())) == 0;
}

}  // namespace bundle
