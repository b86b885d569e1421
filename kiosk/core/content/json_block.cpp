// A block of settings: an object of known keys (see json_block.h).
#include "core/content/json_block.h"

namespace core {

bool ReadBlock(const JsonReader& r, const Json& value, const std::string& pointer,
               std::initializer_list<const char*> keys) {
  if (!r.IsObject(value, pointer)) return false;
  r.AllowOnly(value, pointer, keys);
  return true;
}

const Json* ReadBlock(const JsonReader& r, const Json& obj, const std::string& pointer, const char* key,
                      bool required, std::initializer_list<const char*> keys) {
  const Json* block = r.Field(obj, pointer, key, required);
  return block && ReadBlock(r, *block, Child(pointer, key), keys) ? block : nullptr;
}

}  // namespace core
