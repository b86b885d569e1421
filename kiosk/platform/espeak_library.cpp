// espeak-ng through dlopen: the few functions the kiosk uses, looked up once.
#include "platform/espeak_library.h"

#include <dlfcn.h>
#include <espeak-ng/speak_lib.h>

#include <cctype>
#include <cstring>
#include <mutex>

namespace platform {

namespace {

struct Espeak {
  decltype(&espeak_Initialize) initialize = nullptr;
  decltype(&espeak_SetSynthCallback) set_callback = nullptr;
  decltype(&espeak_SetParameter) set_parameter = nullptr;
  decltype(&espeak_SetVoiceByProperties) set_voice = nullptr;
  decltype(&espeak_Synth) synth = nullptr;
  decltype(&espeak_ListVoices) list_voices = nullptr;
  int sample_rate = 0;
  std::string error;
};

// The synthesis in progress (espeak-ng's callback has no context of its own beyond user_data).
struct Job {
  const std::function<void(const int16_t*, size_t)>* samples;
  const std::atomic<bool>* cancel;
};

int OnSamples(short* wav, int count, espeak_EVENT* events) {
  auto* job = events ? static_cast<Job*>(events->user_data) : nullptr;
  if (!job) return 0;
  if (job->cancel->load()) return 1;  // stop: a key, a touch or the wipe
  if (wav && count > 0) (*job->samples)(wav, static_cast<size_t>(count));
  return 0;
}

Espeak& Library() {
  static Espeak e;
  static std::once_flag once;
  std::call_once(once, [] {
    void* lib = dlopen("libespeak-ng.so.1", RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
      e.error = std::string("speech is off: libespeak-ng.so.1 could not be opened (") + dlerror() + ")";
      return;
    }
    auto sym = [&](auto& fn, const char* name) {
      fn = reinterpret_cast<std::remove_reference_t<decltype(fn)>>(dlsym(lib, name));
      if (!fn && e.error.empty()) e.error = std::string("speech is off: libespeak-ng lacks ") + name;
    };
    sym(e.initialize, "espeak_Initialize");
    sym(e.set_callback, "espeak_SetSynthCallback");
    sym(e.set_parameter, "espeak_SetParameter");
    sym(e.set_voice, "espeak_SetVoiceByProperties");
    sym(e.synth, "espeak_Synth");
    sym(e.list_voices, "espeak_ListVoices");
    if (!e.error.empty()) return;
    e.sample_rate = e.initialize(AUDIO_OUTPUT_SYNCHRONOUS, 200, nullptr, 0);
    if (e.sample_rate <= 0) {
      e.error = "speech is off: espeak-ng did not start (is espeak-ng-data installed?)";
      return;
    }
    e.set_callback(OnSamples);
  });
  return e;
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

core::Result<int> OpenEspeak() {
  Espeak& e = Library();
  if (!e.error.empty()) return core::Result<int>::Fail(e.error);
  return e.sample_rate;
}

bool HasVoice(const std::string& language) {
  Espeak& e = Library();
  if (!e.error.empty()) return false;
  std::string want = Lower(language), base = want.substr(0, want.find('-'));
  for (const espeak_VOICE** v = e.list_voices(nullptr); v && *v; ++v) {
    // "languages": a priority byte, then a name, zero-terminated, repeated; an empty name ends it
    for (const char* l = (*v)->languages; l && *l; l += std::strlen(l + 1) + 2) {
      std::string name = Lower(l + 1);
      if (name == want || name == base) return true;
    }
  }
  return false;
}

core::Status Synthesize(const std::string& text, const std::string& language, int words_per_minute,
                        int volume, const std::function<void(const int16_t*, size_t)>& samples,
                        const std::atomic<bool>& cancel) {
  Espeak& e = Library();
  if (!e.error.empty()) return core::Status::Fail(e.error);
  std::string lang = Lower(language);
  espeak_VOICE voice{};
  voice.languages = lang.c_str();
  if (e.set_voice(&voice) != EE_OK) {
    std::string base = lang.substr(0, lang.find('-'));
    voice.languages = base.c_str();
    if (e.set_voice(&voice) != EE_OK) return core::Status::Fail("espeak-ng has no voice for this language");
  }
  e.set_parameter(espeakRATE, words_per_minute, 0);
  e.set_parameter(espeakVOLUME, volume, 0);
  Job job{&samples, &cancel};
  espeak_ERROR r =
      e.synth(text.c_str(), text.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, nullptr, &job);
  if (r != EE_OK) return core::Status::Fail("espeak-ng could not say it");
  return core::Ok{};
}

}  // namespace platform
