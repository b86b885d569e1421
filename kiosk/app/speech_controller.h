// Speech for the client (issue 19): after each frame, says what changed (a new screen, the focused item, a
// problem at it), through a voice; takes the help, volume and speed keys; any other key or a touch
// interrupts; the wipe and "Read aloud" off silence it and forget what it held. Nothing spoken is ever
// logged.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "core/base/clock.h"
#include "core/speech/speech_queue.h"
#include "core/speech/voice.h"
#include "core/touch/focus.h"

namespace app {

// A voice with no audio: each utterance lasts as long as it would take to say, on the kiosk's clock.
class ClockVoice : public core::Voice {
 public:
  explicit ClockVoice(const core::Clock& clock) : clock_(clock) {}
  void Speak(const std::string& text, const std::string& language, int words_per_minute, int volume) override;
  void Stop() override { until_ = {}; }
  bool Speaking() const override { return clock_.Now() < until_; }

 private:
  const core::Clock& clock_;
  core::TimePoint until_{};
};

// A frame as it was drawn, for speech.
struct SpeechView {
  const core::Content& content;
  const core::Session& session;  // before this frame's intents
  const core::Visibility& vis;
  const std::vector<core::RaisedFlag>& flags;
  std::optional<core::SpokenTarget> focus;  // the item the keypad's ring is on, or the one just tapped
  bool on = false;                          // Read aloud (the header option, or headphones plugged in)
  int seconds_left = 0;                     // on "Still there?"
};

class SpeechController {
 public:
  explicit SpeechController(std::unique_ptr<core::Voice> voice) : voice_(std::move(voice)) {}

  // After a frame: what changed is said (a new screen, the focused or tapped item, a problem or a flag
  // message at it).
  void AfterFrame(const SpeechView& v);
  // A key before it reaches the UI. True when speech took it: help, volume, speed, or Down while a paragraph
  // is being read (it skips to the next). Any other key interrupts what is being said.
  bool Key(core::NavKey key, const core::Content& content, const core::Session& session);
  void Interrupt();  // a touch
  void Wipe();       // the visit ended: silence, levels back to the default, nothing kept
  // The voice changes (speech turned on for the first time: the real voice is opened then).
  void SetVoice(std::unique_ptr<core::Voice> voice);
  // The voice to open when speech first turns on (the window's: espeak-ng and the audio device); until then,
  // and in headless runs, the clock's.
  void SetVoiceFactory(std::function<std::unique_ptr<core::Voice>()> open) { open_voice_ = std::move(open); }
  bool Speaking() const { return queue_.Current() != nullptr; }
  // Where to speak from now on: a USB headset just plugged in, by its output's name; "" the default output.
  void UseOutput(const std::string& name);

  // Everything queued to be said since the last call, joined (for headless `expect spoken`), and what is
  // being said now (`expect speaking`).
  std::string TakeSaid() { return std::exchange(said_, {}); }
  std::string Current() const { return queue_.Current() ? queue_.Current()->text : std::string(); }

 private:
  void Say(core::Utterances u);
  void Pump(const std::string& language);

  std::unique_ptr<core::Voice> voice_;
  std::function<std::unique_ptr<core::Voice>()> open_voice_;
  std::string output_;  // the output the voice is told to use
  core::SpeechQueue queue_;
  uint64_t started_ = 0;  // the queue's generation whose utterance the voice is saying
  bool was_on_ = false;
  std::string page_;                         // the screen and page last announced
  std::optional<core::SpokenTarget> focus_;  // the item last said
  std::string error_;                        // the problem last said at the focused question
  std::string flag_;                         // the flag message last said at the focused question
  std::string submit_error_;                 // why Send did not work, as last said
  int problems_shown_ = 0;                   // the session's count of Next or Send finding problems
  bool help_ = false;                        // the help key asked for the item again
  std::optional<core::Utterance> level_;     // a volume or speed key's answer
  int volume_ = core::kDefaultSpeechLevel, rate_ = core::kDefaultSpeechLevel;
  std::string said_;
};

}  // namespace app
