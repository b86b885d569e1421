// The structural check of intake schema v1 (content/schema/intake.schema.json) for receivers: the same
// verdict as a JSON Schema validator on that file (a test compares them), every problem with its pointer.
#pragma once

#include "core/base/result.h"
#include "core/content/json_reader.h"

namespace core {

// Every way `intake` breaks schema v1; empty when it is a valid intake. Messages never quote values.
Problems CheckIntakeV1(const Json& intake);

}  // namespace core
