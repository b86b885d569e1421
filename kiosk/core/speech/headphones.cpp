// HeadphoneDetector and the Read aloud switch: plug on, unplug and wipe off.
#include "core/speech/headphones.h"

#include <algorithm>
#include <utility>

namespace core {

bool ReadAloudAfter(bool on, SpeechSwitch what) {
  switch (what) {
    case SpeechSwitch::kPlugged:
    case SpeechSwitch::kKey:
      return true;
    case SpeechSwitch::kUnplugged:
    case SpeechSwitch::kWipe:
      return false;
    case SpeechSwitch::kTapped:
      return !on;
  }
  return on;
}

namespace {
bool Has(const std::vector<std::string>& list, const std::string& name) {
  return std::find(list.begin(), list.end(), name) != list.end();
}
}  // namespace

std::optional<HeadphoneChange> HeadphoneDetector::Report(const AudioReport& now) {
  std::optional<AudioReport> before = std::exchange(last_, now);
  if (!before) return std::nullopt;           // the kiosk as it starts
  if (!now.jack) last_->jack = before->jack;  // a report without the jack keeps what was known of it
  for (const auto& name : before->outputs)
    if (!Has(now.outputs, name)) return HeadphoneChange{SpeechSwitch::kUnplugged, {}};
  if (before->jack == true && now.jack == false) return HeadphoneChange{SpeechSwitch::kUnplugged, {}};
  for (const auto& name : now.outputs)
    if (!Has(before->outputs, name)) return HeadphoneChange{SpeechSwitch::kPlugged, name};
  if (before->jack == false && now.jack == true) return HeadphoneChange{SpeechSwitch::kPlugged, {}};
  return std::nullopt;
}

}  // namespace core
