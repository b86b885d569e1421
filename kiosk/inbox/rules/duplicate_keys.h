// Duplicate member names in JSON text. nlohmann/json keeps the last of two equal keys while a first-key-wins
// reader sees the other, so a signed intake with "kiosk_id" twice would mean different things to different
// readers: the inbox refuses it and names where.
#pragma once

#include <optional>
#include <string>

namespace core {

// The JSON pointer of the first member whose name repeats an earlier one in the same object, or nullopt.
// `text` must already be known to parse (the caller parsed it with its limits).
std::optional<std::string> FirstDuplicateKey(const std::string& text);

}  // namespace core
