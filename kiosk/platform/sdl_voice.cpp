// SdlVoice: one worker thread, espeak-ng's samples straight into SDL's audio queue.
#include "platform/sdl_voice.h"

#include <spdlog/spdlog.h>

#include <utility>

#include "platform/espeak_library.h"

namespace platform {

SdlVoice::SdlVoice(std::chrono::milliseconds close_after)
    : close_after_(close_after), worker_([this] { Work(); }) {}

SdlVoice::~SdlVoice() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    quit_ = true;
    cancel_ = true;
  }
  wake_.notify_all();
  worker_.join();
  if (device_) SDL_CloseAudioDevice(device_);
}

void SdlVoice::Speak(const std::string& text, const std::string& language, int words_per_minute, int volume) {
  Stop();
  {
    std::lock_guard<std::mutex> lock(mutex_);
    job_ = std::make_unique<Job>(Job{text, language, words_per_minute, volume});
    busy_ = true;  // speaking from now: Speaking() must not see a gap before the worker takes it
  }
  wake_.notify_all();
}

void SdlVoice::Stop() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (job_) std::fill(job_->text.begin(), job_->text.end(), '\0');
  job_.reset();
  cancel_ = true;
  if (device_) SDL_ClearQueuedAudio(device_);
}

bool SdlVoice::Speaking() const {
  if (busy_) return true;
  std::lock_guard<std::mutex> lock(mutex_);
  return device_ && SDL_GetQueuedAudioSize(device_) > 0;
}

void SdlVoice::UseOutput(const std::string& name) {
  std::lock_guard<std::mutex> lock(mutex_);
  output_ = name;
  failed_for_.reset();  // headphones plugged in: the device may be there now
}

core::Status SdlVoice::OpenDevice(int sample_rate) {
  std::string output;
  SDL_AudioDeviceID old = 0;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (device_ && opened_ == output_) return core::Ok{};
    output = output_;
    old = std::exchange(device_, 0);  // another output asked for: this one closes
  }
  if (old) SDL_CloseAudioDevice(old);
  if (!audio_) {
    auto hold = SdlAudioHold::Take();
    if (!hold) return core::Status::Fail(hold.error());
    audio_ = std::move(*hold);
  }
  SDL_AudioSpec want{}, have{};
  want.freq = sample_rate;
  want.format = AUDIO_S16SYS;
  want.channels = 1;
  want.samples = 1024;
  // A USB headset by its name, else the default device (the jack's). A headset that cannot be opened (just
  // pulled out) must not send the words to the default device: that may be the loudspeaker.
  SDL_AudioDeviceID dev = SDL_OpenAudioDevice(output.empty() ? nullptr : output.c_str(), 0, &want, &have, 0);
  if (!dev) {
    std::string why =
        std::string(output.empty() ? "no audio device: " : "the headset's audio device: ") + SDL_GetError();
    audio_.reset();
    return core::Status::Fail(why);
  }
  SDL_PauseAudioDevice(dev, 0);
  std::lock_guard<std::mutex> lock(mutex_);
  device_ = dev;
  opened_ = output;
  return core::Ok{};
}

bool SdlVoice::WaitForJob(std::unique_lock<std::mutex>& lock) {
  auto ready = [&] { return quit_ || job_; };
  while (!ready()) {
    if (!device_) {
      wake_.wait(lock, ready);
      break;
    }
    if (wake_.wait_for(lock, close_after_, ready)) break;
    if (SDL_GetQueuedAudioSize(device_) > 0) continue;  // the last words are still being said
    SDL_AudioDeviceID quiet = std::exchange(device_, 0);
    opened_.clear();
    lock.unlock();
    SDL_CloseAudioDevice(quiet);
    audio_.reset();  // the last hold: SDL's audio closes, its ALSA thread ends
    lock.lock();
  }
  return !quit_;
}

void SdlVoice::Work() {
  for (;;) {
    Job job;
    std::string wanted;  // the output these words are for
    bool failed = false;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      if (!WaitForJob(lock)) return;
      job = std::move(*job_);
      job_.reset();
      cancel_ = false;
      wanted = output_;
      failed = failed_for_ == output_;
    }
    if (!failed) {
      auto rate = OpenEspeak();
      core::Status ready = rate ? OpenDevice(*rate) : core::Status::Fail(rate.error());
      if (!ready) {
        {
          std::lock_guard<std::mutex> lock(mutex_);
          failed_for_ = wanted;  // another output asked for meanwhile is tried with the next words
        }
        spdlog::warn("{}", ready.error());  // no text: what would have been said is never logged
      } else {
        auto said = Synthesize(
            job.text, job.language, job.wpm, job.volume,
            [&](const int16_t* s, size_t n) {
              if (!cancel_) SDL_QueueAudio(device_, s, static_cast<Uint32>(n * 2));
            },
            cancel_);
        if (!said) spdlog::warn("speech: {} ({})", said.error(), job.language);
      }
    }
    std::fill(job.text.begin(), job.text.end(), '\0');
    std::lock_guard<std::mutex> lock(mutex_);
    if (!job_) busy_ = false;  // unless a new utterance is already waiting
  }
}

}  // namespace platform
