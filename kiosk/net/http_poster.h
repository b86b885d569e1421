// One HTTPS POST with libcurl: TLS always verified (custom CA or pinned key optional), no redirects,
// connect/total/low-speed timeouts, no signals. Plain HTTP only to a loopback address. Posts from one thread
// share a kept-alive connection to the same endpoint (one TLS handshake for a drain pass).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/base/result.h"
#include "core/delivery/delivery_policy.h"

namespace net {

struct TlsOptions {
  std::string ca_file;            // trust this bundle instead of the system's
  std::string pinned_public_key;  // "sha256//base64"; the server's key must match
};

struct PostRequest {
  std::string url;
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // besides Content-Type: application/json
  TlsOptions tls;
  int timeout_s = 30;
  int connect_timeout_s = 10;
  int low_speed_bytes_per_s = 64;  // slower than this for low_speed_time_s: give up (a trickling server)
  int low_speed_time_s = 15;
  // 0: the response body is dropped unseen (it may echo personal data). More: kept up to this many bytes
  // (a content bundle from the inbox); a longer body fails the transfer.
  size_t keep_body_bytes = 0;
};

// Refuses a URL that is neither https:// nor http:// to a loopback address (127.0.0.0/8, [::1], localhost).
core::Status CheckUrlAllowed(const std::string& url);

// Performs the POST. Never throws; every failure is an AttemptResult (kind and short detail).
core::AttemptResult Post(const PostRequest& request);

// curl_global_init, once per process, before any thread posts. Also ignores SIGPIPE when it is still at its
// default (NOSIGNAL keeps curl from doing so per transfer, and a write to a closed TLS peer would kill us).
void InitHttp();

}  // namespace net
