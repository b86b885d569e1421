// Intake schema v1, checked by hand: closed objects, required keys, the patterns of ids, UUIDs, timestamps,
// languages and base64 PNGs, typed answers (whole numbers included), and the defer <-> wait_days rule of
// flags.
#include "inbox/rules/intake_check.h"

#include "core/base/language_tag.h"
#include "core/content/content.h"  // kNumberLimit

#include <algorithm>
#include <initializer_list>
#include <string_view>

namespace core {
namespace {

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}
bool IsLowerHex(char c) {
  return IsDigit(c) || (c >= 'a' && c <= 'f');
}
bool IsLower(char c) {
  return c >= 'a' && c <= 'z';
}
bool IsBase64Char(char c) {
  return IsDigit(c) || IsLower(c) || (c >= 'A' && c <= 'Z') || c == '+' || c == '/';
}

// ^[a-z0-9_]+$
bool IsId(std::string_view s) {
  return !s.empty() &&
         std::all_of(s.begin(), s.end(), [](char c) { return IsLower(c) || IsDigit(c) || c == '_'; });
}

// Standard base64 with padding that starts like every PNG ("iVBORw0KGgoAAAANSUhEU").
bool IsPngBase64(std::string_view s) {
  constexpr std::string_view kPngStart = "iVBORw0KGgoAAAANSUhEU";
  if (!s.starts_with(kPngStart) || s.size() % 4 != 0 || s.size() < kPngStart.size() + 3) return false;
  size_t padding = s.ends_with("==") ? 2 : s.ends_with("=") ? 1 : 0;
  return std::all_of(s.begin(), s.end() - static_cast<long>(padding), IsBase64Char);
}

// JSON Schema's "integer": a number with no fractional part (2.0 counts), never a boolean.
bool IsInteger(const Json& v) {
  if (v.is_number_integer()) return true;
  return v.is_number_float() &&
         v.get<double>() == static_cast<double>(static_cast<long long>(v.get<double>()));
}

double Number(const Json& v) {
  return v.is_number_unsigned() ? static_cast<double>(v.get<unsigned long long>()) : v.get<double>();
}

}  // namespace

// ^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$
bool IsUuidV4(std::string_view s) {
  if (s.size() != 36) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? s[i] != '-' : !IsLowerHex(s[i])) return false;
  }
  return s[14] == '4' && std::string_view("89ab").find(s[19]) != std::string_view::npos;
}

// YYYY-MM-DDTHH:MM:SS.mmmZ with months 01-12, days 01-31, hours 00-23, minutes 00-59, seconds 00-60.
bool IsTimestampV1(std::string_view s) {
  constexpr std::string_view kShape = "dddd-dd-ddTdd:dd:dd.dddZ";
  if (s.size() != kShape.size()) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (kShape[i] == 'd' ? !IsDigit(s[i]) : s[i] != kShape[i]) return false;
  }
  auto two = [&](size_t at) { return (s[at] - '0') * 10 + (s[at + 1] - '0'); };
  int month = two(5), day = two(8), hour = two(11), minute = two(14), second = two(17);
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour <= 23 && minute <= 59 && second <= 60;
}

namespace {

class IntakeChecker {
 public:
  explicit IntakeChecker(Problems& problems) : problems_(problems) {}

  void Error(const std::string& pointer, std::string message) const {
    problems_.push_back(Problem{"", pointer.empty() ? "/" : pointer, std::move(message)});
  }

  // A closed object with these required and optional keys; false when `v` is not an object.
  bool Object(const Json& v, const std::string& at, std::initializer_list<const char*> required,
              std::initializer_list<const char*> optional = {}) const {
    if (!v.is_object()) {
      Error(at, std::string("must be an object, found ") + JsonTypeName(v));
      return false;
    }
    for (const char* key : required) {
      if (!v.contains(key)) Error(at, std::string("missing required \"") + key + "\"");
    }
    for (const auto& item : v.items()) {
      const std::string& key = item.key();  // a plain name: clang 14 cannot capture a structured binding
      auto is = [&](const char* k) { return key == k; };
      if (std::none_of(required.begin(), required.end(), is) &&
          std::none_of(optional.begin(), optional.end(), is))
        Error(Child(at, key), "unknown key (not in intake schema v1)");
    }
    return true;
  }

