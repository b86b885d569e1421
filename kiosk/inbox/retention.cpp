// The retention purge and its hourly loop. The log says how many were deleted, never whose.
#include "inbox/retention.h"

#include <cstdio>

namespace inbox {

std::string DeletedAfter(const std::string& submitted_at, std::optional<int> retention_days) {
  auto at = core::ParseRfc3339(submitted_at);
  if (!retention_days || !at) return {};
  return core::ToRfc3339(*at + std::chrono::days(*retention_days));
}

core::Result<size_t> PurgeExpired(InboxApp& app) {
  const auto days = app.config().retention_days;
  if (!days) return size_t{0};
  const core::TimePoint now = app.clock().Now();
  auto deleted = app.intakes().DeleteSubmittedBefore(core::ToRfc3339(now - std::chrono::days(*days)));
  if (!deleted) return deleted.problems();
  // Audited before the log is cut, so a truncation that fails never leaves a deletion unaudited.
  if (!deleted->empty()) {
    auto audited = app.staff().Audit(
        "retention", "deleted: submitted more than " + std::to_string(*days) + " days ago", *deleted, now);
    if (!audited) return audited.problems();
  }
  // At every purge, not only one that deleted: a truncation that a reader kept from finishing is retried.
  if (auto truncated = app.intakes().TruncateLog(); !truncated)
    return core::Result<size_t>::Fail(std::to_string(deleted->size()) + " intakes deleted, but " +
                                      truncated.error());
  return deleted->size();
}

RetentionLoop::RetentionLoop(InboxApp& app) : app_(app) {
  if (!app_.config().retention_days) return;
  thread_ = std::thread([this] {
    for (;;) {
      auto purged = PurgeExpired(app_);
      if (!purged) {
        std::fprintf(stderr, "retention: the purge failed: %s\n", purged.error().c_str());
      } else if (*purged > 0) {
        std::fprintf(stderr, "retention: deleted %zu intakes older than %d days\n", *purged,
                     *app_.config().retention_days);
      }
      std::unique_lock lock(mutex_);
      if (wake_.wait_for(lock, std::chrono::hours(1), [this] { return stop_; })) return;
    }
  });
}

RetentionLoop::~RetentionLoop() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

}  // namespace inbox
