// The delivery policy: outcome classes, full-jitter backoff and Retry-After (delay-seconds or HTTP-date).
#include "core/delivery/delivery_policy.h"

#include <cstdio>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>

namespace core {

namespace {

// A Retry-After may ask for at most this long: a hostile or broken header cannot park an intake for a year.
constexpr Seconds kMaxRetryAfter{24 * 60 * 60};
// The longest delay anything here returns (RFC 9110 asks recipients to handle delay-seconds up to 2^31):
// `now + delay` never overflows a nanosecond clock, whatever the header or the settings say.
constexpr Seconds kMaxDelay{std::numeric_limits<std::int32_t>::max()};
constexpr size_t kMaxDetail = 160;
// The soonest a retried intake is tried again.
constexpr Seconds kMinRetryDelay{1};

struct Phrase {
  int status;
  const char* text;
};

// Standard reason phrases (RFC 9110 and friends) for the statuses a clinic's endpoint is likely to send.
constexpr Phrase kPhrases[] = {
    {100, "Continue"},
    {101, "Switching Protocols"},
    {103, "Early Hints"},
    {200, "OK"},
    {201, "Created"},
    {202, "Accepted"},
    {204, "No Content"},
    {300, "Multiple Choices"},
    {301, "Moved Permanently"},
    {302, "Found"},
    {303, "See Other"},
    {304, "Not Modified"},
    {307, "Temporary Redirect"},
    {308, "Permanent Redirect"},
    {400, "Bad Request"},
    {401, "Unauthorized"},
    {402, "Payment Required"},
    {403, "Forbidden"},
    {404, "Not Found"},
    {405, "Method Not Allowed"},
    {406, "Not Acceptable"},
    {407, "Proxy Authentication Required"},
    {408, "Request Timeout"},
    {409, "Conflict"},
    {410, "Gone"},
    {411, "Length Required"},
    {412, "Precondition Failed"},
    {413, "Content Too Large"},
    {414, "URI Too Long"},
    {415, "Unsupported Media Type"},
    {416, "Range Not Satisfiable"},
    {417, "Expectation Failed"},
    {421, "Misdirected Request"},
    {422, "Unprocessable Content"},
    {423, "Locked"},
    {425, "Too Early"},
    {426, "Upgrade Required"},
    {428, "Precondition Required"},
    {429, "Too Many Requests"},
    {431, "Request Header Fields Too Large"},
    {451, "Unavailable For Legal Reasons"},
    {500, "Internal Server Error"},
    {501, "Not Implemented"},
    {502, "Bad Gateway"},
    {503, "Service Unavailable"},
    {504, "Gateway Timeout"},
    {505, "HTTP Version Not Supported"},
    {507, "Insufficient Storage"},
    {508, "Loop Detected"},
    {511, "Network Authentication Required"},
};

const char* ReasonPhrase(int status) {
  for (const Phrase& p : kPhrases) {
    if (p.status == status) return p.text;
  }
  return nullptr;
}

// "HTTP 404 Not Found", or "HTTP 499" for a status without a standard phrase.
std::string StatusReason(int status) {
  std::string out = "HTTP " + std::to_string(status);
  if (const char* phrase = ReasonPhrase(status)) out += std::string(" ") + phrase;
  return out;
}

// The transport's words for staff: one line, bounded, never cut inside a UTF-8 sequence.
std::string Clean(std::string_view detail) {
  std::string out;
  for (char c : detail) out += static_cast<unsigned char>(c) < 0x20 || c == 0x7f ? ' ' : c;
  if (out.size() > kMaxDetail) {
    size_t cut = kMaxDetail;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out.resize(cut);
    out += "...";
  }
  size_t end = out.find_last_not_of(' ');
  out.erase(end == std::string::npos ? 0 : end + 1);
  out.erase(0, std::min(out.size(), out.find_first_not_of(' ')));
  return out;
}

// "timeout: connect", or `bare` ("timeout") when the transport said nothing.
std::string WithDetail(const char* what, std::string_view detail, const char* bare) {
  std::string d = Clean(detail);
  return d.empty() ? std::string(bare) : std::string(what) + ": " + d;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}

char Lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool EqualsNoCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return Lower(x) == Lower(y); });
}

