// KioskApp and content published from the inbox: a fetched bundle is taken on the attract screen only (no
// visit is running there, and staff mode is closed), checked by ContentSwitch, and switched to; staff roll
// back to the content before it. What runs is recorded in the outbox for the sender's heartbeat.
#include <spdlog/spdlog.h>

#include "app/kiosk_app.h"
#include "core/content/content_for_config.h"

namespace app {
namespace {
constexpr core::Seconds kContentCheck{10};
}  // namespace

void KioskApp::AttachContentSwitch(std::unique_ptr<ContentSwitch> content_switch) {
  content_switch_ = std::move(content_switch);
  next_content_check_ = clock_.Now() + kContentCheck;  // not before the first frame is up
  ShowContentState();
}

void KioskApp::ShowContentState() {
  if (staff_ && content_switch_)
    staff_->SetContentState(content_switch_->RunningBundle(), content_switch_->LastRefusal());
}

void KioskApp::SwitchTo(core::Content content) {
  clinic_content_ = std::move(content);
  SetDemo(demo_);  // on the attract screen: nobody's visit starts over
  RecordRunningContent();
}

void KioskApp::RecordRunningContent() {
  if (auto set = outbox_->SetRunningContent(clinic_content_.id, clinic_content_.version, clock_.Now()); !set)
    spdlog::warn("could not record the content running for the sender's heartbeat: {}", set.error());
}

void KioskApp::CheckForNewContent() {
  if (!content_switch_ || clock_.Now() < next_content_check_) return;
  if (ScreenId() != "attract" || (staff_ && staff_->open())) return;
  next_content_check_ = clock_.Now() + kContentCheck;
  if (auto content = content_switch_->TakeFetched(clock_.Now())) {
    spdlog::info("content switched on the attract screen: {} {}", content->id, content->version);
    SwitchTo(std::move(*content));
  }
  ShowContentState();
}

core::Result<core::Content> KioskApp::LoadPackagedContent() const {
  return core::LoadContentFor(config_, content_dir_, "kiosk.json");
}

void KioskApp::RollBackContent() {
  if (!content_switch_ || !staff_) return;
  std::optional<core::Content> now_running;
  if (!content_switch_->RollBack(clock_.Now(), now_running)) return;
  if (!now_running) {  // the packaged content
    auto packaged = LoadPackagedContent();
    if (packaged) now_running = std::move(*packaged);
  }
  if (now_running) SwitchTo(std::move(*now_running));
  staff_->Report("staff_rolled_back", {{"version", clinic_content_.id + " " + clinic_content_.version}});
  ShowContentState();
}

}  // namespace app
