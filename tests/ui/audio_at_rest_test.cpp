// Audio at rest (issue 13): nothing of audio runs while the kiosk waits. SDL's audio is open only while the
// outputs are listed or the voice speaks; /dev/snd is watched with inotify (a directory of the test's here);
// the voice closes its device after its last words, and never sends a headset's words to the default
// device. SDL's own drivers stand in for a sound card: "dummy" lists one output, "disk" writes the samples
// to a file.
#include <SDL.h>
#include <doctest/doctest.h>
#include <stdlib.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <thread>

#include "platform/audio_watch.h"
#include "platform/device_node_watch.h"
#include "platform/sdl_audio.h"
#include "platform/sdl_voice.h"
#include "store/temp_dir.h"

namespace {

using namespace std::chrono_literals;
namespace fs = std::filesystem;

// Waits up to `limit` for `done`; true if it came.
bool WaitFor(const std::function<bool()>& done, std::chrono::milliseconds limit = 5s) {
  auto until = std::chrono::steady_clock::now() + limit;
  while (!done()) {
    if (std::chrono::steady_clock::now() > until) return false;
    std::this_thread::sleep_for(10ms);
  }
  return true;
}

bool AudioOpen() {
  return SDL_WasInit(SDL_INIT_AUDIO) != 0;
}

void Touch(const fs::path& file) {
  std::ofstream(file).put('x');
}

// The loudest sample of a raw S16 file (the disk driver's output).
int Loudest(const fs::path& raw) {
  std::ifstream f(raw, std::ios::binary);
  int loudest = 0;
  int16_t s = 0;
  while (f.read(reinterpret_cast<char*>(&s), 2)) loudest = std::max(loudest, std::abs(static_cast<int>(s)));
  return loudest;
}

}  // namespace

TEST_CASE("the device watch looks at start, once per burst of changes and again after it, and when asked") {
  store_test::TempDir tmp;
  fs::path snd = tmp.path() / "snd";  // absent at start, as on a kiosk with no sound card at boot
  std::atomic<int> looks{0};
  std::atomic<bool> again{false};
  auto watch = platform::DeviceNodeWatch::Start(
      snd,
      [&]() -> std::optional<std::chrono::milliseconds> {
        ++looks;
        if (again.exchange(false)) return 50ms;
        return std::nullopt;
      },
      600ms);  // the second look after a change (the kiosk's: 2 s)
  REQUIRE(watch);
  // The looks that `change` causes, counted once they are over (300 ms of quiet, then the second look).
  auto looks_after = [&](const std::function<void()>& change) {
    int before = looks;
    change();
    std::this_thread::sleep_for(2000ms);
    return looks - before;
  };
  CHECK(WaitFor([&] { return looks == 1; }));  // the look at start
  std::this_thread::sleep_for(1000ms);
  CHECK(looks == 1);  // and none after it

  CHECK(looks_after([&] { fs::create_directory(snd); }) == 2);  // a card's first node makes the directory
  CHECK(looks_after([&] {                                       // a card's nodes, one burst: one change
          for (const char* node : {"controlC1", "pcmC1D0p", "pcmC1D0c", "timer"}) Touch(snd / node);
        }) == 2);
  CHECK(looks_after([&] { Touch(tmp.path() / "tty9"); }) == 0);  // the parent's other names are not sound
  CHECK(looks_after([&] {
          again = true;                  // the first look asks for one more 50 ms later
          fs::remove(snd / "pcmC1D0p");  // pulled out
        }) == 3);
  CHECK(looks_after([&] { fs::remove_all(snd); }) == 2);        // the last card gone
  CHECK(looks_after([&] { fs::create_directory(snd); }) == 2);  // and back: watched again
  CHECK(looks_after([&] { Touch(snd / "pcmC0D0p"); }) == 2);
}

TEST_CASE("listing the outputs opens SDL's audio for just that long; a hold taken meanwhile keeps it open") {
  setenv("SDL_AUDIODRIVER", "dummy", 1);
  REQUIRE_FALSE(AudioOpen());
  auto listed = platform::ListAudioOutputs();
  REQUIRE_MESSAGE(listed.ok(), listed.error());
  CHECK(listed->names == std::vector<std::string>{"System audio output device"});
  CHECK_FALSE(listed->maybe_stale);
  CHECK_FALSE(AudioOpen());

  auto hold = platform::SdlAudioHold::Take();  // the voice speaking
  REQUIRE(hold.ok());
  CHECK(AudioOpen());
  auto meanwhile = platform::ListAudioOutputs();
  REQUIRE(meanwhile.ok());
  CHECK(meanwhile->maybe_stale);  // SDL's list, not a fresh scan
  CHECK(AudioOpen());             // the voice's hold is still there
  { auto gone = std::move(*hold); }
  CHECK_FALSE(AudioOpen());
}

