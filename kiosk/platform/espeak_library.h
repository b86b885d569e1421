// espeak-ng, opened at first use (dlopen of libespeak-ng.so.1) so that nothing of speech is loaded or
// initialised on the way to the kiosk's first frame, and the kiosk's own list of libraries stays as it was
// (espeak-ng alone brings PulseAudio, libsndfile and ~30 more). Synthesis only, in espeak-ng's synchronous
// mode: the samples come back to the caller, who plays them (platform/sdl_voice.h).
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/base/result.h"

namespace platform {

// Opens the library and initialises it, once per process (later calls answer at once). The sample rate.
core::Result<int> OpenEspeak();

// Says `text` (UTF-8) in a voice for `language` ("es", "en", "es-419"): `samples` receives 16-bit mono
// samples as they are made; it stops early when `cancel` turns true. Call from one thread at a time.
core::Status Synthesize(const std::string& text, const std::string& language, int words_per_minute,
                        int volume, const std::function<void(const int16_t*, size_t)>& samples,
                        const std::atomic<bool>& cancel);

// True when espeak-ng has a voice for `language` (its code or the code's language part, "es" for "es-419").
bool HasVoice(const std::string& language);

}  // namespace platform
