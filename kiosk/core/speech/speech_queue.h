// What is being said and what comes next. A new screen or focus replaces it all (any key or touch
// interrupts); Down in a long text skips to its next paragraph; the wipe and "Read aloud" off clear it. The
// voice (real audio, or the headless run's clock) tells when an utterance is finished.
#pragma once

#include <cstdint>
#include <optional>

#include "core/base/clock.h"

#include "core/speech/speech_text.h"

namespace core {

class SpeechQueue {
 public:
  // Replaces what is being said (the voice stops and starts on the first of these).
  void Say(Utterances utterances);
  void Clear();
  // The utterance being said, or none.
  const Utterance* Current() const { return at_ < items_.size() ? &items_[at_] : nullptr; }
  // The voice finished the current one: on to the next.
  void Finished();
  // A paragraph of a long text is being said: skip to what follows it. False (nothing skipped) otherwise.
  bool SkipParagraph();
  // Changes whenever the current utterance changes: the voice compares it to know when to start again.
  uint64_t generation() const { return generation_; }

 private:
  Utterances items_;
  size_t at_ = 0;
  uint64_t generation_ = 0;
};

// The speech levels (1 to 10) of the volume and speed keys, as a synthesiser takes them.
inline constexpr int kDefaultSpeechLevel = 5;
int WordsPerMinute(int rate_level);  // 5: 175 (espeak-ng's own default), 1: 115, 10: 250
int VoiceVolume(int volume_level);   // 5: 100 (espeak-ng's own default), 10: 200, 1: 20
int StepLevel(int level, int by);    // kept within 1..10
// How long `text` takes to say at a speed level (for a run with no audio: its virtual clock).
Millis SpokenDuration(const std::string& text, int rate_level);

}  // namespace core
