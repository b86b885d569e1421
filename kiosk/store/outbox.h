// The durable outbox: every submitted intake is committed here (WAL, synchronous=FULL) before the client
// sees "Thank you", and waits here until the sender has delivered it.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/base/clock.h"
#include "core/base/result.h"
#include "core/delivery/delivery_policy.h"
#include "store/outbox_row.h"
#include "store/sqlite.h"

namespace store {

// The connection settings as SQLite reports them, for tests and `kiosk outbox` diagnostics.
struct OutboxSettings {
  std::string journal_mode;  // "wal"
  int synchronous = 0;       // 2 = FULL
  bool foreign_keys = false;
  int busy_timeout_ms = 0;
  int schema_version = 0;  // PRAGMA user_version
};

// Limits Put enforces, so a runaway payload or an id unsafe to print never reaches the queue.
inline constexpr std::size_t kMaxIntakeIdBytes = 128;
inline constexpr std::size_t kMaxPayloadBytes = 16 * 1024 * 1024;

// One connection to the outbox file. Safe to share between threads (calls are serialised); the UI and the
// sender may also each open their own Outbox on the same file, in one process or two.
//
class Outbox {
 public:
  // Opens or creates the outbox database at `file`. The directory must already exist (the caller owns the
  // data dir). A new file is created with mode 0600: payloads are personal data. Sets journal_mode=WAL,
  // synchronous=FULL, foreign_keys=ON, busy_timeout=5000 and migrates the schema.
  static core::Result<std::unique_ptr<Outbox>> Open(const std::filesystem::path& file);

  // Queues one intake. Returns only after COMMIT (durable with synchronous=FULL).
  // Idempotent on `id`: putting an id that is already queued succeeds and changes nothing, so ten quick
  // taps on Submit make one row. If the same id arrives with a different payload, the first committed
  // payload wins and the call still succeeds: an intake id names one visit, and the first commit is the
  // one the client was thanked for.
  // `id`: 1..kMaxIntakeIdBytes of [A-Za-z0-9._:-] (safe in logs and HTTP headers).
  // `payload_json`: a JSON object, at most kMaxPayloadBytes.
  core::Status Put(const std::string& id, const std::string& payload_json, core::TimePoint created,
                   bool demo);

  // Rows newest first (by created_at), without payloads.
  core::Result<std::vector<OutboxRow>> List(std::size_t limit = 200);

  // The payload of one intake; nullopt if the id is unknown or its payload was purged.
  core::Result<std::optional<std::string>> Payload(const std::string& id);

  core::Result<OutboxCounts> Counts();

  core::Result<OutboxSettings> Settings();

  // Fault injection (the headless script's `disk full`): from now on this connection cannot grow the file
  // (SQLite max_page_count set to its current page count), so a commit that needs a new page fails with
  // "database or disk is full", as on a full disk. Reopening the outbox lifts it.
  core::Status StopGrowing();

  // --- Staff mode (outbox_summary.cpp). No payloads except DemoPayloads, which staff export.

  // Counts of one kind (demo or clinic intakes) and the latest delivery, for the staff status page.
  core::Result<DeliverySummary> Summary(core::TimePoint since, bool demo = false);
  // The distinct last_error words of waiting rows of one kind (at most 20): what the heartbeat's alerts
  // are made of (the sender's own short words, never a response body or payload).
  core::Result<std::vector<std::string>> WaitingErrors(bool demo = false);
  // The payloads of demo rows, oldest first (for `kiosk leads --csv` and the USB export).
  core::Result<std::vector<std::string>> DemoPayloads();

  // --- Staff's "Test connection" (connection_tests.cpp): the UI has no network, so it asks and the sender,
  // polling, carries the test out and writes back what the transport saw.

  // Asks for a test named `id` (also its webhook-id). Forgets tests asked for more than a day ago.
  core::Status RequestConnectionTest(const std::string& id, core::TimePoint now);
  // Staff stopped waiting (gave up or locked): a request not yet taken is withdrawn.
  core::Status WithdrawConnectionTest(const std::string& id);
  // The sender's side: the oldest request, now marked as being tested. (No age rule here: the UI and the
  // sender may not share a clock; the UI withdraws what it no longer waits for.)
  core::Result<std::optional<std::string>> TakeConnectionTest();
  core::Status FinishConnectionTest(const std::string& id, const core::AttemptResult& result,
                                    core::TimePoint now);
  // What test `id` found and when; nullopt while it is not done.
  struct ConnectionTestAnswer {
    core::AttemptResult result;
    core::TimePoint at;  // by the sender's clock
  };
  core::Result<std::optional<ConnectionTestAnswer>> ConnectionTestResult(const std::string& id);

