// The speech queue: interruptions, paragraph skipping, and the speed and volume levels.
#include "core/speech/speech_queue.h"

#include <algorithm>

namespace core {

void SpeechQueue::Say(Utterances utterances) {
  items_ = std::move(utterances);
  at_ = 0;
  ++generation_;
}

void SpeechQueue::Clear() {
  for (Utterance& u : items_) std::fill(u.text.begin(), u.text.end(), '\0');  // it may hold what was typed
  items_.clear();
  at_ = 0;
  ++generation_;
}

void SpeechQueue::Finished() {
  if (at_ < items_.size()) ++at_;
  ++generation_;
}

bool SpeechQueue::SkipParagraph() {
  const Utterance* u = Current();
  if (!u || u->kind != UtteranceKind::kParagraph) return false;
  Finished();
  return true;
}

int WordsPerMinute(int rate_level) {
  return 100 + 15 * std::clamp(rate_level, 1, 10);
}

int VoiceVolume(int volume_level) {
  return 20 * std::clamp(volume_level, 1, 10);
}

int StepLevel(int level, int by) {
  return std::clamp(level + by, 1, 10);
}

Millis SpokenDuration(const std::string& text, int rate_level) {
  int words = 1;
  for (char c : text)
    if (c == ' ') ++words;
  return Millis(60000LL * words / WordsPerMinute(rate_level) + 300);  // and a pause after it
}

}  // namespace core
