// Headphones coming and going (issue 19), reported as they are, for core::HeadphoneDetector to judge: the
// audio outputs SDL lists (its audio device events: a USB headset added or removed) and the 3.5 mm jack's
// state (platform/headphone_jack.h). Started after the first frame, never on the way to it.
#pragma once

#include <memory>

#include "core/speech/headphones.h"
#include "platform/headphone_jack.h"

namespace platform {

// The SDL_USEREVENT code with which the jack's thread wakes the window loop (SdlWindow::Wait sets
// Events::audio_changed for it, as for SDL's audio device events).
inline constexpr int kAudioChangedCode = 0x4a41434b;

class AudioWatch {
 public:
  // Starts SDL's audio subsystem (its device events) and the jack's watch. Null if SDL has no audio at all.
  static std::unique_ptr<AudioWatch> Start();
  core::AudioReport Report() const;

 private:
  std::unique_ptr<HeadphoneJack> jack_;
};

}  // namespace platform
