// Safe JSON parsing (size and depth limits) and a reader that collects every problem with its JSON pointer.
#pragma once

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/base/result.h"
#include "core/content/text.h"

namespace core {

using Json = nlohmann::json;

struct JsonLimits {
  size_t max_bytes = 4 * 1024 * 1024;
  int max_depth = 64;
};

// Parses untrusted JSON; errors name the line and column.
Result<Json> ParseJson(const std::string& text, JsonLimits limits = {});

// Dumps JSON, replacing invalid UTF-8 instead of throwing.
std::string DumpJson(const Json& json, int indent = -1);

// "/steps/2" + "questions" -> "/steps/2/questions" (escaped per RFC 6901).
std::string Child(const std::string& pointer, const std::string& key);
std::string Child(const std::string& pointer, size_t index);

// Reads typed fields out of one file, collecting a Problem for every missing or mistyped one.
class JsonReader {
 public:
  JsonReader(std::string file, Problems& problems, std::vector<std::string> languages = {})
      : file_(std::move(file)), problems_(problems), languages_(std::move(languages)) {}

  void Error(const std::string& pointer, std::string message) const;

  // The member `key` of object `obj`, or null when absent (a Problem when required).
  const Json* Field(const Json& obj, const std::string& pointer, const char* key, bool required) const;
  bool IsObject(const Json& value, const std::string& pointer) const;
  bool IsArray(const Json& value, const std::string& pointer) const;
  void AllowOnly(const Json& obj, const std::string& pointer, std::initializer_list<const char*> keys) const;

  std::string String(const Json& obj, const std::string& pointer, const char* key, bool required) const;
  std::optional<int> Int(const Json& obj, const std::string& pointer, const char* key, bool required,
                         int min = 0, int max = 1000000) const;
  bool Bool(const Json& obj, const std::string& pointer, const char* key, bool fallback) const;
  // A localised text: an object with a non-empty string for every declared language.
  Text LocalText(const Json& obj, const std::string& pointer, const char* key, bool required) const;
  Text LocalText(const Json& value, const std::string& pointer) const;

  const std::string& file() const { return file_; }
  const std::vector<std::string>& languages() const { return languages_; }
  // Codes the manifest declared but refused (e.g. "fr_FR"): already reported there once, so their texts
  // are passed over silently rather than reported again at every text object.
  void IgnoreLanguages(std::vector<std::string> codes) { ignored_ = std::move(codes); }

 private:
  std::string file_;
  Problems& problems_;
  std::vector<std::string> languages_;
  std::vector<std::string> ignored_;
};

const char* JsonTypeName(const Json& value);

// The member `key` of `obj`, or null (which iterates as empty) when `obj` is not an object or lacks it.
const Json& JsonMember(const Json& obj, const char* key);
// The string member `key` of `obj`, or "" when absent or not a string.
std::string JsonString(const Json& obj, const char* key);

}  // namespace core