  // --- Content bundles published from the inbox (content_bundles.cpp): the sender fetches and records them,
  // the UI installs or refuses them, staff roll back; the sender reports each state to the inbox.
  struct ContentBundle {
    std::string id, content_id, content_version, state, detail, file, updated_at;
    bool reported = false;
  };
  // A bundle seen for the first time (fetched with its file, or refused). false: this id is known already
  // (nothing changed).
  core::Result<bool> RecordContentBundle(const ContentBundle& bundle, core::TimePoint now);
  core::Result<std::optional<ContentBundle>> FindContentBundle(const std::string& id);
  // The newest bundle fetched and not yet installed or refused.
  core::Result<std::optional<ContentBundle>> NextFetchedBundle();
  // The bundle running: the newest installed; nullopt: the packaged content.
  core::Result<std::optional<ContentBundle>> ActiveContentBundle();
  // The newest refused bundle (its reason for staff), or nullopt.
  core::Result<std::optional<ContentBundle>> LastRefusedBundle();
  // A new state ('installed', 'refused', 'rolled_back'), to be reported again.
  core::Status SetContentBundleState(const std::string& id, const std::string& state,
                                     const std::string& detail, core::TimePoint now);
  core::Result<std::vector<ContentBundle>> UnreportedBundles();
  core::Status MarkBundleReported(const std::string& id, const std::string& state);

  // --- The content the UI runs (running_content.cpp): the UI records it at start and whenever it changes
  // (a published bundle switched to, a roll back, a reload); the sender's heartbeat names it.
  struct RunningContent {
    std::string content_id, content_version, since;
  };
  core::Status SetRunningContent(const std::string& content_id, const std::string& content_version,
                                 core::TimePoint now);
  // nullopt until a UI has recorded what it runs in this outbox.
  core::Result<std::optional<RunningContent>> GetRunningContent();

  // --- The sender's side. Each is one transaction; several senders on one file never hold the same row.

  // Claims the oldest (by created_at) due row: a pending row with next_attempt_at <= now, or a delivering row
  // whose lease (next_attempt_at) has expired (its sender died). The row becomes 'delivering' with
  // next_attempt_at = now + lease and attempts + 1. nullopt when nothing is due. Demo rows are claimed
  // only when `demo` is true, real ones only when it is false (they go to different endpoints).
  core::Result<std::optional<ClaimedIntake>> Claim(core::TimePoint now, core::Seconds lease,
                                                   bool demo = false);
  // The outcome of a claimed attempt. Only the holder of the claim changes the row: `attempts` must match
  // the value Claim returned, so a sender whose lease expired cannot overwrite a newer claim.
  core::Status MarkDelivered(const std::string& id, std::int64_t attempts, core::TimePoint at);
  core::Status MarkRetry(const std::string& id, std::int64_t attempts, core::TimePoint next,
                         const std::string& reason);
  core::Status MarkParked(const std::string& id, std::int64_t attempts, const std::string& reason);
  // Staff: make parked or waiting rows due now (all when `id` is empty). Returns how many.
  core::Result<std::size_t> RetryNow(const std::string& id, core::TimePoint now);
  // The endpoint answers again: pending rows (demo or real, like Claim) waiting for a later attempt become
  // due now. Returns how many.
  core::Result<std::size_t> WakeWaiting(core::TimePoint now, bool demo = false);
  // When the next pending row is due (for the sender's sleep); nullopt when none is pending.
  core::Result<std::optional<core::TimePoint>> NextDue(bool demo = false);
  // Deletes payloads of rows delivered before `cutoff`, keeping id, times and state. Returns how many.
  core::Result<std::size_t> PurgeDelivered(core::TimePoint cutoff);
  // Deletes demo leads (rows of kind demo, payload and all, whatever their state) created before `cutoff`:
  // retention.lead_days, enforced by the kiosk. Returns how many.
  core::Result<std::size_t> PurgeLeads(core::TimePoint cutoff);

 private:
  explicit Outbox(sql::Database db) : db_(std::move(db)) {}

  std::mutex mutex_;
  sql::Database db_;
};

}  // namespace store
