// Content published from the inbox, the sender's side: at start and every content_updates.check_every_s it
// reports to the inbox what became of the bundles it fetched (installed, refused, rolled back), then asks
// for the bundle offered to this kiosk (a request signed like an intake). A bundle whose signature does not
// match content_updates.public_key, or that is not a bundle at all, is refused here (recorded for staff and
// reported); a good one is written to <data_dir>/bundles/<id>.json (group-readable: the UI's, never the
// secrets' folder) for the UI, which checks it again and switches on the attract screen.
#pragma once

#include <filesystem>
#include <string>

#include "core/base/clock.h"
#include "sender/sender.h"
#include "store/outbox.h"

namespace sender {

struct ContentUpdateOptions {
  std::string offer_url, report_url;
  std::string public_key;             // 32 raw bytes (Ed25519)
  std::filesystem::path bundles_dir;  // <data_dir>/bundles
};

// What one check did (for the log and `kiosk-sender --once`).
struct ContentCheck {
  int reported = 0;
  std::string fetched;  // the bundle id written for the UI, or ""
  std::string refused;  // why a bundle was refused here, or ""
};

class ContentUpdates {
 public:
  // `sender` gives the TLS options, the signing secret, the kiosk id and user agent of the delivery.
  ContentUpdates(store::Outbox& outbox, const SenderOptions& sender, ContentUpdateOptions options,
                 const core::Clock& clock, PostFn post)
      : outbox_(outbox),
        sender_(sender),
        options_(std::move(options)),
        clock_(clock),
        post_(std::move(post)) {}

  core::Result<ContentCheck> RunOnce();

 private:
  core::Result<int> Report();
  core::Status Fetch(ContentCheck& check);
  core::AttemptResult Send(const std::string& url, const core::Json& body, size_t keep_body_bytes);

  store::Outbox& outbox_;
  const SenderOptions& sender_;
  ContentUpdateOptions options_;
  const core::Clock& clock_;
  PostFn post_;
};

}  // namespace sender