  // The string member `key` when present and a string; reports a wrong type.
  const std::string* String(const Json& obj, const std::string& at, const char* key) const {
    auto it = obj.find(key);
    if (it == obj.end()) return nullptr;
    if (!it->is_string()) {
      Error(Child(at, key), std::string("must be a string, found ") + JsonTypeName(*it));
      return nullptr;
    }
    return &it->get_ref<const std::string&>();
  }

  void NonEmpty(const Json& obj, const std::string& at, const char* key) const {
    if (auto s = String(obj, at, key); s && s->empty()) Error(Child(at, key), "must not be empty");
  }

  void Shaped(const Json& obj, const std::string& at, const char* key, bool (*ok)(std::string_view),
              const char* shape) const {
    if (auto s = String(obj, at, key); s && !ok(*s)) Error(Child(at, key), std::string("must be ") + shape);
  }

  void Boolean(const Json& obj, const std::string& at, const char* key) const {
    auto it = obj.find(key);
    if (it != obj.end() && !it->is_boolean())
      Error(Child(at, key), std::string("must be true or false, found ") + JsonTypeName(*it));
  }

  void IntegerAtLeast1(const Json& obj, const std::string& at, const char* key) const {
    auto it = obj.find(key);
    if (it == obj.end()) return;
    if (!IsInteger(*it)) {
      Error(Child(at, key), std::string("must be a whole number, found ") + JsonTypeName(*it));
    } else if (Number(*it) < 1) {
      Error(Child(at, key), "must be at least 1");
    }
  }

  // An object whose keys are ids and whose values each pass `each`.
  template <typename Each>
  void IdMap(const Json& obj, const std::string& at, const char* key, Each each) const {
    auto it = obj.find(key);
    if (it == obj.end()) return;
    const std::string here = Child(at, key);
    if (!it->is_object()) return Error(here, std::string("must be an object, found ") + JsonTypeName(*it));
    for (const auto& [id, value] : it->items()) {
      if (!IsId(id)) Error(Child(here, id), "key must be an id (a-z, 0-9, _)");
      each(value, Child(here, id));
    }
  }

  template <typename Each>
  void Array(const Json& obj, const std::string& at, const char* key, Each each) const {
    auto it = obj.find(key);
    if (it == obj.end()) return;
    const std::string here = Child(at, key);
    if (!it->is_array()) return Error(here, std::string("must be an array, found ") + JsonTypeName(*it));
    for (size_t i = 0; i < it->size(); ++i) each((*it)[i], Child(here, i));
  }

  void Answer(const Json& v, const std::string& at) const {
    if (v.is_boolean() || v.is_string()) return;
    if (v.is_number()) {  // a number question's answer
      bool whole = v.is_number_integer() && v >= 0 && v <= kNumberLimit;
      if (!whole) Error(at, "must be a whole number from 0 to " + std::to_string(kNumberLimit));
      return;
    }
    if (!v.is_array()) {
      return Error(
          at, std::string("must be true/false, a string, a whole number or an array of option ids, found ") +
                  JsonTypeName(v));
    }
    for (size_t i = 0; i < v.size(); ++i) {
      if (!v[i].is_string() || !IsId(v[i].get_ref<const std::string&>()))
        Error(Child(at, i), "must be an option id (a-z, 0-9, _)");
      for (size_t j = 0; j < i; ++j) {
        if (v[j] == v[i]) Error(Child(at, i), "repeats an earlier option");
      }
    }
  }

