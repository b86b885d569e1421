// The kiosk's clock set minutes off (the sender's clock shifted; the machine's clock untouched): its signed
// deliveries to a real intake inbox over loopback HTTPS. Within the inbox's 5-minute tolerance they arrive;
// 10 minutes ahead or behind, the inbox refuses the signature and the intake stays queued (not parked) with
// the clock named as the reason, for `kiosk outbox` and for staff mode, then arrives once the clock is right.
// Every network wait is bounded: curl's timeouts, and a post counter that ends a runaway pass.
#include "core/delivery/delivery_words.h"
#include "inbox/inbox_fixture.h"
#include "net/http_poster.h"
#include "sender/sender.h"
#include "store/outbox.h"
#include "store/outbox_report.h"

using namespace inbox_test;

namespace {

constexpr int kMaxPostsPerPass = 5;  // one intake needs one post; more means the pass is looping

struct SkewedKiosk {
  Inbox inbox;
  store_test::TempDir dir;
  std::unique_ptr<store::Outbox> outbox = std::move(*store::Outbox::Open(dir.File("outbox.sqlite")));
  core::ManualClock clock;
  int posts = 0;
  sender::Sender sender;
  std::string id;

  explicit SkewedKiosk(core::Seconds skew)
      : clock(inbox.clock.Now() + skew),
        sender(
            *outbox, Options(), nullptr, clock, [this](const net::PostRequest& r) { return Post(r); },
            [] { return 0.0; }) {  // zero jitter: a retry is due as soon as the policy allows
    Json intake = BaseIntake();
    id = intake["intake_id"];
    REQUIRE(outbox->Put(id, intake.dump(), clock.Now(), false).ok());
  }
  sender::SenderOptions Options() {
    net::InitHttp();
    sender::SenderOptions o;
    o.delivery.url = "https://127.0.0.1:" + std::to_string(inbox.server->port()) + "/intakes";
    o.delivery.ca_file = net_test::Certs().ca;
    o.delivery.timeout_s = 10;
    o.secrets.webhook_key = Key(kSecret1);
    return o;
  }
  core::AttemptResult Post(net::PostRequest request) {
    if (++posts > kMaxPostsPerPass)
      return {core::AttemptResult::Kind::kNetworkError, 0, "", "test: too many posts"};
    request.connect_timeout_s = 5;
    return net::Post(request);
  }
  sender::PassReport Pass() {
    posts = 0;
    auto pass = sender.RunOnce();
    REQUIRE_MESSAGE(pass.ok(), pass.error());
    CHECK(posts <= 1);
    return *pass;
  }
  store::OutboxRow Row() {
    auto rows = outbox->List();
    REQUIRE(rows.ok());
    REQUIRE(rows->size() == 1);
    return rows->front();
  }
};

}  // namespace

TEST_CASE("a kiosk clock 2 or 3 minutes ahead or behind still delivers") {
  for (int minutes : {2, -2, 3, -3}) {
    CAPTURE(minutes);
    SkewedKiosk k{std::chrono::minutes(minutes)};
    auto pass = k.Pass();
    CHECK(pass.delivered == 1);
    CHECK(k.inbox.Count() == 1);
    CHECK(k.Row().state == "delivered");
  }
}

TEST_CASE(
    "a kiosk clock 10 minutes off keeps the intake queued, says the clock is why, and delivers once fixed") {
  for (int minutes : {10, -10}) {
    CAPTURE(minutes);
    SkewedKiosk k{std::chrono::minutes(minutes)};
    auto pass = k.Pass();
    CHECK(pass.delivered == 0);
    CHECK(pass.retried == 1);
    CHECK(pass.parked == 0);
    CHECK(pass.alerts == 1);
    CHECK(k.inbox.Count() == 0);
    store::OutboxRow row = k.Row();
    CHECK(row.state == "pending");  // not parked: nothing is wrong with the intake
    std::string why = std::string("the kiosk's clock is 10 min ") + (minutes > 0 ? "ahead of" : "behind");
    CHECK_MESSAGE(row.last_error.find(why) != std::string::npos, row.last_error);
    CHECK(core::AlertOf(row.last_error) == "alert_clock");  // staff mode's alert names the clock
    auto listing = store::FormatOutboxTable({row});
    CHECK(listing.find(why) != std::string::npos);  // what `kiosk outbox` shows staff

    // Passes before the retry is due post nothing; the intake stays queued.
    CHECK(k.Pass().attempts() == 0);
    CHECK(k.Row().state == "pending");

    k.clock.Set(k.inbox.clock.Now() + std::chrono::hours(2));  // NTP fixed it; the retry is due
    k.inbox.clock.Set(k.clock.Now());
    pass = k.Pass();
    CHECK(pass.delivered == 1);
    CHECK(k.inbox.Count() == 1);
    CHECK(k.Row().state == "delivered");
  }
}
