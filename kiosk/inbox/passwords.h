// Staff passwords and session secrets with libsodium: Argon2id hashes (crypto_pwhash_str) and random tokens.
#pragma once

#include <string>

#include "core/base/result.h"

namespace inbox {

// An Argon2id hash string (salt and parameters inside); fails only when memory runs out.
core::Result<std::string> HashPassword(const std::string& password);
// Constant-time check of a password against a stored hash string.
bool PasswordMatches(const std::string& password, const std::string& hash);
// 32 random bytes as URL-safe base64 without padding: session tokens, CSRF tokens.
std::string RandomToken();
// Lowercase hex SHA-256, for storing session tokens without the tokens themselves.
std::string TokenDigest(const std::string& token);
// Constant-time equality of two tokens (of any length).
bool SameToken(const std::string& a, const std::string& b);

}  // namespace inbox
