// The running kiosk: one visit at a time, drawn by the UI, changed by core::Apply, submitted to the outbox.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "core/clock.h"
#include "core/config.h"
#include "core/content.h"
#include "core/flow.h"
#include "platform/font_finder.h"
#include "platform/sdl_window.h"
#include "store/outbox.h"
#include "ui/kiosk_ui.h"

namespace app {

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
  // Called after an intake is committed (the development run wakes its sender thread).
  void OnSubmitted(std::function<void()> f) { on_submitted_ = std::move(f); }

 private:
  void Submit();
  void RebuildFontsIfNeeded();

  core::Content content_;
  core::Config config_;
  std::unique_ptr<store::Outbox> outbox_;
  const core::Clock& clock_;
  platform::SdlWindow& window_;
  platform::FontFiles font_files_;
  std::string glyph_text_;
  core::Env env_;
  core::Session session_;
  ui::KioskUi ui_;
  float font_em_ = 0;
  int frames_to_settle_ = 0;
  long first_frame_ms_ = -1;
  std::optional<InjectedInput> injected_;
  std::function<void()> on_submitted_;
};

}  // namespace app
