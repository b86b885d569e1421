// Headphones and Read aloud (issue 19): plugged in, speech on; pulled out or wiped, off; the kiosk as it
// starts (its speakers, headphones left in) changes nothing; a USB headset and the 3.5 mm jack alike.
#include <doctest/doctest.h>

#include "core/speech/headphones.h"

using core::AudioReport;
using core::HeadphoneChange;
using core::HeadphoneDetector;
using core::SpeechSwitch;

TEST_SUITE("headphones") {
  TEST_CASE(
      "plugged in or a key on the attract screen turns speech on, pulled out and the wipe turn it off") {
    CHECK(core::ReadAloudAfter(false, SpeechSwitch::kPlugged));
    CHECK(core::ReadAloudAfter(true, SpeechSwitch::kPlugged));
    CHECK_FALSE(core::ReadAloudAfter(true, SpeechSwitch::kUnplugged));
    CHECK_FALSE(core::ReadAloudAfter(false, SpeechSwitch::kUnplugged));
    CHECK_FALSE(core::ReadAloudAfter(true, SpeechSwitch::kWipe));
    CHECK(core::ReadAloudAfter(false, SpeechSwitch::kKey));
    CHECK(core::ReadAloudAfter(true, SpeechSwitch::kKey));
    CHECK(core::ReadAloudAfter(false, SpeechSwitch::kTapped));
    CHECK_FALSE(core::ReadAloudAfter(true, SpeechSwitch::kTapped));
  }

  TEST_CASE("the first report is the kiosk as it starts, even with headphones left in the jack") {
    HeadphoneDetector d;
    CHECK_FALSE(d.Report({{"Built-in Audio"}, true}));
    CHECK_FALSE(d.Report({{"Built-in Audio"}, true}));  // nothing changed
    CHECK(d.Report({{"Built-in Audio"}, false}) == HeadphoneChange{SpeechSwitch::kUnplugged, ""});
    CHECK(d.Report({{"Built-in Audio"}, true}) == HeadphoneChange{SpeechSwitch::kPlugged, ""});
  }

  TEST_CASE("a USB headset is an output that appears, and speech goes to it; it disappears: unplugged") {
    HeadphoneDetector d;
    CHECK_FALSE(d.Report({{"Built-in Audio"}, std::nullopt}));
    CHECK(d.Report({{"Built-in Audio", "USB Headset"}, std::nullopt}) ==
          HeadphoneChange{SpeechSwitch::kPlugged, "USB Headset"});
    CHECK_FALSE(d.Report({{"Built-in Audio", "USB Headset"}, std::nullopt}));
    CHECK(d.Report({{"Built-in Audio"}, std::nullopt}) == HeadphoneChange{SpeechSwitch::kUnplugged, ""});
  }

  TEST_CASE("a jack the sound card starts telling about later is known from then, not a plug") {
    HeadphoneDetector d;
    CHECK_FALSE(d.Report({{"Built-in Audio"}, std::nullopt}));
    CHECK_FALSE(d.Report({{"Built-in Audio"}, true}));
    CHECK_FALSE(d.Report({{"Built-in Audio"}, std::nullopt}));  // a report of outputs alone keeps the jack
    CHECK(d.Report({{"Built-in Audio"}, false}) == HeadphoneChange{SpeechSwitch::kUnplugged, ""});
  }

  TEST_CASE("pulled out and plugged in within one report: off wins") {
    HeadphoneDetector d;
    CHECK_FALSE(d.Report({{"Built-in Audio", "USB Headset"}, false}));
    CHECK(d.Report({{"Built-in Audio"}, true}) == HeadphoneChange{SpeechSwitch::kUnplugged, ""});
    CHECK(d.Report({{"Built-in Audio", "Other Headset"}, true})->what == SpeechSwitch::kPlugged);
  }
}
