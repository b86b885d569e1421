// The kiosk's voice: espeak-ng synthesises in a worker thread and the samples are queued to SDL's audio
// device as they come (SDL_QueueAudio: one audio path). The library and the device are opened by the first
// utterance, never at start; the device (and SDL's audio with it, platform/sdl_audio.h) closes again once
// nothing has been said for a while, so the kiosk at rest runs nothing of audio. Stop clears both at once:
// a key or a touch silences it within a buffer. Speech asked for a USB headset that cannot be opened is not
// said at all, never sent to the default device (the loudspeaker).
#pragma once

#include <SDL.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "core/base/result.h"
#include "core/speech/voice.h"
#include "platform/sdl_audio.h"

namespace platform {

class SdlVoice : public core::Voice {
 public:
  // `close_after`: how long the device stays open after the last words (the next screen's words come soon).
  explicit SdlVoice(std::chrono::milliseconds close_after = std::chrono::seconds(15));
  ~SdlVoice() override;
  void Speak(const std::string& text, const std::string& language, int words_per_minute, int volume) override;
  void Stop() override;
  bool Speaking() const override;
  void UseOutput(const std::string& name) override;

 private:
  void Work();
  // Waits for the next utterance (true) or the end (false), closing the device when it has been quiet for
  // close_after_.
  bool WaitForJob(std::unique_lock<std::mutex>& lock);
  core::Status OpenDevice(int sample_rate);

  struct Job {
    std::string text, language;
    int wpm = 175, volume = 100;
  };
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::unique_ptr<Job> job_;         // the next utterance, taken by the worker
  std::atomic<bool> busy_{false};    // the worker is synthesising
  std::atomic<bool> cancel_{false};  // stop the synthesis in progress
  std::atomic<bool> quit_{false};
  SDL_AudioDeviceID device_ = 0;       // opened by the worker at the first utterance
  std::optional<SdlAudioHold> audio_;  // SDL's audio, held by the worker while device_ is open
  std::string output_, opened_;        // the output wanted ("": the default) and the one device_ is
  // The output for which there was no audio, no device or no espeak-ng: said once in the log, then silent
  // until another output is asked for (headphones plugged in).
  std::optional<std::string> failed_for_;
  std::chrono::milliseconds close_after_;
  std::thread worker_;
};

}  // namespace platform
