// A secret (webhook secret, bearer token) kept in its own file: read it with surrounding whitespace removed.
#pragma once

#include <filesystem>
#include <string>

#include "core/base/result.h"

namespace core {

// The trimmed contents; an unreadable or empty file is an error naming the file, never the secret.
Result<std::string> ReadSecretFile(const std::filesystem::path& file);

}  // namespace core