// Consumes exactly `n` digits.
std::optional<int> Digits(std::string_view& s, size_t n) {
  if (s.size() < n) return std::nullopt;
  int v = 0;
  for (size_t i = 0; i < n; ++i) {
    if (!IsDigit(s[i])) return std::nullopt;
    v = v * 10 + (s[i] - '0');
  }
  s.remove_prefix(n);
  return v;
}

bool Literal(std::string_view& s, std::string_view lit) {
  if (s.size() < lit.size() || !EqualsNoCase(s.substr(0, lit.size()), lit)) return false;
  s.remove_prefix(lit.size());
  return true;
}

// "Nov" -> 11.
std::optional<unsigned> Month(std::string_view& s) {
  static constexpr std::array<std::string_view, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  for (size_t i = 0; i < kMonths.size(); ++i) {
    if (Literal(s, kMonths[i])) return static_cast<unsigned>(i + 1);
  }
  return std::nullopt;
}

// "Sun" (long: "Sunday"). The weekday is checked for spelling only: the date itself is what counts.
bool DayName(std::string_view& s, bool long_form) {
  static constexpr std::array<std::string_view, 7> kShort = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  static constexpr std::array<std::string_view, 7> kLong = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                                            "Friday", "Saturday", "Sunday"};
  for (size_t i = 0; i < kShort.size(); ++i) {
    if (Literal(s, long_form ? kLong[i] : kShort[i])) return true;
  }
  return false;
}

// "08:49:37"
std::optional<Seconds> TimeOfDay(std::string_view& s) {
  auto h = Digits(s, 2);
  if (!h || !Literal(s, ":")) return std::nullopt;
  auto m = Digits(s, 2);
  if (!m || !Literal(s, ":")) return std::nullopt;
  auto sec = Digits(s, 2);
  if (!sec || *h > 23 || *m > 59 || *sec > 60) return std::nullopt;  // 60: a leap second
  return std::chrono::hours{*h} + std::chrono::minutes{*m} + Seconds{*sec};
}

std::optional<std::chrono::sys_seconds> Moment(int y, unsigned m, unsigned d, Seconds time) {
  using namespace std::chrono;
  year_month_day ymd{year{y}, month{m}, day{d}};
  if (y < 1 || !ymd.ok()) return std::nullopt;
  return sys_days{ymd} + time;
}

// IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT"
std::optional<std::chrono::sys_seconds> ImfFixdate(std::string_view s) {
  if (!DayName(s, false) || !Literal(s, ", ")) return std::nullopt;
  auto d = Digits(s, 2);
  if (!d || !Literal(s, " ")) return std::nullopt;
  auto m = Month(s);
  if (!m || !Literal(s, " ")) return std::nullopt;
  auto y = Digits(s, 4);
  if (!y || !Literal(s, " ")) return std::nullopt;
  auto t = TimeOfDay(s);
  if (!t || !Literal(s, " GMT") || !s.empty()) return std::nullopt;
  return Moment(*y, *m, static_cast<unsigned>(*d), *t);
}

// Obsolete RFC 850: "Sunday, 06-Nov-94 08:49:37 GMT". A two-digit year more than 50 years ahead of `now`
// is in the previous century (RFC 9110, section 5.6.7).
std::optional<std::chrono::sys_seconds> Rfc850(std::string_view s, TimePoint now) {
  if (!DayName(s, true) || !Literal(s, ", ")) return std::nullopt;
  auto d = Digits(s, 2);
  if (!d || !Literal(s, "-")) return std::nullopt;
  auto m = Month(s);
  if (!m || !Literal(s, "-")) return std::nullopt;
  auto yy = Digits(s, 2);
  if (!yy || !Literal(s, " ")) return std::nullopt;
  auto t = TimeOfDay(s);
  if (!t || !Literal(s, " GMT") || !s.empty()) return std::nullopt;
  using namespace std::chrono;
  int this_year = static_cast<int>(year_month_day{floor<days>(now)}.year());
  int y = this_year - this_year % 100 + *yy;
  if (y > this_year + 50) y -= 100;
  return Moment(y, *m, static_cast<unsigned>(*d), *t);
}

