// A voice that says one utterance at a time: espeak-ng through the audio device (platform/espeak_voice.h),
// or, with no audio (headless runs, a kiosk without a sound card), the clock alone: each utterance lasts as
// long as it would take to say, so scripts can check what is being said and skip paragraphs on the virtual
// clock.
#pragma once

#include <string>

namespace core {

class Voice {
 public:
  virtual ~Voice() = default;
  // Stops what is being said and starts `text` in `language` (a content language code: "en", "es-419").
  virtual void Speak(const std::string& text, const std::string& language, int words_per_minute,
                     int volume) = 0;
  virtual void Stop() = 0;
  // True until the utterance has been said (synthesised and played).
  virtual bool Speaking() const = 0;
  // The output to say the next utterances on, by its name (a USB headset just plugged in); empty: the
  // default one. A voice with no audio ignores it.
  virtual void UseOutput(const std::string& name) { (void)name; }
};

}  // namespace core
