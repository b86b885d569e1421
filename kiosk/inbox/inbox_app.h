// One running inbox: its config, the clinic's content versions, the database and everything built on them.
// Made once at start-up (every file problem reported before listening) and shared by the HTTP threads.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>

#include "bundle/signing_key.h"
#include "core/base/clock.h"
#include "core/content/content.h"
#include "inbox/fleet_store.h"
#include "inbox/heartbeat_receiver.h"
#include "inbox/inbox_db.h"
#include "inbox/intake_store.h"
#include "inbox/publish_store.h"
#include "inbox/receiver.h"
#include "inbox/rules/inbox_config.h"
#include "inbox/rules/known_contents.h"
#include "inbox/staff_store.h"
#include "inbox/webhook_verifier.h"

namespace inbox {

class InboxApp {
 public:
  // Loads content, secrets and the database (data_dir/inbox.sqlite, the folder made if missing, or the
  // PostgreSQL database the config names), its schema migrated.
  static core::Result<std::unique_ptr<InboxApp>> Open(core::InboxConfig config, const core::Clock& clock);

  const core::InboxConfig& config() const { return config_; }
  // The current content (the staff pages' words, the CSV columns) and every version intakes are checked with.
  const core::Content& content() const { return contents_.Current(); }
  const core::KnownContents& contents() const { return contents_; }
  const core::Clock& clock() const { return clock_; }
  InboxDb& db() { return *db_; }
  IntakeStore& intakes() { return intakes_; }
  const Receiver& receiver() const { return receiver_; }
  StaffStore& staff() { return staff_; }
  FleetStore& fleet() { return fleet_; }
  const HeartbeatReceiver& heartbeats() const { return heartbeats_; }
  const WebhookVerifier& verifier() const { return verifier_; }
  // Content publishing: the signing key (nullptr: "publishing" not configured) and the bundles offered.
  const bundle::SigningKey* signing_key() const { return signing_key_ ? &*signing_key_ : nullptr; }
  PublishStore& publications() { return publications_; }

 private:
  InboxApp(core::InboxConfig config, core::KnownContents contents, WebhookVerifier verifier,
           std::unique_ptr<InboxDb> db, const core::Clock& clock, std::optional<bundle::SigningKey> key);

  core::InboxConfig config_;
  core::KnownContents contents_;
  WebhookVerifier verifier_;
  std::unique_ptr<InboxDb> db_;
  const core::Clock& clock_;
  IntakeStore intakes_;
  Receiver receiver_;
  StaffStore staff_;
  FleetStore fleet_;
  HeartbeatReceiver heartbeats_;
  std::optional<bundle::SigningKey> signing_key_;
  PublishStore publications_;
  // Published content versions read back from their bundles once each (a version names one text forever).
  const core::KnownContents* Published(const std::string& id, const std::string& version);
  std::mutex published_mutex_;
  std::map<std::pair<std::string, std::string>, std::unique_ptr<core::KnownContents>> published_;
};

}  // namespace inbox
