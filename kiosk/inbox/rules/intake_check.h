// The structural check of intake schema v1 (content/schema/intake.schema.json) for receivers: the same
// verdict as a JSON Schema validator on that file (a test compares them), every problem with its pointer.
#pragma once

#include <string_view>

#include "core/base/result.h"
#include "core/content/json_reader.h"

namespace core {

// Every way `intake` breaks schema v1; empty when it is a valid intake. Messages never quote values.
Problems CheckIntakeV1(const Json& intake);

// The schemas' shared patterns: a lowercase UUID version 4; an RFC 3339 UTC time with milliseconds
// (YYYY-MM-DDTHH:MM:SS.mmmZ).
bool IsUuidV4(std::string_view s);
bool IsTimestampV1(std::string_view s);

}  // namespace core
