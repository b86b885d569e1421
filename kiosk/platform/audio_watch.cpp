// AudioWatch: SDL's list of audio outputs and the headphone jack, as one report.
#include "platform/audio_watch.h"

#include <SDL.h>
#include <spdlog/spdlog.h>

#include <chrono>

namespace platform {

std::unique_ptr<AudioWatch> AudioWatch::Start() {
  auto start = std::chrono::steady_clock::now();
  if (!SDL_WasInit(SDL_INIT_AUDIO) && SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
    spdlog::warn("headphones are not watched: no audio ({})", SDL_GetError());
    return nullptr;
  }
  auto watch = std::unique_ptr<AudioWatch>(new AudioWatch());
  watch->jack_ = HeadphoneJack::Start([] {
    SDL_Event wake{};
    wake.type = SDL_USEREVENT;
    wake.user.code = kAudioChangedCode;
    SDL_PushEvent(&wake);
  });
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
  spdlog::info("headphones watched: audio outputs through SDL ({}), {}; {} ms", SDL_GetCurrentAudioDriver(),
               watch->jack_ ? "a headphone jack through ALSA" : "no headphone jack control on any card",
               ms.count());
  return watch;
}

core::AudioReport AudioWatch::Report() const {
  core::AudioReport report;
  int n = SDL_GetNumAudioDevices(0);
  for (int i = 0; i < n; ++i)
    if (const char* name = SDL_GetAudioDeviceName(i, 0)) report.outputs.emplace_back(name);
  if (jack_) report.jack = jack_->Plugged();
  return report;
}

}  // namespace platform
