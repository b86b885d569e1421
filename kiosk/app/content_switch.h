// Content published from the inbox, the kiosk's side: the bundle the sender fetched is checked again here
// (its signature against content_updates.public_key, then the content loader and this config, as at
// start) and unpacked to <data_dir>/content/<bundle id>/; KioskApp switches to it only on the attract
// screen. The content running is the newest installed bundle, else the packaged one; staff can roll back
// to the one before. Every refusal is recorded in the outbox for staff and for the sender to report.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "core/base/clock.h"
#include "core/content/config.h"
#include "core/content/content.h"
#include "store/outbox.h"

namespace app {

class ContentSwitch {
 public:
  ContentSwitch(store::Outbox& outbox, const core::Config& config, std::filesystem::path data_dir);

  // At start: the installed bundle's content when it still loads and passes, else nullopt (the packaged).
  std::optional<core::Content> Installed();
  // Staff's Reload content: the running bundle's folder read and checked again; nullopt when no bundle runs
  // (the packaged content does).
  std::optional<core::Result<core::Content>> LoadRunning();
  // A bundle fetched and not yet taken: its content when it passes every check (and it is now installed),
  // else nullopt (refused and recorded, or nothing new).
  std::optional<core::Content> TakeFetched(core::TimePoint now);
  // Staff's roll back: the running bundle is marked rolled back; the content to run now (the bundle
  // installed before it, marked installed again to be reported, or nullopt for the packaged content).
  // false when no bundle is running.
  bool RollBack(core::TimePoint now, std::optional<core::Content>& now_running);

  // For staff: the running bundle's "id version" ("" for the packaged content) and the last refusal.
  std::string RunningBundle();
  std::string LastRefusal();

 private:
  // The content of an unpacked bundle folder, checked with this config; or the problems in one line.
  core::Result<core::Content> Load(const std::filesystem::path& dir);

  store::Outbox& outbox_;
  const core::Config& config_;
  std::filesystem::path data_dir_;
  std::string public_key_;  // raw; empty when content_updates is not configured (nothing is installed)
};

}  // namespace app
