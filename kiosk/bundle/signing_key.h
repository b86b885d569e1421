// The inbox's content signing key (Ed25519, libsodium crypto_sign): made once by `intake-inbox
// make-signing-key`, kept in a file only its owner may read; its public half, in base64, goes into each
// kiosk's kiosk.json (content_updates.public_key). Plus the base64 and SHA-256 helpers bundles use.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "core/base/result.h"

namespace bundle {

struct SigningKey {
  std::string secret;      // crypto_sign secret key, 64 raw bytes
  std::string public_key;  // 32 raw bytes
};

// Makes a new key pair and writes the secret half to `file` (mode 0600, created: an existing file is never
// overwritten). Returns the public key in base64.
core::Result<std::string> MakeSigningKey(const std::filesystem::path& file);
// Reads a key `file` made by MakeSigningKey; refused when group or others may read it.
core::Result<SigningKey> LoadSigningKey(const std::filesystem::path& file);
// A public key as written in kiosk.json (base64 of 32 bytes): the raw bytes, or why not.
core::Result<std::string> DecodePublicKey(std::string_view base64);

std::string SignDetached(const SigningKey& key, std::string_view message);  // 64 raw bytes
bool VerifyDetached(std::string_view public_key, std::string_view message, std::string_view signature);

std::string Base64(std::string_view bytes);
core::Result<std::string> FromBase64(std::string_view text);
std::string Sha256Hex(std::string_view bytes);

}  // namespace bundle
