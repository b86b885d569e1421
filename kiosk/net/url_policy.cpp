// The delivery URL policy on top of curl's URL API (CURLU), so userinfo tricks such as
// "http://127.0.0.1@example.org" are judged by the host curl would really connect to.
#include "net/url_policy.h"

#include <arpa/inet.h>
#include <netinet/in.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <string_view>

#include "core/base/letter_case.h"
#include "net/http_poster.h"

namespace net {
namespace {

// One URL part as a std::string; empty when the part is absent.
std::string GetPart(CURLU* url, CURLUPart part) {
  char* text = nullptr;
  if (curl_url_get(url, part, &text, 0) != CURLUE_OK || text == nullptr) return {};
  std::string result(text);
  curl_free(text);
  return result;
}

bool IsLoopbackIpv4(const std::string& host) {
  in_addr address{};
  if (inet_pton(AF_INET, host.c_str(), &address) != 1) return false;
  return (ntohl(address.s_addr) >> 24) == 127;
}

bool IsLoopbackIpv6(const std::string& host) {
  if (host.size() < 2 || host.front() != '[' || host.back() != ']') return false;
  const std::string inner = host.substr(1, host.size() - 2);
  in6_addr address{};
  if (inet_pton(AF_INET6, inner.c_str(), &address) != 1) return false;
  return std::memcmp(&address, &in6addr_loopback, sizeof address) == 0;
}

core::Result<AllowedUrl> Refuse(std::string message) {
  return core::Result<AllowedUrl>::Fail("delivery URL refused: " + std::move(message));
}

}  // namespace

bool IsLoopbackHost(const std::string& host) {
  return core::EqualsIgnoringAsciiCase(host, "localhost") || IsLoopbackIpv4(host) || IsLoopbackIpv6(host);
}

core::Result<AllowedUrl> ParseAllowedUrl(const std::string& url) {
  AllowedUrl allowed{std::unique_ptr<CURLU, CurlUrlDeleter>(curl_url()), false};
  if (!allowed.handle) return Refuse("out of memory while parsing it");
  if (curl_url_set(allowed.handle.get(), CURLUPART_URL, url.c_str(), 0) != CURLUE_OK) {
    return Refuse("it is not a valid absolute URL (expected https://host/path)");
  }
  const std::string scheme = GetPart(allowed.handle.get(), CURLUPART_SCHEME);
  const std::string host = GetPart(allowed.handle.get(), CURLUPART_HOST);
  if (host.empty()) return Refuse("it names no host");
  allowed.loopback = IsLoopbackHost(host);
  if (core::EqualsIgnoringAsciiCase(scheme, "https")) return allowed;
  if (core::EqualsIgnoringAsciiCase(scheme, "http")) {
    if (allowed.loopback) return allowed;
    return Refuse("plain http:// is allowed only to 127.0.0.1, [::1] or localhost, not to host \"" + host +
                  "\"; use https://");
  }
  return Refuse("scheme \"" + scheme + "\" is not allowed; use https://");
}

core::Status CheckUrlAllowed(const std::string& url) {
  auto parsed = ParseAllowedUrl(url);
  if (!parsed) return parsed.problems();
  return core::Ok{};
}

}  // namespace net