TEST_CASE(
    "the audio watch reports once the outputs are listed, wakes the window loop, and leaves audio closed") {
  setenv("SDL_AUDIODRIVER", "dummy", 1);
  REQUIRE(SDL_Init(SDL_INIT_EVENTS) == 0);
  store_test::TempDir tmp;
  fs::create_directory(tmp.path() / "snd");
  auto wakes = [] {
    SDL_PumpEvents();
    SDL_Event e;
    int n = 0;
    while (SDL_PeepEvents(&e, 1, SDL_GETEVENT, SDL_USEREVENT, SDL_USEREVENT) == 1)
      n += e.user.code == platform::kAudioChangedCode;
    return n;
  };
  auto watch = platform::AudioWatch::Start(tmp.path() / "snd");
  REQUIRE(watch);
  CHECK(WaitFor([&] { return wakes() > 0; }));
  auto report = watch->Report();
  REQUIRE(report);
  CHECK(report->outputs == std::vector<std::string>{"System audio output device"});
  CHECK_FALSE(AudioOpen());  // at rest: SDL's audio (and its ALSA thread) closed

  Touch(tmp.path() / "snd" / "pcmC1D0p");  // a USB headset's node
  int woken = 0;                           // once the burst is over, and again 2 s later
  CHECK(WaitFor([&] { return (woken += wakes()) >= 2; }, 4s));
  CHECK(watch->Report().has_value());
  CHECK_FALSE(AudioOpen());
  watch.reset();
  SDL_Quit();
}

TEST_CASE("a listing that fails reports nothing: the outputs listed later are not taken for a plug") {
  setenv("SDL_AUDIODRIVER", "no-such-driver", 1);  // SDL's audio cannot start (a sound driver still loading)
  REQUIRE(SDL_Init(SDL_INIT_EVENTS) == 0);
  store_test::TempDir tmp;
  fs::create_directory(tmp.path() / "snd");
  auto watch = platform::AudioWatch::Start(tmp.path() / "snd");
  REQUIRE(watch);
  std::this_thread::sleep_for(500ms);
  CHECK_FALSE(watch->Report().has_value());  // no report yet: not an empty list of outputs
  setenv("SDL_AUDIODRIVER", "dummy", 1);     // the driver is there now
  Touch(tmp.path() / "snd" / "controlC0");
  CHECK(WaitFor([&] { return watch->Report().has_value(); }));
  CHECK(watch->Report()->outputs == std::vector<std::string>{"System audio output device"});
  watch.reset();
  SDL_Quit();
}

TEST_CASE(
    "the voice speaks into the device, closes it after its last words, and keeps a headset's words off "
    "the default device") {
  store_test::TempDir tmp;
  fs::path speaker = tmp.path() / "default.raw";
  setenv("SDL_AUDIODRIVER", "disk", 1);  // the default device writes to `speaker`, a named one to that path
  setenv("SDL_DISKAUDIOFILE", speaker.c_str(), 1);
  {
    platform::SdlVoice voice(300ms);
    voice.Speak("One two three", "en", 175, 100);
    CHECK(voice.Speaking());
    CHECK(WaitFor([&] { return !voice.Speaking(); }, 20s));
    CHECK(WaitFor([] { return !AudioOpen(); }));  // closed after 300 ms of quiet
    CHECK(Loudest(speaker) > 1000);               // and it did speak
    MESSAGE((fs::file_size(speaker) / 2) << " samples said");

    fs::remove(speaker);
    voice.UseOutput((tmp.path() / "pulled-out" / "USB Headset").string());  // it cannot be opened
    voice.Speak("Four five six", "en", 175, 100);
    CHECK(WaitFor([&] { return !voice.Speaking(); }, 20s));
    CHECK_FALSE(fs::exists(speaker));  // not one sample to the default device
    CHECK_FALSE(AudioOpen());

    fs::path headset = tmp.path() / "USB Headset";  // another headset plugged in: tried at once
    voice.UseOutput(headset.string());
    voice.Speak("Seven eight", "en", 175, 100);
    CHECK(WaitFor([&] { return !voice.Speaking(); }, 20s));
    CHECK(Loudest(headset) > 1000);
    CHECK_FALSE(fs::exists(speaker));
  }
  CHECK_FALSE(AudioOpen());
}
