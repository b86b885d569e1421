// The staff PIN, stored only as an Argon2id hash (libsodium crypto_pwhash_str) in the file config names.
#pragma once

#include <filesystem>
#include <string>

#include "core/base/result.h"

namespace staff {

// A PIN is 4 to 12 digits.
core::Status CheckPinFormat(const std::string& pin);

// Hashes the PIN (Argon2id, interactive limits) and writes the hash to `file` with mode 0600 (replacing it
// atomically). The PIN itself is never written anywhere.
core::Status WritePinHash(const std::filesystem::path& file, const std::string& pin);

// Whether a PIN hash has been set.
bool PinIsSet(const std::filesystem::path& file);

// true: the PIN matches the stored hash. An unreadable or missing file is a problem, not a match.
core::Result<bool> VerifyPin(const std::filesystem::path& file, const std::string& pin);

}  // namespace staff
