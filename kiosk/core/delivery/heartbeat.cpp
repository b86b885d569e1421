// The heartbeat document and when to send it.
#include "core/delivery/heartbeat.h"

#include <algorithm>

#include "core/delivery/delivery_words.h"

namespace core {
namespace {

constexpr std::size_t kMaxDetail = 200;

std::string Short(std::string text) {
  // the sender's own words (a status, curl's TLS message): printable ASCII only, bounded
  std::string out;
  for (char c : text) out.push_back(c >= 0x20 && c < 0x7f ? c : '?');
  if (out.size() > kMaxDetail) out = out.substr(0, kMaxDetail - 3) + "...";
  return out;
}

Json Alerts(const HeartbeatFacts& f) {
  Json alerts = Json::array();
  const std::pair<const char*, const char*> kinds[] = {
      {"alert_tls", "tls"}, {"alert_clock", "clock"}, {"alert_auth", "auth"}};
  for (const auto& kind : kinds) {
    // kind.first, not a structured binding: clang 14 cannot capture those in a lambda
    auto it = std::find_if(f.waiting_errors.begin(), f.waiting_errors.end(),
                           [&](const std::string& e) { return AlertOf(e) == kind.first; });
    if (it != f.waiting_errors.end()) alerts.push_back({{"code", kind.second}, {"detail", Short(*it)}});
  }
  if (f.disk_free_bytes && *f.disk_free_bytes < kLowDiskBytes) {
    alerts.push_back(
        {{"code", "disk_low"},
         {"detail", std::to_string(*f.disk_free_bytes / (1024 * 1024)) + " MB free for the outbox"}});
  }
  return alerts;
}

}  // namespace

Json BuildHeartbeat(const HeartbeatFacts& f, const std::string& heartbeat_id, TimePoint now) {
  Json queue = {{"waiting", f.waiting},
                {"parked", f.parked},
                {"oldest_waiting_s", nullptr},
                {"last_delivered_at", nullptr}};
  if (f.oldest_waiting) {
    auto age = std::chrono::duration_cast<Seconds>(now - *f.oldest_waiting).count();
    queue["oldest_waiting_s"] = std::max<long long>(0, age);
  }
  if (f.last_delivered) queue["last_delivered_at"] = ToRfc3339(*f.last_delivered);
  return {{"type", "heartbeat"},
          {"schema_version", kHeartbeatSchemaVersion},
          {"heartbeat_id", heartbeat_id},
          {"kiosk_id", f.kiosk_id},
          {"sent_at", ToRfc3339(now)},
          {"package_version", f.package_version.substr(0, 64)},
          {"content", {{"id", f.content_id.substr(0, 128)}, {"version", f.content_version.substr(0, 64)}}},
          {"queue", queue},
          {"alerts", Alerts(f)}};
}

bool HeartbeatDue(std::optional<TimePoint> last_sent, TimePoint now, Seconds interval, bool pass_changed) {
  if (!last_sent) return true;
  const auto since = now - *last_sent;
  if (since < Seconds(0)) return true;  // the clock was set back: start again
  return since >= interval || (pass_changed && since >= kHeartbeatMinGap);
}

std::string DefaultHeartbeatUrl(const std::string& delivery_url) {
  if (delivery_url.empty()) return {};
  const auto scheme = delivery_url.find("://");
  const auto path = delivery_url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
  if (path == std::string::npos) return delivery_url + "/heartbeats";
  std::string base = delivery_url.substr(0, delivery_url.find_first_of("?#", path));
  return base.substr(0, base.rfind('/') + 1) + "heartbeats";
}

}  // namespace core
