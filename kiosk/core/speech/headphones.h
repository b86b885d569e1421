// Headphones turn speech on and off (issue 19): plugged in, Read aloud goes on; pulled out, it goes off
// (speech must never move on to a loudspeaker); the wipe turns it off. What the audio system reports (the
// outputs it lists, the 3.5 mm jack's state) becomes a plug or an unplug here; the platform only reports.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace core {

// What the machine's audio looks like now.
struct AudioReport {
  std::vector<std::string> outputs;  // the audio outputs the system lists (a USB headset is one more)
  std::optional<bool> jack;          // the headphone jack's state, if the sound card tells it
  bool operator==(const AudioReport&) const = default;
};

enum class SpeechSwitch {
  kPlugged,    // headphones plugged in: speech on
  kUnplugged,  // headphones pulled out: speech off
  kWipe,       // the visit ended: speech off
  kTapped,     // the client turned Read aloud on or off
  kKey,        // a key on the attract screen: the visit starts, and speech with it (EZ-Access's way)
};

// Read aloud after `what`, when it was `on`.
bool ReadAloudAfter(bool on, SpeechSwitch what);

struct HeadphoneChange {
  SpeechSwitch what = SpeechSwitch::kPlugged;
  std::string output;  // a USB headset plugged in: its name (speech goes to it); empty for the jack
  bool operator==(const HeadphoneChange&) const = default;
};

// Compares each report with the one before. The first report is the kiosk as it starts (its speakers,
// headphones left plugged in): nothing to change. Then an output that appears is headphones plugged in, one
// that disappears headphones pulled out; the jack going to plugged is a plug, to unplugged an unplug. An
// unplug in the same report as a plug wins (never speak on after headphones were pulled out).
class HeadphoneDetector {
 public:
  std::optional<HeadphoneChange> Report(const AudioReport& now);

 private:
  std::optional<AudioReport> last_;
};

}  // namespace core