// asctime: "Sun Nov  6 08:49:37 1994" (the day padded with a space, or two digits).
std::optional<std::chrono::sys_seconds> Asctime(std::string_view s) {
  if (!DayName(s, false) || !Literal(s, " ")) return std::nullopt;
  auto m = Month(s);
  if (!m || !Literal(s, " ")) return std::nullopt;
  std::optional<int> d;
  if (Literal(s, " ")) {
    d = Digits(s, 1);
  } else {
    d = Digits(s, 2);
  }
  if (!d || !Literal(s, " ")) return std::nullopt;
  auto t = TimeOfDay(s);
  if (!t || !Literal(s, " ")) return std::nullopt;
  auto y = Digits(s, 4);
  if (!y || !s.empty()) return std::nullopt;
  return Moment(*y, *m, static_cast<unsigned>(*d), *t);
}

std::optional<Seconds> DelaySeconds(std::string_view s) {
  std::int64_t v = 0;
  for (char c : s) {
    if (!IsDigit(c)) return std::nullopt;
    v = std::min<std::int64_t>(v * 10 + (c - '0'), kMaxDelay.count());
  }
  return Seconds{v};
}

Decision Retry(std::string reason, TimePoint now, Seconds delay, bool alert = false) {
  Decision d;
  d.kind = Decision::Kind::kRetry;
  // At least a second later: a zero jitter or "Retry-After: 0" must not make the intake due again within
  // the same pass (under a stopped clock the sender would post it forever). Absurd settings cannot
  // overflow the clock.
  d.next_attempt = now + std::clamp(delay, kMinRetryDelay, kMaxDelay);
  d.reason = std::move(reason);
  d.alert = alert;
  return d;
}

}  // namespace

bool IsRetryableStatus(int status) {
  return status == 408 || status == 409 || status == 425 || status == 429 || (status >= 500 && status <= 599);
}

bool IsEndpointFailure(const AttemptResult& result) {
  if (result.kind != AttemptResult::Kind::kResponse) return true;
  return result.status == 408 || result.status == 429 || (result.status >= 500 && result.status <= 599);
}

Seconds FullJitterDelay(int attempts, const BackoffSettings& backoff, double uniform01) {
  const std::int64_t base = backoff.base.count(), cap = backoff.cap.count();
  if (base <= 0 || cap <= 0) return Seconds{0};
  // min(cap, base * 2^(attempts-1)) by doubling, stopping before it could pass the cap (or overflow).
  std::int64_t window = std::min(base, cap);
  for (int i = 1; i < attempts && window < cap; ++i) window = window > cap / 2 ? cap : window * 2;
  double u = std::isnan(uniform01) ? 0.0 : std::clamp(uniform01, 0.0, 1.0);
  double delay = std::floor(u * static_cast<double>(window));
  if (delay >= static_cast<double>(window)) return Seconds{window};
  return Seconds{static_cast<std::int64_t>(delay)};
}

namespace {
std::optional<std::chrono::sys_seconds> HttpDateValue(std::string_view s, TimePoint now) {
  auto when = ImfFixdate(s);
  if (!when) when = Rfc850(s, now);
  if (!when) when = Asctime(s);
  return when;
}

// A refusal of our signature while the endpoint's clock is this far from ours: the clock is the reason.
constexpr Seconds kClockSkewNoticed{60};

// "the kiosk's clock is 10 min ahead of the endpoint's": whole minutes from two minutes on.
std::string ClockSkewReason(Seconds offset) {
  long long off = -offset.count();  // ours minus theirs
  long long size = off < 0 ? -off : off;
  std::string amount = size >= 120 ? std::to_string(size / 60) + " min" : std::to_string(size) + " s";
  return "the kiosk's clock is " + amount + (off > 0 ? " ahead of" : " behind") +
         " the endpoint's, so it refused the signature: set the kiosk's time (NTP); kept queued";
}
}  // namespace

