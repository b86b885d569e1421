// KioskApp's staff and demo side: staff intents, switching the demo flow, reloading content, window events.
#include <spdlog/spdlog.h>

#include "app/kiosk_app.h"
#include "core/visit/demo_flow.h"

namespace app {

void KioskApp::AttachStaff(std::unique_ptr<StaffController> staff, std::filesystem::path content_dir) {
  staff_ = std::move(staff);
  content_dir_ = std::move(content_dir);
  PurgeExpired();
}

void KioskApp::HandleEvents(const platform::Events& events) {
  bool asking = session_.still_there;  // a key on "Still there?" only says "I am": it does nothing else
  if (events.input) Apply(core::intent::Activity{});
  for (const auto& key : events.keys) {
    auto press = keypad_.Lookup(key.code, key.mods);
    if (!press || asking) continue;
    if (session_.screen == core::Screen::kAttract && !(staff_ && staff_->open())) {
      // any key starts the visit, and speech with it: a keypad user may not see the screen
      ui_.SetReadAloud(core::ReadAloudAfter(ui_.read_aloud(), core::SpeechSwitch::kKey));
      Apply(core::intent::Start{});
      ui_.KeysInUse();
      continue;
    }
    // help, volume and speed are speech's; Down while a paragraph is read skips to the next one
    bool typing = press->text_key && !ui_.state().focused.empty();
    if (!typing && speech_.Key(press->key, content_, session_)) continue;
    if (!core::IsSpeechKey(press->key)) ui_.Press(*press);
  }
  if (!events.text.empty()) Type(events.text);
  if (events.quit && allow_close_) quit_requested_ = true;
  if (events.quit && !allow_close_) spdlog::info("window close request ignored (kiosk mode)");
}

void KioskApp::Audio(const core::AudioReport& report) {
  auto change = headphones_.Report(report);
  if (!change) return;
  bool plugged = change->what == core::SpeechSwitch::kPlugged;
  spdlog::info("headphones {}", plugged ? "plugged in: Read aloud on" : "pulled out: Read aloud off");
  speech_.UseOutput(change->output);
  ui_.SetReadAloud(core::ReadAloudAfter(ui_.read_aloud(), change->what));
  if (plugged) Apply(core::intent::Activity{});  // someone is at the kiosk
}

void KioskApp::UseContent(core::Content content) {
  content_ = std::move(content);
  glyph_text_ = AllTextOf(content_);
  glyphs_added_.clear();  // what was typed or shown before is drawn no more: added again when it is
  AddLanguageFonts();
  font_em_ = 0;  // the atlas is rebuilt for the new characters on the next frame
}

void KioskApp::SetDemo(bool on) {
  on = on && clinic_content_.demo.has_value();
  Apply(core::intent::StartOver{});  // whoever was mid-visit starts again in the other flow
  demo_ = on;
  UseContent(on ? core::DemoContent(clinic_content_) : clinic_content_);
  spdlog::info("demo mode {}", on ? "on" : "off");
}

void KioskApp::ReloadContent() {
  // What runs, read again: the published bundle when one runs (not the packaged folder it replaced), checked
  // as at start
  std::optional<core::Result<core::Content>> bundle;
  if (content_switch_) bundle = content_switch_->LoadRunning();
  auto loaded = bundle ? std::move(*bundle) : LoadPackagedContent();
  if (!loaded) {
    std::string detail;
    size_t shown = 0;
    for (const auto& p : loaded.problems()) {
      if (shown++ == 8) {
        detail += "... " + std::to_string(loaded.problems().size() - 8) + " more (kiosk check-content)";
        break;
      }
      if (!detail.empty()) detail += '\n';
      detail += p.ToString();
    }
    spdlog::warn("content reload refused: {} problem(s); the current content stays",
                 loaded.problems().size());
    staff_->Report("staff_reload_failed", {}, true, detail);
    return;
  }
  SwitchTo(std::move(*loaded));
  spdlog::info("content reloaded: {} {}", clinic_content_.id, clinic_content_.version);
  staff_->Report("staff_reload_ok", {{"id", clinic_content_.id}, {"version", clinic_content_.version}});
}

void KioskApp::HandleStaff(const core::StaffIntent& intent) {
  if (!staff_) return;
  switch (staff_->Handle(intent)) {
    case StaffRequest::kNone:
      break;
    case StaffRequest::kToggleDemo:
      SetDemo(!demo_);
      staff_->Report("");  // the home page says so itself while demo mode is on
      break;
    case StaffRequest::kReloadContent:
      ReloadContent();
      break;
    case StaffRequest::kRollBackContent:
      RollBackContent();
      break;
    case StaffRequest::kExit:
      spdlog::info("staff chose Exit app");
      quit_requested_ = true;
      break;
  }
}

}  // namespace app
