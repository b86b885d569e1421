// A block of settings in a config file ("idle": {...}, "listen": {...}): an object whose keys are all known.
// Shared by kiosk.json (core/content/config.cpp) and the inbox's inbox.json (inbox/rules/inbox_config.cpp).
#pragma once

#include <initializer_list>
#include <string>

#include "core/content/json_reader.h"

namespace core {

// `value` is an object holding no key but `keys`: a Problem for it otherwise, and for each other key.
bool ReadBlock(const JsonReader& r, const Json& value, const std::string& pointer,
               std::initializer_list<const char*> keys);

// The same for the member `key` of `obj`: the block, or null when absent (a Problem when required) or not an
// object.
const Json* ReadBlock(const JsonReader& r, const Json& obj, const std::string& pointer, const char* key,
                      bool required, std::initializer_list<const char*> keys);

}  // namespace core
