// Sign-in throttling and HTML escaping for the staff pages, with a manual clock.
#include <doctest/doctest.h>

#include "inbox/rules/staff_rules.h"
#include "store/temp_dir.h"

using store_test::At;

TEST_CASE("four failures in the window leave the name open; the fifth locks it until the oldest ages out") {
  std::vector<core::TimePoint> failures = {At(0), At(60), At(120), At(180)};
  CHECK_FALSE(core::LoginLockedUntil(failures, At(200)));
  failures.push_back(At(240));
  auto locked = core::LoginLockedUntil(failures, At(250));
  REQUIRE(locked);
  CHECK(*locked == At(0) + core::kLoginWindow);
  CHECK_FALSE(core::LoginLockedUntil(failures, At(0) + core::kLoginWindow));
  failures.push_back(At(300));  // a sixth failure pushes the end out
  CHECK(*core::LoginLockedUntil(failures, At(310)) == At(60) + core::kLoginWindow);
}

TEST_CASE("failures older than the window do not count") {
  std::vector<core::TimePoint> failures = {At(0), At(1), At(2), At(3), At(4)};
  CHECK_FALSE(core::LoginLockedUntil(failures, At(4) + core::kLoginWindow + core::Seconds(1)));
}

TEST_CASE("HTML escaping covers text and quoted attributes") {
  CHECK(core::HtmlEscape("<a href=\"x\">Tom & 'Jerry'</a>") ==
        "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;");
  CHECK(core::HtmlEscape("Cicatrices de acné") == "Cicatrices de acné");
}

TEST_CASE(
    "sign-in limits: the address first; a known browser is limited by its own failures only (not the "
    "address: staff behind one NAT with a guest; not the name; not everyone's)") {
  auto times = [](int n) { return std::vector<core::TimePoint>(n, At(100)); };
  core::SignInHistory h;
  CHECK_FALSE(core::SignInLocked(h, At(200)));
  h.address = times(core::kMaxFailuresPerAddress);
  auto locked = core::SignInLocked(h, At(200));
  REQUIRE(locked);
  CHECK(locked->why == "address");
  CHECK(locked->until == At(100) + core::kLoginWindow);
  h.known_device = true;
  // A guest on the clinic's Wi-Fi behind the same address as the front desk locks out new browsers there,
  // not the staff's own.
  CHECK_FALSE(core::SignInLocked(h, At(200)));
  h.name = times(core::kMaxLoginFailures);
  h.overall = times(core::kMaxFailuresOverall);
  CHECK_FALSE(core::SignInLocked(h, At(200)));  // a known browser: not the name's or everyone's failures
  h.device = times(core::kMaxFailuresPerDevice);
  CHECK(core::SignInLocked(h, At(200))->why == "device");
  h.known_device = false;
  CHECK(core::SignInLocked(h, At(200))->why == "address");  // any other browser: its address first
  h.address = times(core::kMaxFailuresPerAddress - 1);
  CHECK(core::SignInLocked(h, At(200))->why == "name");
  h.name.clear();
  CHECK(core::SignInLocked(h, At(200))->why == "overall");
  CHECK_FALSE(core::SignInLocked(h, At(100) + core::kLoginWindow));  // all aged out
}
