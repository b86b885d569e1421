// Heartbeat schema v1, checked by hand: closed objects, required keys, types, lengths, the UUID and
// timestamp patterns, the alert codes.
#include "inbox/rules/heartbeat_check.h"

#include <algorithm>
#include <initializer_list>
#include <set>
#include <string_view>

#include "inbox/rules/intake_check.h"

namespace core {
namespace {

class HeartbeatChecker {
 public:
  explicit HeartbeatChecker(Problems& problems) : problems_(problems) {}

  void Error(const std::string& pointer, std::string message) const {
    problems_.push_back({"", pointer.empty() ? "/" : pointer, std::move(message)});
  }

  // A closed object with these keys required: false (and a problem) when `v` is not an object.
  bool Object(const Json& v, const std::string& at, std::initializer_list<const char*> keys) const {
    if (!v.is_object()) {
      Error(at, "must be an object");
      return false;
    }
    for (const char* key : keys) {
      if (!v.contains(key)) Error(at, std::string("missing required \"") + key + "\"");
    }
    for (const auto& item : v.items()) {
      const std::string& key = item.key();  // not a structured binding: clang 14 cannot capture those
      if (std::none_of(keys.begin(), keys.end(), [&](const char* k) { return key == k; }))
        Error(at + "/" + key, "is not a property of this object");
    }
    return true;
  }

  void String(const Json& v, const std::string& at, size_t min, size_t max) const {
    if (!v.is_string()) return Error(at, "must be a string");
    const auto size = CodePoints(v.get_ref<const std::string&>());
    if (size < min) Error(at, "is too short");
    if (size > max) Error(at, "is longer than " + std::to_string(max) + " characters");
  }

  void Count(const Json& v, const std::string& at, bool nullable) const {
    if (nullable && v.is_null()) return;
    if (!IsWholeNumber(v))
      return Error(at, nullable ? "must be a whole number or null" : "must be a whole number");
    if (v.is_number_integer() ? v.get<long long>() < 0 && !v.is_number_unsigned() : v.get<double>() < 0)
      Error(at, "must not be negative");
  }

 private:
  static size_t CodePoints(const std::string& s) {
    return static_cast<size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
  }
  static bool IsWholeNumber(const Json& v) {
    if (v.is_number_integer()) return true;
    return v.is_number_float() &&
           v.get<double>() == static_cast<double>(static_cast<long long>(v.get<double>()));
  }
  Problems& problems_;
};

void CheckQueue(const HeartbeatChecker& c, const Json& q) {
  if (!c.Object(q, "/queue", {"waiting", "parked", "oldest_waiting_s", "last_delivered_at"})) return;
  if (q.contains("waiting")) c.Count(q["waiting"], "/queue/waiting", false);
  if (q.contains("parked")) c.Count(q["parked"], "/queue/parked", false);
  if (q.contains("oldest_waiting_s")) c.Count(q["oldest_waiting_s"], "/queue/oldest_waiting_s", true);
  if (q.contains("last_delivered_at")) {
    const Json& at = q["last_delivered_at"];
    if (!at.is_null() && !(at.is_string() && IsTimestampV1(at.get<std::string>())))
      c.Error("/queue/last_delivered_at", "must be an RFC 3339 UTC time with milliseconds, or null");
  }
}

void CheckAlerts(const HeartbeatChecker& c, const Json& alerts) {
  if (!alerts.is_array()) return c.Error("/alerts", "must be an array");
  if (alerts.size() > 4) c.Error("/alerts", "has more than 4 alerts");
  static const std::set<std::string, std::less<>> kCodes = {"tls", "clock", "auth", "disk_low"};
  for (size_t i = 0; i < alerts.size(); ++i) {
    const std::string at = "/alerts/" + std::to_string(i);
    const Json& a = alerts[i];
    if (!c.Object(a, at, {"code", "detail"})) continue;
    if (a.contains("code") && !(a["code"].is_string() && kCodes.contains(a["code"].get<std::string>())))
      c.Error(at + "/code", "must be one of tls, clock, auth, disk_low");
    if (a.contains("detail")) {
      const Json& d = a["detail"];
      if (!d.is_string()) {
        c.Error(at + "/detail", "must be a string");
      } else {
        const auto& s = d.get_ref<const std::string&>();
        if (s.size() > 200) c.Error(at + "/detail", "is longer than 200 characters");
        if (std::any_of(s.begin(), s.end(), [](char ch) { return ch < 0x20 || ch > 0x7e; }))
          c.Error(at + "/detail", "must be printable ASCII");
      }
    }
  }
}

}  // namespace

Problems CheckHeartbeatV1(const Json& h) {
  Problems problems;
  HeartbeatChecker c(problems);
  if (!c.Object(h, "",
                {"type", "schema_version", "heartbeat_id", "kiosk_id", "sent_at", "package_version",
                 "content", "queue", "alerts"}))
    return problems;
  if (h.contains("type") && h["type"] != "heartbeat") c.Error("/type", "must be \"heartbeat\"");
  if (h.contains("schema_version") && !(h["schema_version"].is_number() && h["schema_version"] == 1))
    c.Error("/schema_version", "must be 1");
  if (h.contains("heartbeat_id") &&
      !(h["heartbeat_id"].is_string() && IsUuidV4(h["heartbeat_id"].get<std::string>())))
    c.Error("/heartbeat_id", "must be a lowercase UUID version 4");
  if (h.contains("kiosk_id")) c.String(h["kiosk_id"], "/kiosk_id", 1, 128);
  if (h.contains("sent_at") && !(h["sent_at"].is_string() && IsTimestampV1(h["sent_at"].get<std::string>())))
    c.Error("/sent_at", "must be an RFC 3339 UTC time with milliseconds");
  if (h.contains("package_version")) c.String(h["package_version"], "/package_version", 0, 64);
  if (h.contains("content") && c.Object(h["content"], "/content", {"id", "version"})) {
    if (h["content"].contains("id")) c.String(h["content"]["id"], "/content/id", 0, 128);
    if (h["content"].contains("version")) c.String(h["content"]["version"], "/content/version", 0, 64);
  }
  if (h.contains("queue")) CheckQueue(c, h["queue"]);
  if (h.contains("alerts")) CheckAlerts(c, h["alerts"]);
  return problems;
}

}  // namespace core
