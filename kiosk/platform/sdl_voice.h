// The kiosk's voice: espeak-ng synthesises in a worker thread and the samples are queued to SDL's audio
// device as they come (SDL_QueueAudio: one audio path). The library and the device are opened by the first
// utterance, never at start. Stop clears both at once: a key or a touch silences it within a buffer.
#pragma once

#include <SDL.h>

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "core/base/result.h"
#include "core/speech/voice.h"

namespace platform {

class SdlVoice : public core::Voice {
 public:
  SdlVoice();
  ~SdlVoice() override;
  void Speak(const std::string& text, const std::string& language, int words_per_minute, int volume) override;
  void Stop() override;
  bool Speaking() const override;
  void UseOutput(const std::string& name) override;

 private:
  void Work();
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
  SDL_AudioDeviceID device_ = 0;     // opened by the worker at the first utterance
  std::string output_, opened_;      // the output wanted ("": the default) and the one device_ is
  std::atomic<bool> failed_{false};  // no audio or no espeak-ng: said once in the log, then silent until
                                     // headphones are plugged in
  std::thread worker_;
};

}  // namespace platform
