// One POST with libcurl. TLS is always verified; the response body is read only up to a small cap and
// then dropped unseen (it may echo personal data), so only the status, Retry-After and Date leave this file.
#include "net/http_poster.h"

#include <curl/curl.h>
#include <signal.h>

#include <algorithm>
#include <cctype>
#include <exception>
#include <memory>
#include <mutex>
#include <string_view>

#include "core/base/letter_case.h"
#include "net/url_policy.h"

namespace net {
namespace {

using Kind = core::AttemptResult::Kind;

constexpr size_t kMaxBodyBytesRead = 16 * 1024;  // past this the transfer is cut: the status is known
constexpr size_t kMaxRetryAfterChars = 128;
constexpr size_t kMaxDetailChars = 200;

struct EasyDeleter {
  void operator()(CURL* easy) const { curl_easy_cleanup(easy); }
};
struct SlistDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};
using Easy = std::unique_ptr<CURL, EasyDeleter>;
using Slist = std::unique_ptr<curl_slist, SlistDeleter>;

// What the callbacks collect during one transfer.
struct Transfer {
  std::string retry_after;
  std::string date;
  size_t body_bytes = 0;
  bool body_cut = false;  // we stopped reading the body ourselves
  size_t keep = 0;        // keep_body_bytes of the request
  std::string body;       // kept when keep > 0
  bool too_long = false;  // a kept body passed its limit
};

std::string_view Trim(std::string_view text) {
  const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!text.empty() && blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && blank(text.back())) text.remove_suffix(1);
  return text;
}

// Keeps only Retry-After and Date. No exception may cross curl's C frames: on one, the transfer is aborted.
size_t OnHeader(char* data, size_t size, size_t count, void* user) try {
  auto* transfer = static_cast<Transfer*>(user);
  const std::string_view line(data, size * count);
  if (line.starts_with("HTTP/")) {  // a new response (after a 1xx)
    transfer->retry_after.clear();
    transfer->date.clear();
  }
  const size_t colon = line.find(':');
  if (colon == std::string_view::npos) return size * count;
  const auto name = Trim(line.substr(0, colon));
  const auto value = std::string(Trim(line.substr(colon + 1)).substr(0, kMaxRetryAfterChars));
  if (core::EqualsIgnoringAsciiCase(name, "retry-after")) transfer->retry_after = value;
  if (core::EqualsIgnoringAsciiCase(name, "date")) transfer->date = value;
  return size * count;
} catch (...) {
  return 0;
}

size_t DiscardBody(char* data, size_t size, size_t count, void* user) try {
  auto* transfer = static_cast<Transfer*>(user);
  if (transfer->keep > 0) {
    if (transfer->body.size() + size * count > transfer->keep) {
      transfer->too_long = true;
      return 0;
    }
    transfer->body.append(data, size * count);
    return size * count;
  }
  transfer->body_bytes += size * count;
  if (transfer->body_bytes > kMaxBodyBytesRead) {
    transfer->body_cut = true;
    return 0;  // curl stops with CURLE_WRITE_ERROR
  }
  return size * count;
} catch (...) {  // no exception may cross curl's C frames
  return 0;
}

bool IsToken(std::string_view name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) ||
           std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
  });
}

// Appends one line; false (the list unchanged) when curl is out of memory.
bool Append(Slist& list, const std::string& line) {
  curl_slist* grown = curl_slist_append(list.get(), line.c_str());
  if (grown == nullptr) return false;
  (void)list.release();  // curl appended in place (or made the first node): `grown` is the head now
  list.reset(grown);
  return true;
}

