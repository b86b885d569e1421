// The heartbeat loop. Logs say whether heartbeats are taken, never what they carry beyond counts.
#include "sender/heartbeat.h"

#include <spdlog/spdlog.h>

#include <system_error>

#include "core/base/uuid.h"
#include "core/content/content_loader.h"
#include "sender/signed_request.h"

namespace sender {
namespace {

// The content id and version from the content folder's manifest.json ("" when unreadable): what a kiosk
// whose UI has not yet recorded what it runs will start with, unless a published bundle is installed.
std::pair<std::string, std::string> ManifestIdentity(const std::filesystem::path& content_dir) {
  auto text = core::ReadFile(content_dir / "manifest.json", 64 * 1024);
  if (!text) return {};
  auto manifest = core::ParseJson(*text, core::JsonLimits{64 * 1024, 8});
  if (!manifest) return {};
  return {core::JsonString(*manifest, "id"), core::JsonString(*manifest, "version")};
}

std::string Outcome(const core::AttemptResult& r) {
  return r.kind == core::AttemptResult::Kind::kResponse ? "HTTP " + std::to_string(r.status)
                                                        : (r.detail.empty() ? "no answer" : r.detail);
}

}  // namespace

Heartbeat::Heartbeat(store::Outbox& outbox, const SenderOptions& delivery, HeartbeatOptions options,
                     const core::Clock& clock, PostFn post)
    : outbox_(outbox),
      delivery_(delivery),
      options_(std::move(options)),
      clock_(clock),
      post_(std::move(post)) {
  delivery_.delivery.url = options_.url;
  delivery_.delivery.timeout_s = std::min(delivery_.delivery.timeout_s, 10);  // never long in anyone's way
}

core::Result<core::Json> Heartbeat::Build() {
  const core::TimePoint now = clock_.Now();
  auto summary = outbox_.Summary(now, false);
  if (!summary) return summary.problems();
  auto errors = outbox_.WaitingErrors(false);
  if (!errors) return errors.problems();
  core::HeartbeatFacts f;
  f.kiosk_id = delivery_.kiosk_id;
  f.package_version = options_.package_version;
  // The content the UI runs, as it recorded it in the outbox (a published bundle, rolled back or not).
  auto running = outbox_.GetRunningContent();
  if (!running) return running.problems();
  if (*running) {
    f.content_id = (*running)->content_id;
    f.content_version = (*running)->content_version;
  } else {
    std::tie(f.content_id, f.content_version) = ManifestIdentity(options_.content_dir);
  }
  f.waiting = summary->waiting;
  f.parked = summary->parked;
  f.oldest_waiting = core::ParseRfc3339(summary->oldest_waiting_at);
  f.last_delivered = core::ParseRfc3339(summary->last_delivered_at);
  f.waiting_errors = std::move(*errors);
  std::error_code ec;
  auto space = std::filesystem::space(options_.data_dir, ec);
  if (!ec) f.disk_free_bytes = space.available;
  return core::BuildHeartbeat(f, core::NewUuid(), now);
}

core::AttemptResult Heartbeat::SendNow() {
  auto built = Build();
  {
    std::lock_guard lock(mutex_);
    last_sent_ = clock_.Now();
    pass_changed_ = false;
  }
  core::AttemptResult result;
  if (!built) {
    result.detail = "heartbeat not built: " + built.error();
  } else {
    const std::string id = (*built)["heartbeat_id"];
    result = post_(SignedRequest(delivery_, id, clock_.Now(), core::DumpJson(*built)));
  }
  LogOutcome(result);
  return result;
}

void Heartbeat::LogOutcome(const core::AttemptResult& result) {
  const std::string outcome = Outcome(result);
  if (outcome == last_outcome_) return;
  last_outcome_ = outcome;
  const bool taken =
      result.kind == core::AttemptResult::Kind::kResponse && result.status >= 200 && result.status <= 299;
  if (taken) {
    spdlog::info("heartbeats taken by the endpoint ({})", outcome);
  } else if (result.kind == core::AttemptResult::Kind::kResponse && result.status == 404) {
    spdlog::info("the endpoint does not take heartbeats (HTTP 404); intakes are delivered as before");
  } else {
    spdlog::warn("heartbeat not taken: {}; intakes are delivered as before", outcome);
  }
}

void Heartbeat::PassChanged() {
  {
    std::lock_guard lock(mutex_);
    pass_changed_ = woken_ = true;
  }
  wake_.notify_all();
}

void Heartbeat::Run(std::stop_token stop) {
  while (!stop.stop_requested()) {
    bool due;
    {
      std::lock_guard lock(mutex_);
      due = core::HeartbeatDue(last_sent_, clock_.Now(), options_.interval, pass_changed_);
    }
    if (due) SendNow();
    // A pass within kHeartbeatMinGap of the last heartbeat is reported at a later turn of this loop.
    std::unique_lock lock(mutex_);
    wake_.wait_for(lock, stop, std::chrono::seconds(1), [&] { return woken_; });
    woken_ = false;
  }
}

std::optional<HeartbeatOptions> HeartbeatOptionsFrom(const core::Config& config,
                                                     const std::filesystem::path& content_dir,
                                                     const std::filesystem::path& data_dir) {
  if (!config.heartbeat.enabled) return std::nullopt;
  HeartbeatOptions o;
  o.url =
      config.heartbeat.url.empty() ? core::DefaultHeartbeatUrl(config.delivery.url) : config.heartbeat.url;
  if (o.url.empty()) return std::nullopt;
  o.interval = core::Seconds(config.heartbeat.interval_s);
  o.package_version = KIOSK_VERSION;
  o.content_dir = content_dir;
  o.data_dir = data_dir;
  return o;
}

}  // namespace sender
