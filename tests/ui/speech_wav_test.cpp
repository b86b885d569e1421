// Speech as sound (issue 19): one screen's words, as the kiosk says them, rendered by espeak-ng to a WAV file
// (build/screenshots/speech/health_es.wav, to listen to), which must last as long as such words take and not
// be silent. Also: the shipped languages each have an espeak-ng voice, and a language without one is told.
#include <doctest/doctest.h>

#include <atomic>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <vector>

#include "core/content/content_loader.h"
#include "core/speech/speech_queue.h"
#include "core/speech/speech_text.h"
#include "core/visit/rules.h"
#include "platform/espeak_library.h"

namespace {

void WriteWav(const std::filesystem::path& path, const std::vector<int16_t>& samples, int rate) {
  std::ofstream f(path, std::ios::binary);
  auto u32 = [&](uint32_t v) { f.write(reinterpret_cast<const char*>(&v), 4); };
  auto u16 = [&](uint16_t v) { f.write(reinterpret_cast<const char*>(&v), 2); };
  uint32_t bytes = static_cast<uint32_t>(samples.size() * 2);
  f.write("RIFF", 4);
  u32(36 + bytes);
  f.write("WAVEfmt ", 8);
  u32(16);
  u16(1);  // PCM
  u16(1);  // mono
  u32(static_cast<uint32_t>(rate));
  u32(static_cast<uint32_t>(rate * 2));
  u16(2);
  u16(16);
  f.write("data", 4);
  u32(bytes);
  f.write(reinterpret_cast<const char*>(samples.data()), bytes);
}

// The samples of a WAV file this test wrote (44-byte header), and its rate.
std::vector<int16_t> ReadWav(const std::filesystem::path& path, int& rate) {
  std::ifstream f(path, std::ios::binary);
  std::vector<char> bytes((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  REQUIRE(bytes.size() >= 44);
  std::memcpy(&rate, bytes.data() + 24, 4);
  std::vector<int16_t> out((bytes.size() - 44) / 2);
  std::memcpy(out.data(), bytes.data() + 44, out.size() * 2);
  return out;
}

}  // namespace

TEST_CASE(
    "one screen's speech rendered by espeak-ng to a WAV file lasts as long as its words and is not silent") {
  auto rate = platform::OpenEspeak();
  REQUIRE_MESSAGE(rate.ok(), rate.error());
  auto content = core::LoadContent(std::filesystem::path(KIOSK_SOURCE_DIR) / "content");
  REQUIRE(content.ok());
  core::Session s;
  s.screen = core::Screen::kStep;
  s.language = "es";
  for (size_t i = 0; i < content->steps.size(); ++i)
    if (content->steps[i].id == "health") s.step = i;
  core::Date today{2026, 11, 25};
  std::string text =
      core::Joined(core::ScreenSpeech(*content, s, core::ComputeVisibility(*content, {}, today)));
  REQUIRE(text.find("Paso") != std::string::npos);
  std::vector<int16_t> samples;
  std::atomic<bool> cancel{false};
  auto said = platform::Synthesize(
      text, "es", core::WordsPerMinute(5), core::VoiceVolume(5),
      [&](const int16_t* p, size_t n) { samples.insert(samples.end(), p, p + n); }, cancel);
  REQUIRE_MESSAGE(said.ok(), said.error());
  auto dir = std::filesystem::path(KIOSK_BINARY_DIR) / "screenshots" / "speech";
  std::filesystem::create_directories(dir);
  WriteWav(dir / "health_es.wav", samples, *rate);
  int read_rate = 0;
  auto wav = ReadWav(dir / "health_es.wav", read_rate);
  CHECK(read_rate == *rate);
  double seconds = static_cast<double>(wav.size()) / read_rate;
  int words = 1 + static_cast<int>(std::count(text.begin(), text.end(), ' '));
  double expected = words * 60.0 / core::WordsPerMinute(5);
  MESSAGE(words << " words, " << seconds << " s of speech at " << read_rate << " Hz");
  CHECK(seconds > expected * 0.5);
  CHECK(seconds < expected * 2.0);
  double sum = 0;
  size_t loud = 0;
  for (int16_t v : wav) {
    sum += static_cast<double>(v) * v;
    loud += std::abs(v) > 1000;
  }
  double rms = std::sqrt(sum / static_cast<double>(wav.size()));
  MESSAGE("RMS " << rms << ", " << loud << " samples above 1000");
  CHECK(rms > 500);
  CHECK(loud > wav.size() / 20);
}

TEST_CASE(
    "a cancelled utterance stops at once; the shipped languages have voices, an invented one has none") {
  std::atomic<bool> cancel{true};
  size_t n = 0;
  auto said = platform::Synthesize(
      "Uno dos tres cuatro cinco seis siete ocho nueve diez", "es", 175, 100,
      [&](const int16_t*, size_t k) { n += k; }, cancel);
  CHECK(said.ok());
  CHECK(n == 0);
  for (const char* lang : {"en", "es", "fr", "es-419", "fr-CA", "zh"})
    CHECK_MESSAGE(platform::HasVoice(lang), lang);
  CHECK_FALSE(platform::HasVoice("tlh"));  // Klingon: declared by no one, spoken by no voice
}