// Content-Type, no "Expect: 100-continue" wait, then the caller's headers. Null when a header is unsafe.
Slist BuildHeaders(const std::vector<std::pair<std::string, std::string>>& extra, std::string* problem) {
  Slist list;
  *problem = "out of memory building request headers";
  if (!Append(list, "Content-Type: application/json") || !Append(list, "Expect:")) return nullptr;
  for (const auto& [name, value] : extra) {
    if (!IsToken(name) || value.find_first_of(std::string_view("\r\n\0", 3)) != std::string::npos) {
      *problem = "refused: request header \"" + (IsToken(name) ? name : std::string("?")) +
                 "\" has a line break or an invalid name";
      return nullptr;
    }
    // "Name;" is curl's way to send a header with an empty value ("Name:" would remove it).
    if (!Append(list, value.empty() ? name + ";" : name + ": " + value)) return nullptr;
  }
  problem->clear();
  return list;
}

Kind KindOf(CURLcode code) {
  switch (code) {
    case CURLE_OPERATION_TIMEDOUT:
      return Kind::kTimeout;
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_ENGINE_SETFAILED:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_USE_SSL_FAILED:
    case CURLE_SSL_ENGINE_INITFAILED:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_SHUTDOWN_FAILED:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_CLIENTCERT:
      return Kind::kTlsError;
    default:
      return Kind::kNetworkError;
  }
}

core::AttemptResult Failure(Kind kind, std::string detail) {
  core::AttemptResult result;
  result.kind = kind;
  result.detail = detail.substr(0, kMaxDetailChars);
  return result;
}

// curl's words for the code, plus its error buffer when that says more (it never holds a response body).
std::string Describe(CURLcode code, const char* errbuf) {
  std::string detail = curl_easy_strerror(code);
  const std::string_view extra = Trim(errbuf);
  if (!extra.empty() && extra != detail) detail += ": " + std::string(extra);
  return detail;
}

// Everything about TLS: verification always on, optional own CA bundle (replacing the system's) and pin.
CURLcode SetTls(CURL* easy, const TlsOptions& tls) {
  CURLcode rc = CURLE_OK;
  const auto set = [&rc](CURLcode result) {
    if (rc == CURLE_OK) rc = result;
  };
  set(curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, 1L));
  set(curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, 2L));
  set(curl_easy_setopt(easy, CURLOPT_SSLVERSION, static_cast<long>(CURL_SSLVERSION_TLSv1_2)));
  if (!tls.ca_file.empty()) {
    set(curl_easy_setopt(easy, CURLOPT_CAINFO, tls.ca_file.c_str()));
    set(curl_easy_setopt(easy, CURLOPT_CAPATH, nullptr));  // else /etc/ssl/certs would still be trusted
  }
  if (!tls.pinned_public_key.empty()) {
    set(curl_easy_setopt(easy, CURLOPT_PINNEDPUBLICKEY, tls.pinned_public_key.c_str()));
  }
  return rc;
}

CURLcode SetTransfer(CURL* easy, const PostRequest& request, const AllowedUrl& url, curl_slist* headers,
                     Transfer* transfer, char* errbuf) {
  CURLcode rc = CURLE_OK;
  const auto set = [&rc](CURLcode result) {
    if (rc == CURLE_OK) rc = result;
  };
  set(curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, errbuf));
  set(curl_easy_setopt(easy, CURLOPT_CURLU, url.handle.get()));
  set(curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "https,http"));
  if (url.loopback) set(curl_easy_setopt(easy, CURLOPT_NOPROXY, "*"));  // loopback never via a proxy
  set(curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 0L));
  set(curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L));
  set(curl_easy_setopt(easy, CURLOPT_USERAGENT, "glowup-kiosk"));
  set(curl_easy_setopt(easy, CURLOPT_HTTPHEADER, headers));
  set(curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size())));
  set(curl_easy_setopt(easy, CURLOPT_POSTFIELDS, request.body.data()));
  set(curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT,
                       static_cast<long>(std::max(1, request.connect_timeout_s))));
  set(curl_easy_setopt(easy, CURLOPT_TIMEOUT, static_cast<long>(std::max(1, request.timeout_s))));
  set(curl_easy_setopt(easy, CURLOPT_LOW_SPEED_LIMIT,
                       static_cast<long>(std::max(0, request.low_speed_bytes_per_s))));
  set(curl_easy_setopt(easy, CURLOPT_LOW_SPEED_TIME,
                       static_cast<long>(std::max(0, request.low_speed_time_s))));
  set(curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, OnHeader));
  set(curl_easy_setopt(easy, CURLOPT_HEADERDATA, transfer));
  set(curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, DiscardBody));
  set(curl_easy_setopt(easy, CURLOPT_WRITEDATA, transfer));
  return rc;
}

