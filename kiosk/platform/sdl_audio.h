// SDL's audio subsystem, open only while it is used (issue 13). While it is open, SDL's ALSA backend keeps a
// thread that wakes every 100 ms and lists the sound cards every 5 s: a tenth of a percent of a core on an
// attract screen that otherwise sleeps. So the voice holds it while it speaks, the audio watch while it lists
// the outputs, and nothing at rest. Both take it from their own threads: one lock for the whole process
// serialises SDL_InitSubSystem and SDL_QuitSubSystem, whose reference counts SDL does not guard. Only those
// two threads use SDL's audio, each under a hold of its own; nothing else may init or quit SDL meanwhile
// (SdlWindow's SDL_Init comes before them, its SDL_Quit after the voice and the watch are gone).
#pragma once

#include <string>
#include <vector>

#include "core/base/result.h"

namespace platform {

// One reference to SDL's audio subsystem: taken by Take (fails with SDL's error if there is no audio at all),
// given back by the destructor.
class SdlAudioHold {
 public:
  static core::Result<SdlAudioHold> Take();
  SdlAudioHold(SdlAudioHold&& other) noexcept;
  SdlAudioHold& operator=(SdlAudioHold&& other) noexcept;
  ~SdlAudioHold();
  // Another hold was already open when this one was taken: SDL did not list the outputs afresh for it.
  bool shared() const { return shared_; }

 private:
  SdlAudioHold() = default;
  void Release();
  bool held_ = false;
  bool shared_ = false;
};

struct AudioOutputs {
  std::vector<std::string> names;
  // SDL's audio was open already (the voice was speaking): the names are SDL's last scan, up to 5 s old.
  bool maybe_stale = false;
};

// The audio outputs SDL lists now (opening its audio for as long as it takes); an error if there is no audio.
core::Result<AudioOutputs> ListAudioOutputs();

}  // namespace platform
