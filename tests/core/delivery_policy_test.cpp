// The delivery policy: delivered, retry with full-jitter backoff and Retry-After, park, TLS alerts.
#include "core/delivery/delivery_policy.h"

#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "fixtures.h"

using namespace core_test;
using core::AttemptResult;
using core::BackoffSettings;
using core::Decision;
using core::Seconds;

namespace {

constexpr double kAlmostOne = 0.9999999999;

AttemptResult Response(int status, std::string retry_after = "") {
  AttemptResult r;
  r.kind = AttemptResult::Kind::kResponse;
  r.status = status;
  r.retry_after = std::move(retry_after);
  return r;
}

AttemptResult Failure(AttemptResult::Kind kind, std::string detail) {
  AttemptResult r;
  r.kind = kind;
  r.detail = std::move(detail);
  return r;
}

const core::TimePoint kNow = At(2026, 11, 25, 10, 0, 0);

Decision DecideWith(const AttemptResult& r, int attempts = 1, double u = 0.5, BackoffSettings b = {}) {
  return core::Decide(r, attempts, kNow, b, [u] { return u; });
}

Seconds WaitOf(const Decision& d) {
  return std::chrono::duration_cast<Seconds>(d.next_attempt - kNow);
}

}  // namespace

TEST_SUITE("delivery policy") {
  TEST_CASE("every 2xx status means delivered, with nothing to retry and no alert") {
    for (int status : {200, 201, 202, 204, 299}) {
      CAPTURE(status);
      auto d = DecideWith(Response(status));
      CHECK(d.kind == Decision::Kind::kDelivered);
      CHECK_FALSE(d.alert);
    }
  }

  TEST_CASE("408, 409, 425, 429 and every 5xx are retried, with the status as the reason") {
    for (int status : {408, 409, 425, 429, 500, 502, 503, 504, 599}) {
      CAPTURE(status);
      CHECK(core::IsRetryableStatus(status));
      auto d = DecideWith(Response(status));
      CHECK(d.kind == Decision::Kind::kRetry);
      CHECK(d.reason.rfind("HTTP " + std::to_string(status), 0) == 0);
      CHECK_FALSE(d.alert);
    }
    CHECK(DecideWith(Response(503)).reason == "HTTP 503 Service Unavailable");
    CHECK(DecideWith(Response(429)).reason == "HTTP 429 Too Many Requests");
  }

  TEST_CASE(
      "the endpoint is down on network errors, timeouts, TLS failures, 408, 429 and 5xx, not 409 or 4xx") {
    using K = core::AttemptResult::Kind;
    for (auto kind : {K::kNetworkError, K::kTimeout, K::kTlsError})
      CHECK(core::IsEndpointFailure({kind, 0, "", ""}));
    for (int status : {408, 429, 500, 502, 503, 599})
      CHECK(core::IsEndpointFailure({K::kResponse, status, "", ""}));
    for (int status : {200, 201, 400, 401, 409, 413, 425, 302}) {
      CHECK_FALSE(core::IsEndpointFailure({K::kResponse, status, "", ""}));
    }
  }

  TEST_CASE("other 4xx, 3xx, 1xx and nonsense statuses are parked with the status and its phrase") {
    CHECK(DecideWith(Response(404)).reason == "HTTP 404 Not Found");
    CHECK(DecideWith(Response(400)).reason == "HTTP 400 Bad Request");
    CHECK(DecideWith(Response(401)).reason == "HTTP 401 Unauthorized");
    CHECK(DecideWith(Response(403)).reason == "HTTP 403 Forbidden");
    CHECK(DecideWith(Response(422)).reason == "HTTP 422 Unprocessable Content");
    CHECK(DecideWith(Response(301)).reason == "HTTP 301 Moved Permanently");
    CHECK(DecideWith(Response(308)).reason == "HTTP 308 Permanent Redirect");
    CHECK(DecideWith(Response(499)).reason == "HTTP 499");
    for (int status :
         {100, 101, 300, 302, 304, 400, 401, 403, 404, 405, 410, 413, 415, 422, 451, 499, 0, 600, 999, -1}) {
      CAPTURE(status);
      CHECK_FALSE(core::IsRetryableStatus(status));
      auto d = DecideWith(Response(status));
      CHECK(d.kind == Decision::Kind::kParked);
      CHECK_FALSE(d.alert);
      CHECK(d.reason.rfind("HTTP " + std::to_string(status), 0) == 0);
    }
  }

  TEST_CASE("a parked intake ignores Retry-After") {
    auto d = DecideWith(Response(404, "120"));
    CHECK(d.kind == Decision::Kind::kParked);
  }

  TEST_CASE("network errors and timeouts are retried with the transport's words as the reason") {
    auto refused = DecideWith(Failure(AttemptResult::Kind::kNetworkError, "connection refused"));
    CHECK(refused.kind == Decision::Kind::kRetry);
    CHECK(refused.reason == "network error: connection refused");
    CHECK_FALSE(refused.alert);
    CHECK(DecideWith(Failure(AttemptResult::Kind::kNetworkError, "")).reason == "network error");

    auto timeout = DecideWith(Failure(AttemptResult::Kind::kTimeout, ""));
    CHECK(timeout.kind == Decision::Kind::kRetry);
    CHECK(timeout.reason == "timeout");
    CHECK_FALSE(timeout.alert);
    CHECK(DecideWith(Failure(AttemptResult::Kind::kTimeout, "connect")).reason == "timeout: connect");
  }

  TEST_CASE("a TLS failure stays queued with an alert for staff, using the backoff") {
    auto d = DecideWith(Failure(AttemptResult::Kind::kTlsError, "certificate has expired"), 3, 0.5);
    CHECK(d.kind == Decision::Kind::kRetry);
    CHECK(d.alert);
    CHECK(d.reason == "TLS: certificate has expired");
    CHECK(WaitOf(d) == Seconds{20});  // 0.5 * 10 * 2^2
    CHECK(DecideWith(Failure(AttemptResult::Kind::kTlsError, "")).reason == "TLS error");
    CHECK(DecideWith(Failure(AttemptResult::Kind::kTlsError, " \n ")).reason == "TLS error");
  }

  TEST_CASE("the transport's detail is kept to one short line in the reason") {
    auto d = DecideWith(Failure(AttemptResult::Kind::kNetworkError, "  reset\r\nby peer\t"));
    CHECK(d.reason == "network error: reset  by peer");
    auto long_detail = DecideWith(Failure(AttemptResult::Kind::kNetworkError, std::string(5000, 'x')));
    CHECK(long_detail.reason.size() < 200);
    auto utf8 = DecideWith(Failure(AttemptResult::Kind::kNetworkError, std::string(300, '\xC3') + "\xA9"));
    CHECK(utf8.reason.size() < 200);
  }

  TEST_CASE("a retry is scheduled at now plus the full-jitter delay") {
    auto d = DecideWith(Response(503), 1, 0.5);
    CHECK(d.next_attempt == kNow + Seconds{5});
    CHECK(WaitOf(DecideWith(Response(503), 2, 0.5)) == Seconds{10});
    CHECK(WaitOf(DecideWith(Response(503), 1, 0.0)) == Seconds{1});  // never due again in the same pass
    CHECK(WaitOf(DecideWith(Response(503, "0"), 1, 0.0)) == Seconds{1});
  }

  TEST_CASE("full jitter with u = 0 waits nothing and with u close to 1 waits almost the whole window") {
    BackoffSettings b{Seconds{10}, Seconds{3600}};
    for (int attempts = 1; attempts <= 12; ++attempts) {
      CAPTURE(attempts);
      CHECK(core::FullJitterDelay(attempts, b, 0.0) == Seconds{0});
      long long window = std::min<long long>(3600, 10LL << (attempts - 1));
      Seconds high = core::FullJitterDelay(attempts, b, kAlmostOne);
      CHECK(high.count() >= window - 1);
      CHECK(high.count() <= window);
    }
    CHECK(core::FullJitterDelay(1, b, kAlmostOne) == Seconds{9});
    CHECK(core::FullJitterDelay(4, b, kAlmostOne) == Seconds{79});
  }

  TEST_CASE("full jitter floors u times the window") {
    BackoffSettings b{Seconds{10}, Seconds{3600}};
    CHECK(core::FullJitterDelay(1, b, 0.55) == Seconds{5});
    CHECK(core::FullJitterDelay(3, b, 0.25) == Seconds{10});
    CHECK(core::FullJitterDelay(3, b, 0.26) == Seconds{10});
  }

  TEST_CASE("the backoff window stops growing at the cap") {
    BackoffSettings b{Seconds{10}, Seconds{3600}};
    CHECK(core::FullJitterDelay(9, b, 0.5) == Seconds{1280});   // 2560 / 2
    CHECK(core::FullJitterDelay(10, b, 0.5) == Seconds{1800});  // 5120 capped at 3600
    CHECK(core::FullJitterDelay(11, b, 0.5) == Seconds{1800});
    BackoffSettings small_cap{Seconds{10}, Seconds{5}};
    CHECK(core::FullJitterDelay(1, small_cap, kAlmostOne) == Seconds{4});  // the cap even below the base
  }

  TEST_CASE("huge attempt counts and huge settings never overflow") {
    BackoffSettings b{Seconds{10}, Seconds{3600}};
    for (int attempts : {31, 32, 63, 64, 65, 1000, 1000000, std::numeric_limits<int>::max()}) {
      CAPTURE(attempts);
      Seconds d = core::FullJitterDelay(attempts, b, 0.5);
      CHECK(d == Seconds{1800});
      CHECK(core::FullJitterDelay(attempts, b, kAlmostOne).count() <= 3600);
    }
    BackoffSettings huge{Seconds{std::numeric_limits<Seconds::rep>::max() / 3},
                         Seconds{std::numeric_limits<Seconds::rep>::max()}};
    Seconds d = core::FullJitterDelay(std::numeric_limits<int>::max(), huge, 1.0);
    CHECK(d.count() > 0);
    CHECK(d.count() <= huge.cap.count());
  }

  TEST_CASE("absurd backoff settings still schedule a retry in the future without overflow") {
    BackoffSettings huge{Seconds{std::numeric_limits<Seconds::rep>::max() / 3},
                         Seconds{std::numeric_limits<Seconds::rep>::max()}};
    auto d = DecideWith(Response(503), 100, kAlmostOne, huge);
    CHECK(d.kind == Decision::Kind::kRetry);
    CHECK(d.next_attempt > kNow);
    CHECK(WaitOf(d) <= Seconds{std::numeric_limits<std::int32_t>::max()});
  }

  TEST_CASE("zero, negative and out-of-range inputs give a delay within the window") {
    BackoffSettings b{Seconds{10}, Seconds{3600}};
    CHECK(core::FullJitterDelay(0, b, 0.5) == Seconds{5});  // treated as the first attempt
    CHECK(core::FullJitterDelay(-7, b, 0.5) == Seconds{5});
    CHECK(core::FullJitterDelay(1, b, -1.0) == Seconds{0});
    CHECK(core::FullJitterDelay(1, b, 7.0) == Seconds{10});
    CHECK(core::FullJitterDelay(1, b, std::nan("")) == Seconds{0});
    CHECK(core::FullJitterDelay(3, BackoffSettings{Seconds{0}, Seconds{3600}}, 0.5) == Seconds{0});
    CHECK(core::FullJitterDelay(3, BackoffSettings{Seconds{10}, Seconds{0}}, 0.5) == Seconds{0});
  }

  TEST_CASE("Decide asks for one random number and works without a random source") {
    int calls = 0;
    auto d = core::Decide(Response(503), 2, kNow, {}, [&] {
      ++calls;
      return 0.0;
    });
    CHECK(calls == 1);
    CHECK(d.next_attempt == kNow + Seconds{1});
    auto no_random = core::Decide(Response(503), 2, kNow, {}, nullptr);
    CHECK(no_random.kind == Decision::Kind::kRetry);
    CHECK(WaitOf(no_random) == Seconds{20});
  }

  TEST_CASE("Retry-After in seconds is read, with spaces around it") {
    CHECK(core::ParseRetryAfter("120", kNow) == Seconds{120});
    CHECK(core::ParseRetryAfter("  120 ", kNow) == Seconds{120});
    CHECK(core::ParseRetryAfter("\t0\t", kNow) == Seconds{0});
    CHECK(core::ParseRetryAfter("007", kNow) == Seconds{7});
  }

  TEST_CASE("Retry-After as an HTTP-date is a delay from now") {
    // kNow is Wed, 25 Nov 2026 10:00:00 GMT.
    CHECK(core::ParseRetryAfter("Wed, 25 Nov 2026 10:02:00 GMT", kNow) == Seconds{120});
    CHECK(core::ParseRetryAfter("Thu, 26 Nov 2026 10:00:00 GMT", kNow) == Seconds{86400});
    CHECK(core::ParseRetryAfter(" Wed, 25 Nov 2026 10:00:30 GMT ", kNow) == Seconds{30});
    CHECK(core::ParseRetryAfter("Wednesday, 25-Nov-26 10:01:00 GMT", kNow) == Seconds{60});  // RFC 850
    CHECK(core::ParseRetryAfter("Wed Nov 25 10:00:05 2026", kNow) == Seconds{5});            // asctime
    CHECK(core::ParseRetryAfter("Tue Dec  1 10:00:00 2026", kNow) == Seconds{6 * 86400});
  }

  TEST_CASE("an HTTP-date part-way through the current second is never earlier than asked") {
    auto now = kNow + std::chrono::milliseconds(700);
    CHECK(core::ParseRetryAfter("Wed, 25 Nov 2026 10:00:10 GMT", now) == Seconds{10});
  }

  TEST_CASE("Retry-After dates in the past are a zero delay") {
    CHECK(core::ParseRetryAfter("Sun, 06 Nov 1994 08:49:37 GMT", kNow) == Seconds{0});
    CHECK(core::ParseRetryAfter("Sunday, 06-Nov-94 08:49:37 GMT", kNow) == Seconds{0});
    CHECK(core::ParseRetryAfter("Sun Nov  6 08:49:37 1994", kNow) == Seconds{0});
    CHECK(core::ParseRetryAfter("Wed, 25 Nov 2026 09:59:59 GMT", kNow) == Seconds{0});
  }

  TEST_CASE("unreadable Retry-After values are ignored") {
    for (const char* bad : {"",
                            "   ",
                            "soon",
                            "-5",
                            "+5",
                            "1.5",
                            "12s",
                            "1e3",
                            "0x10",
                            "Wed, 25 Nov 2026 10:02:00",        // no GMT
                            "Wed, 25 Nov 2026 10:02:00 UTC",    // not GMT
                            "Wed, 31 Nov 2026 10:02:00 GMT",    // no such day
                            "Wed, 25 Foo 2026 10:02:00 GMT",    // no such month
                            "Wed, 25 Nov 2026 24:00:00 GMT",    // no such hour
                            "Wed, 25 Nov 2026 10:60:00 GMT",    // no such minute
                            "Xyz, 25 Nov 2026 10:02:00 GMT",    // no such day name
                            "Wed, 5 Nov 2026 10:02:00 GMT",     // one-digit day
                            "Wed, 25 Nov 26 10:02:00 GMT",      // two-digit year in IMF-fixdate
                            "Wed, 25 Nov 2026 10:02:00 GMT x",  // trailing words
                            "2026-11-25T10:02:00Z"}) {
      CAPTURE(bad);
      CHECK_FALSE(core::ParseRetryAfter(bad, kNow).has_value());
    }
  }

  TEST_CASE("a retryable response waits for Retry-After when it is longer than the backoff") {
    auto d = DecideWith(Response(503, "120"), 1, 0.5);
    CHECK(d.kind == Decision::Kind::kRetry);
    CHECK(WaitOf(d) == Seconds{120});
    CHECK(WaitOf(DecideWith(Response(429, "Wed, 25 Nov 2026 10:10:00 GMT"), 1, 0.5)) == Seconds{600});
  }

  TEST_CASE("the backoff wins over a shorter Retry-After, and garbage falls back to the backoff") {
    CHECK(WaitOf(DecideWith(Response(503, "1"), 5, 0.5)) == Seconds{80});
    CHECK(WaitOf(DecideWith(Response(503, "Sun, 06 Nov 1994 08:49:37 GMT"), 5, 0.5)) == Seconds{80});
    CHECK(WaitOf(DecideWith(Response(503, "later please"), 5, 0.5)) == Seconds{80});
  }

  TEST_CASE("a Retry-After beyond a day is capped at 24 hours") {
    CHECK(WaitOf(DecideWith(Response(503, "31536000"))) == Seconds{86400});
    CHECK(WaitOf(DecideWith(Response(503, "99999999999999999999999999"))) == Seconds{86400});
    CHECK(WaitOf(DecideWith(Response(503, "Fri, 31 Dec 9999 23:59:59 GMT"))) == Seconds{86400});
    CHECK(WaitOf(DecideWith(Response(503, "86399"))) == Seconds{86399});
  }

  TEST_CASE("huge Retry-After values parse without overflow") {
    auto seconds = core::ParseRetryAfter("99999999999999999999999999", kNow);
    REQUIRE(seconds.has_value());
    CHECK(seconds->count() >= 2147483647);
    auto far = core::ParseRetryAfter("Fri, 31 Dec 9999 23:59:59 GMT", kNow);
    REQUIRE(far.has_value());
    CHECK(far->count() > 0);
    CHECK(kNow + *far > kNow);
  }
}

