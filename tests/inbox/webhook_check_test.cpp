// The Standard Webhooks header rules: signature lists, timestamps and the five-minute window.
#include <doctest/doctest.h>

#include "inbox/rules/webhook_check.h"
#include "store/temp_dir.h"

TEST_CASE("v1 signatures are read from a space-separated list; other versions are skipped") {
  CHECK(core::WebhookV1Signatures("v1,abc") == std::vector<std::string>{"v1,abc"});
  CHECK(core::WebhookV1Signatures("v1a,xyz v1,abc  v1,def") == std::vector<std::string>{"v1,abc", "v1,def"});
  CHECK(core::WebhookV1Signatures("").empty());
  CHECK(core::WebhookV1Signatures("v1, v2,abc").empty());
}

TEST_CASE("a timestamp is digits only") {
  CHECK(core::ParseWebhookTimestamp("1764064800") == 1764064800LL);
  CHECK_FALSE(core::ParseWebhookTimestamp(""));
  CHECK_FALSE(core::ParseWebhookTimestamp("-5"));
  CHECK_FALSE(core::ParseWebhookTimestamp("12.5"));
  CHECK_FALSE(core::ParseWebhookTimestamp("99999999999999999999"));
}

TEST_CASE("a timestamp within five minutes either way is fresh; beyond that it is refused") {
  const core::TimePoint now = store_test::At(0);
  const long long t = std::chrono::duration_cast<core::Seconds>(now.time_since_epoch()).count();
  CHECK(core::CheckWebhookTimestamp(t, now).ok());
  CHECK(core::CheckWebhookTimestamp(t - 300, now).ok());
  CHECK(core::CheckWebhookTimestamp(t + 300, now).ok());
  auto old = core::CheckWebhookTimestamp(t - 301, now);
  REQUIRE_FALSE(old.ok());
  CHECK(old.error().find("old") != std::string::npos);
  auto future = core::CheckWebhookTimestamp(t + 301, now);
  REQUIRE_FALSE(future.ok());
  CHECK(future.error().find("future") != std::string::npos);
}
