// Staff mode in the running kiosk: the hidden gesture, the PIN check against the hash file with the
// persisted throttle, the inactivity lock, and the actions that need only the stores and the network
// (retry, test connection, export leads). The UI has no network: a connection test is asked of the sender
// through the outbox file, and its answer read back while staff wait. Switching demo, reloading content and
// exiting are handed back to KioskApp, which owns the visit.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>

#include "core/base/clock.h"
#include "core/content/config.h"
#include "core/content/json_reader.h"
#include "core/staff/staff.h"
#include "core/touch/hold_gesture.h"
#include "store/outbox.h"
#include "store/staff_store.h"
#include "ui/staff_view.h"

namespace app {

// What KioskApp must do after a staff action.
enum class StaffRequest { kNone, kToggleDemo, kReloadContent, kRollBackContent, kExit };

class StaffController {
 public:
  StaffController(const core::Config& config, std::filesystem::path pin_file,
                  std::unique_ptr<store::StaffStore> store, store::Outbox& outbox, const core::Clock& clock);

  // One frame of pointer state; opens the PIN pad when the gesture completes. Locks after inactivity.
  void Frame(bool down, float x, float y, float width, float height, float em);
  StaffRequest Handle(const core::StaffIntent& intent);
  // After KioskApp carried out a request: what staff read next.
  void Report(std::string key, std::map<std::string, std::string> values = {}, bool problem = false,
              std::string detail = "");

  // A committed intake, for today's list.
  void Submitted(const core::Json& intake, bool demo);
  // An intake could not be saved (the outbox's error, no personal data): staff mode says why until the next
  // save succeeds.
  void SaveFailed(const std::string& store_error);

  // Published content for the staff home: the bundle running ("" for the packaged content) and why the last
  // one offered was refused ("" when none was).
  void SetContentState(std::string bundle, std::string refused) {
    view_.content_bundle = std::move(bundle);
    view_.content_refused = std::move(refused);
  }

  bool open() const { return state_.page != core::StaffPage::kClosed; }
  // The view for this frame (queries the stores only while open).
  const ui::StaffView& View(bool demo, bool demo_available);
  core::TimePoint NextWake() const;
  // Deletes the staff list's rows older than staff.today_list_hours (the list shows no older ones).
  void ForgetOldEntries();

 private:
  void CheckPin();
  void RetryNow(const std::string& id);
  void TestConnection();
  // Shows the answer to the pending connection test once the sender has written it (or says it did not).
  void PollConnectionTest();
  // Staff no longer wait for the pending test: withdrawn unless the sender has taken it already.
  void StopWaitingForTest();
  void ExportLeads();
  std::string LocalTime(core::TimePoint t) const;

  core::Config config_;
  std::filesystem::path pin_file_;
  std::unique_ptr<store::StaffStore> store_;
  store::Outbox& outbox_;
  const core::Clock& clock_;
  std::string pending_test_;  // the connection test staff are waiting for ("" for none)
  core::TimePoint pending_test_since_{};
  core::HoldGesture gesture_;
  core::StaffState state_;
  ui::StaffView view_;
  std::string save_alert_;  // "alert_disk_full", "alert_save_failed" or "" (the last save worked)
};

}  // namespace app