core::AttemptResult Classify(CURLcode code, CURL* easy, const Transfer& transfer, const char* errbuf) {
  long status = 0;
  curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
  const bool answered = code == CURLE_OK || (code == CURLE_WRITE_ERROR && transfer.body_cut && status > 0);
  if (transfer.too_long) return Failure(Kind::kNetworkError, "the response was longer than expected");
  if (!answered) return Failure(KindOf(code), Describe(code, errbuf));
  core::AttemptResult result;
  result.kind = Kind::kResponse;
  result.status = static_cast<int>(status);
  result.retry_after = transfer.retry_after;
  result.date = transfer.date;
  result.detail = "HTTP " + std::to_string(status);
  result.body = transfer.body;
  return result;
}

// One handle per thread, kept between posts, so its connection to the endpoint stays open (HTTP keep-alive):
// a drain pass pays one TLS handshake, not one per intake. Every option is cleared after each post
// (curl_easy_reset), which keeps only the handle's connection, TLS session and DNS caches; curl reuses a
// connection only for the same scheme, host, port and TLS settings (CA file, pinned key), checks that it is
// still alive first, and posts again on a fresh one if the server had closed it.
CURL* ThreadEasy() {
  thread_local Easy easy(curl_easy_init());
  return easy.get();
}

struct ClearOptionsAfter {
  CURL* easy;
  ~ClearOptionsAfter() { curl_easy_reset(easy); }
};

}  // namespace

void InitHttp() {
  static std::once_flag once;
  std::call_once(once, [] {
    curl_global_init(CURL_GLOBAL_DEFAULT);
    // With CURLOPT_NOSIGNAL curl no longer ignores SIGPIPE itself, and a TLS write to a peer that hung up
    // would kill the sender. Ignore it unless the process already chose a handler.
    struct sigaction current {};
    if (sigaction(SIGPIPE, nullptr, &current) == 0 && current.sa_handler == SIG_DFL)
      ::signal(SIGPIPE, SIG_IGN);
  });
}

core::AttemptResult Post(const PostRequest& request) try {
  InitHttp();
  auto url = ParseAllowedUrl(request.url);
  if (!url) return Failure(Kind::kTlsError, url.error());  // never sent: staff must fix the URL

  std::string problem;
  Slist headers = BuildHeaders(request.headers, &problem);
  if (!headers) return Failure(Kind::kNetworkError, problem);

  CURL* easy = ThreadEasy();
  if (!easy) return Failure(Kind::kNetworkError, "could not start a transfer (curl_easy_init failed)");
  char errbuf[CURL_ERROR_SIZE] = {};
  Transfer transfer;
  transfer.keep = request.keep_body_bytes;
  ClearOptionsAfter clear{easy};  // before errbuf, transfer and headers go: the handle points at them
  if (const CURLcode rc = SetTls(easy, request.tls); rc != CURLE_OK) {
    return Failure(Kind::kTlsError, "could not apply TLS options: " + Describe(rc, errbuf));
  }
  if (const CURLcode rc = SetTransfer(easy, request, *url, headers.get(), &transfer, errbuf);
      rc != CURLE_OK) {
    return Failure(Kind::kNetworkError, "could not set up the transfer: " + Describe(rc, errbuf));
  }
  const CURLcode code = curl_easy_perform(easy);
  return Classify(code, easy, transfer, errbuf);
} catch (const std::exception&) {  // only std::bad_alloc can get here
  return Failure(Kind::kNetworkError, "out of memory while posting");
}

}  // namespace net
