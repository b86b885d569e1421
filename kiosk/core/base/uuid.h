// Random (version 4) UUIDs for intake ids.
#pragma once

#include <array>
#include <cstdint>
#include <string>

namespace core {

// Formats 16 random bytes as a version 4, variant 1 UUID ("xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx").
std::string UuidV4(std::array<std::uint8_t, 16> random_bytes);
// Uses the operating system's random source (std::random_device).
std::string NewUuid();
bool IsUuid(const std::string& s);

}  // namespace core
