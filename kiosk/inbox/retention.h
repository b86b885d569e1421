// Retention (inbox.json "retention": {"days": N}): intakes submitted more than N days ago are deleted with
// their signatures and their bytes zeroed (intake_store.h), the purge audited; at start and every hour while
// the inbox serves.
#pragma once

#include <condition_variable>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "core/base/result.h"
#include "inbox/inbox_app.h"

namespace inbox {

// When an intake submitted at `submitted_at` (RFC 3339) is deleted: that time plus the retention days
// (RFC 3339), or "" when the inbox keeps intakes without end or the time is not one.
std::string DeletedAfter(const std::string& submitted_at, std::optional<int> retention_days);

// One purge now: deletes what retention says, audits the ids (user "retention"). Answers how many; 0 when
// retention is not set.
core::Result<size_t> PurgeExpired(InboxApp& app);

// Runs PurgeExpired on a thread of its own: once at once, then every hour until destroyed.
class RetentionLoop {
 public:
  explicit RetentionLoop(InboxApp& app);
  ~RetentionLoop();
  RetentionLoop(const RetentionLoop&) = delete;
  RetentionLoop& operator=(const RetentionLoop&) = delete;

 private:
  InboxApp& app_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace inbox