TEST_SUITE("clock skew") {
  TEST_CASE("the Date header is IMF-fixdate and reads back as the same moment") {
    CHECK(core::HttpDate(kNow) == "Wed, 25 Nov 2026 10:00:00 GMT");
    CHECK(core::ClockOffset(core::HttpDate(kNow), kNow) == Seconds{0});
    CHECK(core::ClockOffset("Wed, 25 Nov 2026 10:10:00 GMT", kNow) == Seconds{600});
    CHECK_FALSE(core::ClockOffset("", kNow));
    CHECK_FALSE(core::ClockOffset("yesterday", kNow));
  }

  TEST_CASE(
      "a refused signature while the clocks are 10 min apart stays queued with the clock as the reason") {
    AttemptResult r = Response(401);
    r.date = "Wed, 25 Nov 2026 09:50:00 GMT";  // the endpoint is 10 min behind: we are ahead
    Decision d = DecideWith(r);
    CHECK(d.kind == Decision::Kind::kRetry);
    CHECK(d.alert);
    CHECK(d.reason.find("the kiosk's clock is 10 min ahead of the endpoint's") != std::string::npos);
    r.date = "Wed, 25 Nov 2026 10:10:00 GMT";
    CHECK(DecideWith(r).reason.find("10 min behind") != std::string::npos);
  }

  TEST_CASE("a refusal with agreeing clocks, or with no Date, is parked as before") {
    AttemptResult r = Response(401);
    CHECK(DecideWith(r).kind == Decision::Kind::kParked);
    r.date = "Wed, 25 Nov 2026 10:00:30 GMT";
    CHECK(DecideWith(r).kind == Decision::Kind::kParked);
    r = Response(400);
    r.date = "Wed, 25 Nov 2026 09:50:00 GMT";  // not a signature refusal: the intake is the problem
    CHECK(DecideWith(r).kind == Decision::Kind::kParked);
  }
}
