// The running kiosk: one visit at a time, drawn by the UI, changed by core::Apply, submitted to the outbox.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>

#include "app/content_switch.h"
#include "app/keypad_map.h"
#include "app/speech_controller.h"
#include "app/staff_controller.h"
#include "core/base/clock.h"
#include "core/content/config.h"
#include "core/content/content.h"
#include "core/speech/headphones.h"
#include "core/visit/flow.h"
#include "platform/font_finder.h"
#include "platform/sdl_window.h"
#include "store/outbox.h"
#include "ui/fonts.h"
#include "ui/kiosk_ui.h"

namespace app {

// Every string of the content, and every key of its languages' keyboards, small and capital (for the font
// atlas's glyphs).
std::string AllTextOf(const core::Content& content);

class KioskApp {
 public:
  KioskApp(core::Content content, core::Config config, std::unique_ptr<store::Outbox> outbox,
           const core::Clock& clock, platform::SdlWindow& window, platform::FontFiles fonts);

  // Draws one frame and carries out what the client did in it. `capture` reads the frame back.
  void Frame(core::Image* capture = nullptr);
  // Carries out one intent (and its effects: saving the intake, wiping the UI).
  void Apply(const core::Intent& intent);

  // When the loop must wake up without input, and whether it must keep drawing (animation).
  core::TimePoint NextWake() const;
  bool Animating() const { return ui_.Animating() || frames_to_settle_ > 0; }

  const core::Session& session() const { return session_; }
  const core::Content& content() const { return content_; }
  ui::KioskUi& ui() { return ui_; }
  SpeechController& speech() { return speech_; }
  platform::SdlWindow& window() { return window_; }
  // Fault injection for headless scripts (`disk full`): the outbox can no longer grow.
  core::Status SimulateDiskFull() { return outbox_->StopGrowing(); }
  std::string ScreenId() const;  // "attract", "language", a step id, "review", "submitting", "thank_you"
  // Milliseconds from process start to the first presented frame (for benchmarks and notes).
  long first_frame_ms() const { return first_frame_ms_; }

  // Headless runs feed the mouse and text through here (ImGui 1.86 has no input queue: the SDL backend
  // overwrites the mouse each frame, so injected input is applied after it).
  struct InjectedInput {
    float x = -1, y = -1;
    bool down = false;
    std::string text;
  };
  void Inject(InjectedInput input) { injected_ = std::move(input); }
  // Text from a physical keyboard, whole UTF-8, for the focused field.
  void Type(const std::string& utf8) { ui_.Type(utf8); }

  // Staff mode and demo mode (kiosk_app_staff.cpp). `content_dir` is where "Reload content" reads from.
  void AttachStaff(std::unique_ptr<StaffController> staff, std::filesystem::path content_dir);
  // Content published from the inbox (kiosk_app_content.cpp): a fetched bundle is taken only on the attract
  // screen, never during a visit; staff can roll back.
  void AttachContentSwitch(std::unique_ptr<ContentSwitch> content_switch);
  void SetDemo(bool on);
  bool demo() const { return demo_; }
  // Window events: input keeps the visit alive; a close request ends the app only when closing is allowed
  // (windowed development runs). In kiosk mode only staff "Exit app" ends it.
  void HandleEvents(const platform::Events& events);
  void PumpEvents() { HandleEvents(window_.Wait(0)); }
  // The machine's audio as it is now (platform::AudioWatch, or a headless script's headphones): headphones
  // plugged in turn Read aloud on, pulled out turn it off (core::HeadphoneDetector). The first report is the
  // kiosk as it starts.
  void Audio(const core::AudioReport& report);
  void AllowClose(bool allow) { allow_close_ = allow; }
  bool QuitRequested() const { return quit_requested_; }

 private:
  void Submit();
  void RebuildFontsIfNeeded();
  // Characters of `text` the atlas lacks join it: the atlas is rebuilt before the next frame is drawn (with a
  // fallback face from the platform for those the kiosk's fonts do not have).
  void NeedGlyphs(std::string_view text);
  void AddLanguageFonts();
  void FindFallbackFaces();
  void LoadLogo();  // theme.logo onto the renderer; a missing or broken file is a warning naming it
  void HandleStaff(const core::StaffIntent& intent);
  void ReloadContent();
  void CheckForNewContent();  // on the attract screen, every kContentCheck
  void RollBackContent();
  // The packaged content (content_dir_), checked against the config as at start.
  core::Result<core::Content> LoadPackagedContent() const;
  void SwitchTo(core::Content content);  // the clinic's content from now on (its demo flow if demo is on)
  void RecordRunningContent();           // in the outbox: what the sender's heartbeat names
  void ShowContentState();
  void UseContent(core::Content content);
  // Forgets what has outlived its period: demo leads (retention.lead_days) and the staff list's rows
  // (staff.today_list_hours). At start, then hourly (the loop wakes for it).
  void PurgeExpired();

  core::Content content_;
  core::Config config_;
  std::unique_ptr<store::Outbox> outbox_;
  const core::Clock& clock_;
  platform::SdlWindow& window_;
  ui::FontStack font_stack_;
  std::string glyph_text_;
  std::set<char32_t> glyphs_added_;     // code points added to glyph_text_ at run time
  std::set<char32_t> glyphs_searched_;  // asked of the platform for a fallback face (once each)
  bool glyphs_dirty_ = false;
  core::Env env_;
  core::Session session_;
  ui::KioskUi ui_;
  float font_em_ = 0;
  int frames_to_settle_ = 0;
  long first_frame_ms_ = -1;
  std::optional<InjectedInput> injected_;
  core::Content clinic_content_;  // as loaded; content_ is it or its demo flow
  std::unique_ptr<StaffController> staff_;
  std::filesystem::path content_dir_;
  core::TimePoint next_purge_{};
  bool demo_ = false;
  KeypadMap keypad_;
  SpeechController speech_;
  core::HeadphoneDetector headphones_;
  bool allow_close_ = false;
  bool quit_requested_ = false;
  std::unique_ptr<ContentSwitch> content_switch_;
  core::TimePoint next_content_check_{};
};

}  // namespace app