std::optional<Seconds> ClockOffset(std::string_view date_header, TimePoint now) {
  auto when = HttpDateValue(Trim(date_header), now);
  if (!when) return std::nullopt;
  return *when - std::chrono::floor<Seconds>(now);
}

std::string HttpDate(TimePoint t) {
  using namespace std::chrono;
  static const char* const kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  auto day = floor<days>(t);
  year_month_day ymd{day};
  hh_mm_ss hms{floor<Seconds>(t - day)};
  char out[40];
  std::snprintf(out, sizeof out, "%s, %02u %s %04d %02lld:%02lld:%02lld GMT",
                kDays[weekday{day}.c_encoding()], static_cast<unsigned>(ymd.day()),
                kMonths[static_cast<unsigned>(ymd.month()) - 1], static_cast<int>(ymd.year()),
                static_cast<long long>(hms.hours().count()), static_cast<long long>(hms.minutes().count()),
                static_cast<long long>(hms.seconds().count()));
  return out;
}

std::optional<Seconds> ParseRetryAfter(std::string_view value, TimePoint now) {
  std::string_view s = Trim(value);
  if (s.empty()) return std::nullopt;
  if (IsDigit(s.front())) return DelaySeconds(s);
  auto when = HttpDateValue(s, now);
  if (!when) return std::nullopt;
  // Whole seconds from the start of the current second: never earlier than the date asked for.
  Seconds delay = *when - std::chrono::floor<Seconds>(now);
  return std::clamp(delay, Seconds{0}, kMaxDelay);
}

Decision Decide(const AttemptResult& result, int attempts, TimePoint now, const BackoffSettings& backoff,
                const std::function<double()>& uniform01) {
  // Without a random source, wait the whole window rather than hammer the clinic.
  auto backoff_delay = [&] { return FullJitterDelay(attempts, backoff, uniform01 ? uniform01() : 1.0); };
  using K = AttemptResult::Kind;
  switch (result.kind) {
    case K::kTimeout:
      return Retry(WithDetail("timeout", result.detail, "timeout"), now, backoff_delay());
    case K::kNetworkError:
      return Retry(WithDetail("network error", result.detail, "network error"), now, backoff_delay());
    case K::kTlsError:
      return Retry(WithDetail("TLS", result.detail, "TLS error"), now, backoff_delay(), true);
    case K::kResponse:
      break;
  }
  if (result.status >= 200 && result.status <= 299) {
    Decision d;
    d.kind = Decision::Kind::kDelivered;
    return d;
  }
  if (IsRetryableStatus(result.status)) {
    // Retry-After only lengthens the wait (never below the backoff), and at most to a day.
    Seconds delay = backoff_delay();
    if (auto asked = ParseRetryAfter(result.retry_after, now))
      delay = std::max(delay, std::min(*asked, kMaxRetryAfter));
    return Retry(StatusReason(result.status), now, delay);
  }
  // A signature refused while our clocks disagree is the kiosk's clock, not the intake: fixable, so it
  // stays queued with an alert instead of being parked.
  if (result.status == 401 || result.status == 403) {
    if (auto offset = ClockOffset(result.date, now); offset && std::chrono::abs(*offset) > kClockSkewNoticed)
      return Retry(ClockSkewReason(*offset), now, backoff_delay(), true);
  }
  Decision d;
  d.kind = Decision::Kind::kParked;
  d.reason = StatusReason(result.status);
  return d;
}

}  // namespace core