  void Flag(const Json& v, const std::string& at) const {
    if (!Object(v, at, {"id", "question_id", "tier", "reason"}, {"wait_days"})) return;
    NonEmpty(v, at, "id");
    Shaped(v, at, "question_id", IsId, "a question id (a-z, 0-9, _)");
    NonEmpty(v, at, "reason");
    IntegerAtLeast1(v, at, "wait_days");
    auto tier = v.find("tier");
    if (tier == v.end()) return;
    const bool known = *tier == "stop" || *tier == "defer" || *tier == "review";
    if (!known) Error(Child(at, "tier"), "must be \"stop\", \"defer\" or \"review\"");
    if (*tier == "defer" && !v.contains("wait_days")) Error(at, "a defer flag needs \"wait_days\"");
    if (*tier != "defer" && v.contains("wait_days"))
      Error(Child(at, "wait_days"), "only defer flags have it");
  }

  void Consent(const Json& v, const std::string& at) const {
    if (!Object(v, at, {"id", "version", "accepted"})) return;
    Shaped(v, at, "id", IsId, "a consent id (a-z, 0-9, _)");
    NonEmpty(v, at, "version");
    Boolean(v, at, "accepted");
  }

  void Signature(const Json& v, const std::string& at) const {
    if (v.is_object() && v.contains("method")) {  // confirmed with the keypad by a statement, not drawn
      if (!Object(v, at, {"method", "statement"})) return;
      if (v["method"] != "keyed_confirmation") Error(Child(at, "method"), "must be \"keyed_confirmation\"");
      NonEmpty(v, at, "statement");
      return;
    }
    if (!Object(v, at, {"png_base64", "strokes", "media_type"})) return;
    Shaped(v, at, "png_base64", IsPngBase64, "a PNG image in standard base64");
    IntegerAtLeast1(v, at, "strokes");
    auto media = v.find("media_type");
    if (media != v.end() && *media != "image/png") Error(Child(at, "media_type"), "must be \"image/png\"");
  }

 private:
  Problems& problems_;
};

}  // namespace

Problems CheckIntakeV1(const Json& intake) {
  Problems problems;
  const IntakeChecker c(problems);
  if (!c.Object(intake, "",
                {"schema_version", "intake_id", "kiosk_id", "started_at", "submitted_at", "language",
                 "content", "demo", "answers", "flags", "consents", "signatures"})) {
    return problems;
  }
  if (auto v = intake.find("schema_version"); v != intake.end() && (!v->is_number() || Number(*v) != 1)) {
    c.Error("/schema_version", "must be 1 (this receiver knows schema version 1 only)");
  }
  c.Shaped(intake, "", "intake_id", IsUuidV4, "a lowercase UUID version 4");
  c.NonEmpty(intake, "", "kiosk_id");
  c.Shaped(intake, "", "started_at", IsTimestampV1, "a UTC time like 2026-11-25T10:00:00.000Z");
  c.Shaped(intake, "", "submitted_at", IsTimestampV1, "a UTC time like 2026-11-25T10:00:00.000Z");
  c.Shaped(intake, "", "language", IsLanguageTag, "a language code like \"en\", \"pt-BR\" or \"zh-Hans\"");
  if (auto content = intake.find("content");
      content != intake.end() && c.Object(*content, "/content", {"id", "version"})) {
    c.NonEmpty(*content, "/content", "id");
    c.NonEmpty(*content, "/content", "version");
  }
  c.Boolean(intake, "", "demo");
  c.IdMap(intake, "", "answers", [&](const Json& v, const std::string& at) { c.Answer(v, at); });
  c.Array(intake, "", "flags", [&](const Json& v, const std::string& at) { c.Flag(v, at); });
  c.Array(intake, "", "consents", [&](const Json& v, const std::string& at) { c.Consent(v, at); });
  c.IdMap(intake, "", "signatures", [&](const Json& v, const std::string& at) { c.Signature(v, at); });
  return problems;
}

}  // namespace core
