// AudioWatch: SDL's list of audio outputs, listed when /dev/snd changes, and the headphone jack, as one
// report.
#include "platform/audio_watch.h"

#include <SDL.h>
#include <spdlog/spdlog.h>

#include "platform/sdl_audio.h"

namespace platform {

namespace {

// SDL's list is rescanned every 5 s while its audio is open (by the voice).
constexpr std::chrono::milliseconds kAfterSdlRescan{5'500};

void WakeWindowLoop() {
  SDL_Event wake{};
  wake.type = SDL_USEREVENT;
  wake.user.code = kAudioChangedCode;
  SDL_PushEvent(&wake);
}

}  // namespace

std::unique_ptr<AudioWatch> AudioWatch::Start(const std::filesystem::path& sound_devices) {
  auto watch = std::unique_ptr<AudioWatch>(new AudioWatch());
  watch->jack_ = HeadphoneJack::Start(WakeWindowLoop);
  AudioWatch* raw = watch.get();
  watch->devices_ = DeviceNodeWatch::Start(sound_devices, [raw] { return raw->ListOutputs(); });
  if (!watch->devices_) {
    spdlog::warn("USB headsets are not watched: inotify is not available");
    watch->ListOutputs();  // the outputs as they are at start, at least
  }
  return watch;
}

std::optional<std::chrono::milliseconds> AudioWatch::ListOutputs() {
  auto start = std::chrono::steady_clock::now();
  auto listed = ListAudioOutputs();
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!told_) {
      told_ = true;
      if (listed)
        spdlog::info("headphones watched: {} audio output(s) listed in {} ms; {}", listed->names.size(),
                     ms.count(),
                     jack_ ? "a headphone jack through ALSA" : "no headphone jack control on any card");
      else
        spdlog::warn("USB headsets are not watched until SDL lists the audio outputs: {}", listed.error());
    }
    // A listing that failed says nothing about the outputs: the last list stands (an empty one would make
    // the speakers, listed again later, look like headphones plugged in).
    if (!listed) return std::nullopt;
    outputs_ = std::move(listed->names);
  }
  WakeWindowLoop();
  if (listed->maybe_stale) return kAfterSdlRescan;
  return std::nullopt;
}

std::optional<core::AudioReport> AudioWatch::Report() const {
  core::AudioReport report;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!outputs_) return std::nullopt;
    report.outputs = *outputs_;
  }
  if (jack_) report.jack = jack_->Plugged();
  return report;
}

}  // namespace platform
