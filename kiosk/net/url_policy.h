// Which delivery URLs may be posted to: https:// anywhere, plain http:// only to a loopback address.
// Internal to kiosk_net: the parsed handle is what curl then uses, so the check and the transfer agree.
#pragma once

#include <curl/curl.h>

#include <memory>
#include <string>

#include "core/base/result.h"

namespace net {

struct CurlUrlDeleter {
  void operator()(CURLU* url) const { curl_url_cleanup(url); }
};

struct AllowedUrl {
  std::unique_ptr<CURLU, CurlUrlDeleter> handle;  // give to CURLOPT_CURLU
  bool loopback = false;                          // host is 127.0.0.0/8, [::1] or localhost
};

// Parses with curl's URL API and applies the policy; the error names the scheme and host, never the
// path or query (which may carry a token).
core::Result<AllowedUrl> ParseAllowedUrl(const std::string& url);

// True for 127.0.0.0/8 in dotted-decimal form, [::1] (any spelling), or "localhost" in any case.
bool IsLoopbackHost(const std::string& host);

}  // namespace net
