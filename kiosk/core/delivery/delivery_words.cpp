// Plain words for delivery outcomes: curl's TLS messages and HTTP statuses sorted into what staff can act on.
#include "core/delivery/delivery_words.h"

#include <algorithm>
#include <cctype>

namespace core {

namespace {

bool Contains(std::string_view text, std::string_view part) {
  auto it = std::search(text.begin(), text.end(), part.begin(), part.end(), [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
  });
  return it != text.end();
}

std::string TlsKey(std::string_view detail) {
  if (Contains(detail, "expired")) return "conn_tls_expired";
  if (Contains(detail, "pinned") || Contains(detail, "public key")) return "conn_tls_pin";
  if (Contains(detail, "subject name") || Contains(detail, "does not match") || Contains(detail, "hostname"))
    return "conn_tls_name";
  if (Contains(detail, "issuer") || Contains(detail, "self-signed") || Contains(detail, "self signed") ||
      Contains(detail, "unknown ca") || Contains(detail, "verify"))
    return "conn_tls_untrusted";
  return "conn_tls_other";
}

}  // namespace

Words DescribeConnection(const AttemptResult& r, TimePoint at) {
  using K = AttemptResult::Kind;
  switch (r.kind) {
    case K::kTlsError:
      return {TlsKey(r.detail), {}, true};
    case K::kTimeout:
      return {"conn_timeout", {}, true};
    case K::kNetworkError:
      return {"conn_unreachable", {}, true};
    case K::kResponse:
      break;
  }
  std::map<std::string, std::string> v{{"status", std::to_string(r.status)}};
  if (r.status >= 200 && r.status <= 299) return {"conn_ok", v, false};
  if (r.status == 401 || r.status == 403) {
    auto offset = at == TimePoint{} ? std::nullopt : ClockOffset(r.date, at);
    if (offset && std::chrono::abs(*offset) > Seconds(60)) {
      auto minutes = (std::chrono::abs(*offset).count() + 30) / 60;
      return {"conn_clock", {{"status", v["status"]}, {"minutes", std::to_string(minutes)}}, true};
    }
    return {"conn_auth", v, true};
  }
  return {"conn_status", v, true};
}

std::string AlertOf(std::string_view last_error) {
  if (last_error.starts_with("TLS")) return "alert_tls";
  if (last_error.starts_with("HTTP 401") || last_error.starts_with("HTTP 403")) return "alert_auth";
  if (last_error.starts_with("the kiosk's clock")) return "alert_clock";  // see core::Decide
  return "";
}

std::string SaveProblemOf(std::string_view store_error) {
  return Contains(store_error, "disk is full") || Contains(store_error, "no space") ? "alert_disk_full"
                                                                                    : "alert_save_failed";
}

}  // namespace core
