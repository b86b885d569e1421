// Safe JSON parsing and the problem-collecting reader used by the content and config loaders.
#include "core/content/json_reader.h"

#include <algorithm>

namespace core {

Result<Json> ParseJson(const std::string& text, JsonLimits limits) {
  if (text.size() > limits.max_bytes) {
    return Result<Json>::Fail("file is " + std::to_string(text.size()) + " bytes, more than the limit of " +
                              std::to_string(limits.max_bytes));
  }
  bool too_deep = false;
  auto guard = [&](int depth, Json::parse_event_t, Json&) {
    if (depth > limits.max_depth) too_deep = true;
    return !too_deep;
  };
  try {
    Json parsed = Json::parse(text, guard);
    if (too_deep) {
      return Result<Json>::Fail("nesting is deeper than " + std::to_string(limits.max_depth) + " levels");
    }
    return parsed;
  } catch (const Json::parse_error& e) {
    size_t line = 1, column = 1;
    for (size_t i = 0; i + 1 < e.byte && i < text.size(); ++i) {
      if (text[i] == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
    std::string what = e.what();
    if (auto at = what.find("syntax error"); at != std::string::npos) what = what.substr(at);
    return Result<Json>::Fail("invalid JSON at line " + std::to_string(line) + ", column " +
                              std::to_string(column) + ": " + what);
  } catch (const Json::out_of_range&) {  // found by fuzzing: a number too large for a double (1e9999)
    return Result<Json>::Fail("invalid JSON: a number is too large");
  }
}

std::string DumpJson(const Json& json, int indent) {
  return json.dump(indent, ' ', false, Json::error_handler_t::replace);
}

std::string Child(const std::string& pointer, const std::string& key) {
  std::string escaped;
  for (char c : key) {
    if (c == '~') {
      escaped += "~0";
    } else if (c == '/') {
      escaped += "~1";
    } else {
      escaped += c;
    }
  }
  return pointer + "/" + escaped;
}

std::string Child(const std::string& pointer, size_t index) {
  return pointer + "/" + std::to_string(index);
}

const char* JsonTypeName(const Json& value) {
  switch (value.type()) {
    case Json::value_t::null:
      return "null";
    case Json::value_t::object:
      return "an object";
    case Json::value_t::array:
      return "an array";
    case Json::value_t::string:
      return "a string";
    case Json::value_t::boolean:
      return "a boolean";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
      return "an integer";
    case Json::value_t::number_float:
      return "a number";
    default:
      return "an unsupported value";
  }
}

void JsonReader::Error(const std::string& pointer, std::string message) const {
  problems_.push_back(Problem{file_, pointer.empty() ? "/" : pointer, std::move(message)});
}

const Json* JsonReader::Field(const Json& obj, const std::string& pointer, const char* key,
                              bool required) const {
  if (!obj.is_object()) return nullptr;
  auto it = obj.find(key);
  if (it == obj.end()) {
    if (required) Error(pointer, std::string("missing required \"") + key + "\"");
    return nullptr;
  }
  return &*it;
}

bool JsonReader::IsObject(const Json& value, const std::string& pointer) const {
  if (value.is_object()) return true;
  Error(pointer, std::string("must be an object, found ") + JsonTypeName(value));
  return false;
}

bool JsonReader::IsArray(const Json& value, const std::string& pointer) const {
  if (value.is_array()) return true;
  Error(pointer, std::string("must be an array, found ") + JsonTypeName(value));
  return false;
}

void JsonReader::AllowOnly(const Json& obj, const std::string& pointer,
                           std::initializer_list<const char*> keys) const {
  if (!obj.is_object()) return;
  for (const auto& item : obj.items()) {
    const std::string& key = item.key();  // a plain name: clang 14 cannot capture a structured binding
    bool known = std::any_of(keys.begin(), keys.end(), [&](const char* k) { return key == k; });
    if (!known) Error(Child(pointer, key), "unknown key \"" + key + "\" (misspelt?)");
  }
}

std::string JsonReader::String(const Json& obj, const std::string& pointer, const char* key,
                               bool required) const {
  const Json* v = Field(obj, pointer, key, required);
  if (!v) return {};
  if (!v->is_string()) {
    Error(Child(pointer, key), std::string("must be a string, found ") + JsonTypeName(*v));
    return {};
  }
  if (required && v->get_ref<const std::string&>().empty()) Error(Child(pointer, key), "must not be empty");
  return v->get<std::string>();
}

std::optional<int> JsonReader::Int(const Json& obj, const std::string& pointer, const char* key,
                                   bool required, int min, int max) const {
  const Json* v = Field(obj, pointer, key, required);
  if (!v) return std::nullopt;
  if (!v->is_number_integer()) {
    Error(Child(pointer, key), std::string("must be a whole number, found ") + JsonTypeName(*v));
    return std::nullopt;
  }
  if (v->is_number_unsigned() && v->get<unsigned long long>() > static_cast<unsigned long long>(max)) {
    Error(Child(pointer, key), "must be between " + std::to_string(min) + " and " + std::to_string(max) +
                                   ", found " + std::to_string(v->get<unsigned long long>()));
    return std::nullopt;
  }
  auto n = v->get<long long>();
  if (n < min || n > max) {
    Error(Child(pointer, key), "must be between " + std::to_string(min) + " and " + std::to_string(max) +
                                   ", found " + std::to_string(n));
    return std::nullopt;
  }
  return static_cast<int>(n);
}

bool JsonReader::Bool(const Json& obj, const std::string& pointer, const char* key, bool fallback) const {
  const Json* v = Field(obj, pointer, key, false);
  if (!v) return fallback;
  if (!v->is_boolean()) {
    Error(Child(pointer, key), std::string("must be true or false, found ") + JsonTypeName(*v));
    return fallback;
  }
  return v->get<bool>();
}

Text JsonReader::LocalText(const Json& obj, const std::string& pointer, const char* key,
                           bool required) const {
  const Json* v = Field(obj, pointer, key, required);
  return v ? LocalText(*v, Child(pointer, key)) : Text{};
}

Text JsonReader::LocalText(const Json& value, const std::string& pointer) const {
  Text text;
  if (!value.is_object()) {
    Error(pointer, std::string("must be a text object like {\"en\": \"...\"}, found ") + JsonTypeName(value));
    return text;
  }
  for (const auto& [lang, s] : value.items()) {
    if (std::find(ignored_.begin(), ignored_.end(), lang) != ignored_.end()) {
      continue;
    } else if (!s.is_string()) {
      Error(Child(pointer, lang), std::string("must be a string, found ") + JsonTypeName(s));
    } else if (std::find(languages_.begin(), languages_.end(), lang) == languages_.end()) {
      Error(Child(pointer, lang), "language \"" + lang + "\" is not declared in manifest.json");
    } else {
      text.by_language[lang] = s.get<std::string>();
    }
  }
  for (const auto& lang : languages_) {
    auto it = text.by_language.find(lang);
    if (it == text.by_language.end()) {
      Error(pointer, "missing the \"" + lang + "\" text");
    } else if (it->second.empty()) {
      Error(Child(pointer, lang), "must not be empty");
    }
  }
  return text;
}

const Json& JsonMember(const Json& obj, const char* key) {
  static const Json kNull;
  if (!obj.is_object()) return kNull;
  auto it = obj.find(key);
  return it == obj.end() ? kNull : *it;
}

std::string JsonString(const Json& obj, const char* key) {
  const Json& v = JsonMember(obj, key);
  return v.is_string() ? v.get<std::string>() : std::string();
}

}  // namespace core
