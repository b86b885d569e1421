// Frame time while scrolling the privacy notice (the longest text that scrolls: the explainer is in pages) at
// 1920x1080 on the software renderer: walks the real app to the notice with the headless driver, then flicks
// it up and down (drag, then glide) and times every frame, rasterised as on a screen. Prints mean and p99;
// never fails on time.
#include <imgui.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <numeric>
#include <vector>

#include "app/headless_driver.h"
#include "app/kiosk_app.h"
#include "app/script.h"
#include "core/content/content_loader.h"
#include "core/content/privacy_text.h"

namespace {

int Fail(const std::string& why) {
  std::fprintf(stderr, "scroll_bench: %s\n", why.c_str());
  return 1;
}

// CPU time of this thread: unlike wall time, it does not count waiting for a core others are using.
double ThreadCpuMs() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

double Mean(const std::vector<double>& ms) {
  return std::accumulate(ms.begin(), ms.end(), 0.0) / static_cast<double>(ms.size());
}

double P99(std::vector<double> ms) {
  std::sort(ms.begin(), ms.end());
  return ms[std::min(ms.size() - 1, ms.size() * 99 / 100)];
}

// The full visit's lines up to the privacy notice.
core::Result<std::vector<app::Command>> ToPrivacyNotice() {
  auto text = core::ReadFile(std::string(KIOSK_SOURCE_DIR) + "/tests/scripts/full-visit.kiosk");
  if (!text) return text.problems();
  auto end = text->find("screenshot privacy.png");
  return app::ParseScript(text->substr(0, end), "full-visit.kiosk");
}

}  // namespace

int main() {
  auto dir = std::filesystem::temp_directory_path() / ("kiosk-scroll-bench-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  ImGui::CreateContext();
  int rc = 0;
  {
    platform::WindowOptions wo;
    wo.headless = true;
    wo.render_every_frame = true;  // every frame really rasterised, as on a screen
    auto window = platform::SdlWindow::Create(wo);
    auto content = core::LoadContent(std::string(KIOSK_SOURCE_DIR) + "/content");
    auto outbox = store::Outbox::Open(dir / "outbox.sqlite");
    auto fonts = platform::FindFonts("");
    auto script = ToPrivacyNotice();
    // the privacy notice as the kiosk shows it with no config (the visit script reads it)
    bool privacy = content && core::FillPrivacy(*content, core::PrivacyFactsOf(core::Config{})).empty();
    if (!window || !privacy || !outbox || !fonts || !script) {
      rc = Fail("cannot start the app");
    } else {
      core::ManualClock clock(core::TimePoint(std::chrono::sys_days(std::chrono::year(2026) / 11 / 25)));
      app::KioskApp app(std::move(*content), core::Config{}, std::move(*outbox), clock, **window, *fonts);
      app::HeadlessDriver driver(app, clock, "");
      if (auto walked = driver.Run(*script, "full-visit.kiosk"); !walked) {
        rc = Fail(walked.error());
      } else {
        std::vector<double> ms, cpu_ms;
        auto frame = [&](float x, float y, bool down) {
          app.Inject({x, y, down, ""});
          clock.Advance(core::Millis(16));
          auto t0 = std::chrono::steady_clock::now();
          double c0 = ThreadCpuMs();
          app.Frame();
          cpu_ms.push_back(ThreadCpuMs() - c0);
          ms.push_back(
              std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
        };
        for (int flick = 0; flick < 8; ++flick) {
          float dir_y = flick % 2 == 0 ? -1.0f : 1.0f, y = flick % 2 == 0 ? 800.0f : 300.0f;
          frame(500, y, false);
          for (int i = 0; i < 12; ++i) frame(500, y + dir_y * 40.0f * static_cast<float>(i), true);
          frame(500, y + dir_y * 480.0f, false);
          for (int i = 0; i < 60 && app.Animating(); ++i) frame(-1, -1, false);  // the glide
        }
        std::printf(
            "scrolling the privacy notice at 1920x1080, software renderer: %zu frames, mean %.1f ms, p99 "
            "%.1f "
            "ms\n",
            ms.size(), Mean(ms), P99(ms));
        std::printf(
            "CPU time of the same frames (what they cost without waiting for a shared core): mean "
            "%.1f ms, p99 %.1f ms\n",
            Mean(cpu_ms), P99(cpu_ms));
      }
    }
  }
  ImGui::DestroyContext();
  std::filesystem::remove_all(dir);
  return rc;
}
