// Intakes in the inbox database: stored exactly once by intake id, listed for staff (flags first, newest
// first, filters, name search; those kept apart on a list of their own), read one at a time, marked reviewed,
// read by date range for export, and deleted when retention says so.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/base/clock.h"
#include "core/base/result.h"
#include "core/content/json_reader.h"
#include "inbox/inbox_db.h"

namespace inbox {

// How a delivery went: new (201), a repeat of the same id and body (200), the same id with another body
// (409).
enum class PutOutcome { kStored, kRepeat, kConflict };

struct StoredIntake {
  std::string id, received_at, kiosk_id, format, submitted_at, client_name, top_tier;
  int flag_count = 0;
  bool demo = false;
  std::string reviewed_by, reviewed_at;  // empty until reviewed
  bool known_content = true;             // false: kept apart (a content version the inbox does not know)
  core::Json intake;                     // the intake view (Get and Range only)
};

struct ListFilter {
  bool unreviewed_only = false;
  bool flagged_only = false;
  std::string submitted_from, submitted_to;  // RFC 3339, [from, to); empty: unbounded
  std::string name_contains;                 // case-insensitive for ASCII letters
  bool apart = false;                        // the intakes kept apart instead of the others
  int limit = 500;
};

class IntakeStore {
 public:
  explicit IntakeStore(InboxDb& db) : db_(db) {}

  // body: the request body exactly as received; intake: its intake view; known_content false: kept apart.
  core::Result<PutOutcome> Put(const std::string& id, const std::string& format, const std::string& body,
                               const core::Json& intake, bool known_content, core::TimePoint received);
  // Stop and defer flags not yet reviewed first, then newest first.
  core::Result<std::vector<StoredIntake>> List(const ListFilter& filter);
  core::Result<std::optional<StoredIntake>> Get(const std::string& id);
  // Oldest first, with the intake view, for export (not the intakes kept apart).
  core::Result<std::vector<StoredIntake>> Range(const std::string& from, const std::string& to);
  // false when no such intake; a second review keeps the first reviewer and time.
  core::Result<bool> MarkReviewed(const std::string& id, const std::string& user, core::TimePoint at);
  core::Result<long long> Count();
  // Deletes every intake submitted before `cutoff` (RFC 3339 UTC), the body as received and the intake view
  // with their signatures (on SQLite the connection's secure_delete zeroes them in the database file).
  // Answers the ids deleted.
  core::Result<std::vector<std::string>> DeleteSubmittedBefore(const std::string& cutoff);
  // SQLite: copies the write-ahead log back and cuts it to nothing (it still holds earlier copies of deleted
  // pages); fails when a reader kept it from finishing. PostgreSQL: VACUUM (DbConnection::ReclaimDeleted).
  core::Status TruncateLog();

 private:
  InboxDb& db_;
};

}  // namespace inbox
