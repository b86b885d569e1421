// Headphones coming and going (issue 19), reported as they are, for core::HeadphoneDetector to judge: the
// audio outputs SDL lists (a USB headset is one more) and the 3.5 mm jack's state
// (platform/headphone_jack.h). Nothing of it runs at rest (issue 13): the outputs are listed when /dev/snd
// changes (platform/device_node_watch.h), with SDL's audio opened for just that long (platform/sdl_audio.h),
// and the jack's thread sleeps until the sound card speaks. Started after the first frame, never on the way
// to it.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/speech/headphones.h"
#include "platform/device_node_watch.h"
#include "platform/headphone_jack.h"

namespace platform {

// The SDL_USEREVENT code with which the watch's threads wake the window loop (SdlWindow::Wait sets
// Events::audio_changed for it).
inline constexpr int kAudioChangedCode = 0x4a41434b;

class AudioWatch {
 public:
  // Starts the jack's watch and the watch of `sound_devices`; the outputs are listed on the watch's thread,
  // and the window loop is woken when they have been (and after each change).
  static std::unique_ptr<AudioWatch> Start(const std::filesystem::path& sound_devices = "/dev/snd");
  // The machine's audio now; nullopt until the outputs have been listed once (the detector's first report
  // must be the kiosk as it starts, whole). A listing that fails changes nothing.
  std::optional<core::AudioReport> Report() const;

 private:
  AudioWatch() = default;
  // Lists the outputs (on the device watch's thread) and wakes the window loop. Returns when to list again:
  // if the voice had SDL's audio open, SDL's list may be up to 5 s old, so once more after it has rescanned.
  std::optional<std::chrono::milliseconds> ListOutputs();

  mutable std::mutex mutex_;
  std::optional<std::vector<std::string>> outputs_;
  bool told_ = false;  // the first listing is logged, once
  std::unique_ptr<HeadphoneJack> jack_;
  std::unique_ptr<DeviceNodeWatch> devices_;  // last: its thread ends before the rest goes
};

}  // namespace platform
