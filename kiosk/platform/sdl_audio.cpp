// SdlAudioHold and ListAudioOutputs: SDL_InitSubSystem/SDL_QuitSubSystem(SDL_INIT_AUDIO) under one lock.
#include "platform/sdl_audio.h"

#include <SDL.h>

#include <mutex>
#include <utility>

namespace platform {

namespace {

std::mutex& AudioLock() {
  static std::mutex lock;
  return lock;
}

}  // namespace

core::Result<SdlAudioHold> SdlAudioHold::Take() {
  std::lock_guard<std::mutex> lock(AudioLock());
  SdlAudioHold hold;
  hold.shared_ = SDL_WasInit(SDL_INIT_AUDIO) != 0;
  if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0)
    return core::Result<SdlAudioHold>::Fail(std::string("no audio: ") + SDL_GetError());
  hold.held_ = true;
  return hold;
}

SdlAudioHold::SdlAudioHold(SdlAudioHold&& other) noexcept
    : held_(std::exchange(other.held_, false)), shared_(other.shared_) {}

SdlAudioHold& SdlAudioHold::operator=(SdlAudioHold&& other) noexcept {
  if (this != &other) {
    Release();
    held_ = std::exchange(other.held_, false);
    shared_ = other.shared_;
  }
  return *this;
}

SdlAudioHold::~SdlAudioHold() {
  Release();
}

void SdlAudioHold::Release() {
  if (!std::exchange(held_, false)) return;
  std::lock_guard<std::mutex> lock(AudioLock());
  SDL_QuitSubSystem(SDL_INIT_AUDIO);  // the last hold closes it: SDL's ALSA thread ends
}

core::Result<AudioOutputs> ListAudioOutputs() {
  auto hold = SdlAudioHold::Take();
  if (!hold) return hold.problems();
  AudioOutputs outputs;
  outputs.maybe_stale = hold->shared();
  int n = SDL_GetNumAudioDevices(0);
  for (int i = 0; i < n; ++i)
    if (const char* name = SDL_GetAudioDeviceName(i, 0)) outputs.names.emplace_back(name);
  return outputs;
}

}  // namespace platform
