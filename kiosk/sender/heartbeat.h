// The sender's heartbeat: every few minutes and soon after a delivery pass that did something, one signed
// POST (Standard Webhooks, the intakes' secret) telling the inbox how this kiosk is (core::BuildHeartbeat).
// Its own loop and thread: a heartbeat that fails (an endpoint that does not know heartbeats answers 404,
// or is down) changes nothing about delivery.
#pragma once

#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <optional>
#include <stop_token>
#include <string>

#include "core/base/clock.h"
#include "core/delivery/heartbeat.h"
#include "sender/sender.h"
#include "store/outbox.h"

namespace sender {

struct HeartbeatOptions {
  std::string url;                    // where heartbeats go (core::DefaultHeartbeatUrl by default)
  core::Seconds interval{300};        // heartbeat.interval_s
  std::string package_version;        // this kiosk's package
  std::filesystem::path content_dir;  // its manifest.json: the content until the UI records what it runs
  std::filesystem::path data_dir;     // free space here: the disk_low alert
};

class Heartbeat {
 public:
  // `delivery`: the clinic sender's options (secrets, TLS, kiosk id); the heartbeat goes to options.url.
  Heartbeat(store::Outbox& outbox, const SenderOptions& delivery, HeartbeatOptions options,
            const core::Clock& clock, PostFn post);

  // The heartbeat as it would be sent now (no I/O but the outbox, the disk's free space, and the manifest
  // only while no UI has recorded in the outbox what it runs).
  core::Result<core::Json> Build();
  // Builds, signs and posts one heartbeat; what the transport saw. Logs only when the outcome changes.
  core::AttemptResult SendNow();
  // A delivery pass did something: report it soon (at most every core::kHeartbeatMinGap).
  void PassChanged();
  // Sends heartbeats when due until stopped.
  void Run(std::stop_token stop);

 private:
  void LogOutcome(const core::AttemptResult& result);

  store::Outbox& outbox_;
  SenderOptions delivery_;
  HeartbeatOptions options_;
  const core::Clock& clock_;
  PostFn post_;
  std::mutex mutex_;
  std::condition_variable_any wake_;
  bool pass_changed_ = false;  // a pass did something since the last heartbeat
  bool woken_ = false;
  std::optional<core::TimePoint> last_sent_;
  std::string last_outcome_;
};

// HeartbeatOptions from the kiosk's config; nullopt when heartbeats are off or there is nowhere to send them.
std::optional<HeartbeatOptions> HeartbeatOptionsFrom(const core::Config& config,
                                                     const std::filesystem::path& content_dir,
                                                     const std::filesystem::path& data_dir);

}  // namespace sender
