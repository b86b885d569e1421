// The kiosk's modes: load everything (errors name file and JSON pointer), then the window loop or a script.
#include "app/run.h"

#include <SDL.h>
#include <imgui.h>
#include <malloc.h>
#include <spdlog/spdlog.h>

#include <cstdio>
#include <ctime>
#include <fstream>
#include <iostream>

#include "app/headless_driver.h"
#include "app/keypad_map.h"
#include "app/kiosk_app.h"
#include "app/problems_screen.h"
#include "app/sender_child.h"
#include "app/staff_tools.h"
#include "core/content/content_for_config.h"
#include "core/content/content_loader.h"
#include "core/content/palette.h"
#include "core/content/privacy_text.h"
#include "core/delivery/fhir.h"
#include "host/stop_signals.h"
#include "host/systemd_notify.h"
#include "platform/audio_watch.h"
#include "platform/espeak_library.h"
#include "platform/sdl_voice.h"
#include "store/outbox_report.h"

namespace app {

namespace {

// One "Name:   123 kB" field of a /proc/self file, in kB (0 if absent).
long ProcKb(const char* file, const std::string& name) {
  std::ifstream in(file);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(name + ":", 0) == 0) return std::stol(line.substr(name.size() + 1));
  }
  return 0;
}

// Peak RSS, and RSS and PSS now: the memory figures tests/bench/run reads after a scripted visit.
std::string MemoryFigures() {
  return "peak RSS " + std::to_string(ProcKb("/proc/self/status", "VmHWM") / 1024) + " MB; RSS " +
         std::to_string(ProcKb("/proc/self/smaps_rollup", "Rss")) + " kB; PSS " +
         std::to_string(ProcKb("/proc/self/smaps_rollup", "Pss")) + " kB";
}

double MonotonicMs() {
  timespec now{};
  clock_gettime(CLOCK_MONOTONIC, &now);
  return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

// --report-first-frame: when each phase of the start ended, on the clock tests/bench/run starts the process
// by, so the bench can show what each phase costs.
void PrintPhaseDone(const char* phase) {
  std::fprintf(stderr, "start phase \"%s\" done at CLOCK_MONOTONIC %.3f ms\n", phase, MonotonicMs());
}

int Report(const core::Problems& problems) {
  for (const auto& p : problems) std::cerr << p.ToString() << "\n";
  return 1;
}

// Draws only when something changed: blocks until input, the next deadline, the next systemd keep-alive or
// a stop signal. Returns on SIGTERM/SIGINT (and on a window close in a development window).
void WindowLoop(KioskApp& app, platform::SdlWindow& window, const core::Clock& clock,
                const host::StopSignals& stop, bool report_first_frame) {
  auto systemd = host::SystemdNotifier::FromEnvironment();
  systemd.Ready();
  std::unique_ptr<platform::AudioWatch> audio;
  bool audio_started = false;
  for (;;) {
    if (stop.Requested()) {
      spdlog::info("stop requested: closing");
      systemd.Stopping();
      return;
    }
    int timeout_ms = 0;
    if (!app.Animating()) {
      auto wait = app.NextWake() - clock.Now();
      auto ms = std::chrono::duration_cast<core::Millis>(wait).count();
      timeout_ms = static_cast<int>(std::clamp<long long>(ms, 1, systemd.CapWaitMs(60'000)));
    }
    auto events = window.Wait(timeout_ms);
    if (stop.Requested()) continue;
    if (audio && events.audio_changed)  // headphones in or out: Read aloud
      if (auto report = audio->Report()) app.Audio(*report);
    app.HandleEvents(events);  // in kiosk mode no key, gesture or close request ends the app
    if (app.QuitRequested()) return;
    app.Frame();
    if (report_first_frame) {  // the benchmark compares this with the time it started the process
      std::fprintf(stderr, "first frame presented at CLOCK_MONOTONIC %.3f ms\n", MonotonicMs());
      report_first_frame = false;
    }
    if (!audio_started) {  // headphones are watched from the first frame on, never on the way to it
      audio_started = true;
      audio = platform::AudioWatch::Start();  // its first report (the kiosk as it starts) wakes the loop
      malloc_trim(0);  // what the start freed (the content's JSON, the atlas's build) back to the system
    }
    systemd.KeepAlive();
  }
}

}  // namespace

int RunKiosk(const RunOptions& o) {
  auto phase_done = o.report_first_frame ? PrintPhaseDone : [](const char*) {};
  phase_done("exec, dynamic linking, static init, command line");
  // First, before any thread exists: SIGTERM and SIGINT become a clean stop, never SDL's quit event (which a
  // kiosk must ignore, so systemd's stop would end in SIGKILL). The watcher wakes the event loop.
  std::unique_ptr<host::StopSignals> stop;
  if (!o.headless) {
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
    stop = host::StopSignals::Start([] {
      SDL_Event wake{};
      wake.type = SDL_USEREVENT;
      SDL_PushEvent(&wake);
    });
  }
  auto loaded = host::LoadConfigAndPaths(o.paths);
  if (!loaded) return ShowProblems(o, loaded.problems(), stop.get());
  auto& [config, paths] = *loaded;
  for (const auto& p : core::CheckContrast(config.theme, paths.config_file.string()))
    spdlog::warn("{}", p.ToString());  // readable enough to run, but `kiosk check-content` fails on it
  // checked against this config, the privacy notice stating this installation's periods
  auto content = core::LoadContentFor(config, paths.content_dir, paths.config_file.string());
  if (!content) {
    core::Problems problems = content.problems();
    for (auto& p : problems)
      if (p.file != paths.config_file.string()) p.file = (paths.content_dir / p.file).string();
    return ShowProblems(o, problems, stop.get());
  }
  // a keypad key SDL does not know would leave a keypad user without that action
  if (auto problems = core::CheckKeyNames(config.keypad, IsKeyName, paths.config_file.string());
      !problems.empty())
    return ShowProblems(o, problems, stop.get());
  phase_done("config + content (load, checks, privacy notice)");
  std::error_code ec;
  std::filesystem::create_directories(paths.data_dir, ec);
  auto outbox = store::Outbox::Open(paths.outbox());
  if (!outbox) return Report({{paths.outbox().string(), "", outbox.error()}});
  phase_done("outbox open (SQLite)");
  auto fonts = platform::FindFonts(config.theme.font_path);
  if (!fonts) return Report(fonts.problems());
  phase_done("fonts found (cached paths or fontconfig)");

  std::vector<Command> commands;
  if (o.headless) {
    auto text = core::ReadFile(o.script);
    if (!text) return Report({{o.script, "", text.error()}});
    auto parsed = ParseScript(*text, o.script);
    if (!parsed) return Report(parsed.problems());
    commands = std::move(*parsed);
  }

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  platform::WindowOptions wo;
  wo.headless = o.headless;
  wo.fullscreen = !o.windowed && !o.headless;
  wo.width = o.width ? o.width : o.headless ? 1920 : 1280;
  wo.height = o.height ? o.height : o.headless ? 1080 : 800;
  wo.title = content->app.clinic_name;
  if (o.report_first_frame) wo.phase_done = PrintPhaseDone;
  int rc = 0;
  {
    auto window = platform::SdlWindow::Create(wo);
    if (!window) {
      ImGui::DestroyContext();
      return Report(window.problems());
    }
    if (o.headless) {
      // a fixed, known moment so screenshots and ages are the same on every run
      core::ManualClock clock(core::TimePoint(std::chrono::sys_days(std::chrono::year(2026) / 11 / 25)) +
                              std::chrono::hours(10));
      auto staff = MakeStaffController(config, paths, **outbox, clock);
      if (!staff) return Report(staff.problems());
      auto switcher = std::make_unique<ContentSwitch>(**outbox, config, paths.data_dir);
      if (auto installed = switcher->Installed()) content = std::move(*installed);
      KioskApp app(std::move(*content), config, std::move(*outbox), clock, **window, *fonts);
      app.AttachStaff(std::move(*staff), paths.content_dir);
      app.AttachContentSwitch(std::move(switcher));
      HeadlessDriver driver(app, clock, o.screenshots);
      auto status = driver.Run(commands, o.script);
      if (!status) {
        std::cerr << status.error() << "\n";
        rc = 1;
      } else {
        std::cout << o.script << ": " << commands.size() << " lines held; first frame after "
                  << app.first_frame_ms() << " ms; " << MemoryFigures() << "\n";
      }
    } else {
      core::SystemClock clock;
      // The development window starts the sender as production runs it: its own process (as a service).
      std::unique_ptr<SenderChild> sender;
      if (o.windowed) {
        auto started = SenderChild::Start(SenderChild::Program(), paths);
        if (!started)
          spdlog::warn("no sender: {}", started.error());
        else
          sender = std::move(*started);
      }
      auto staff = MakeStaffController(config, paths, **outbox, clock);
      if (!staff) return Report(staff.problems());
      phase_done("staff store + staff controller");
      auto switcher = std::make_unique<ContentSwitch>(**outbox, config, paths.data_dir);
      if (auto installed = switcher->Installed()) content = std::move(*installed);
      KioskApp app(std::move(*content), config, std::move(*outbox), clock, **window, *fonts);
      app.AttachStaff(std::move(*staff), paths.content_dir);
      app.AttachContentSwitch(std::move(switcher));
      app.AllowClose(o.windowed);
      // speech through espeak-ng and the audio device, both opened when Read aloud first turns on
      app.speech().SetVoiceFactory([] { return std::make_unique<platform::SdlVoice>(); });
      phase_done("app: font atlas, demo content, logo");
      WindowLoop(app, **window, clock, *stop, o.report_first_frame);
    }
  }
  ImGui::DestroyContext();
  return rc;
}

namespace {
std::filesystem::path ContentDir(const std::string& dir, const host::PathArgs& paths) {
  if (!dir.empty()) return dir;
  if (!paths.content.empty()) return paths.content;
  return host::DefaultPaths().content_dir;
}
}  // namespace

int ExportFhirQuestionnaire(const std::string& dir, const std::string& language,
                            const host::PathArgs& paths) {
  std::filesystem::path content_dir = ContentDir(dir, paths);
  auto content = core::LoadContent(content_dir);
  if (!content) return Report(content.problems());
  // The privacy notice as this kiosk shows it: its config's periods, the defaults when it has no config.
  core::Config config;
  std::filesystem::path config_file =
      paths.config.empty() ? host::DefaultPaths().config_file : std::filesystem::path(paths.config);
  if (std::error_code ec; std::filesystem::exists(config_file, ec)) {
    auto loaded = host::LoadConfigAndPaths(paths);
    if (!loaded) return Report(loaded.problems());
    config = loaded->first;
  }
  if (auto problems = core::FillPrivacy(*content, core::PrivacyFactsOf(config)); !problems.empty()) {
    for (auto& p : problems) p.file = (content_dir / p.file).string();
    return Report(problems);
  }
  std::cout << core::DumpJson(core::ToFhirQuestionnaire(
                                  *content, language.empty() ? content->default_language : language),
                              2)
            << "\n";
  return 0;
}

namespace {
// The kiosk's config (the one the kiosk would use) as check-content sees it: whether it loads, and the
// contrast of its theme. Returns the problems, each printed; a missing config file is not one of them.
core::Problems CheckConfig(const host::PathArgs& paths, std::string& checked) {
  host::Paths defaults = host::DefaultPaths();
  std::filesystem::path file =
      paths.config.empty() ? defaults.config_file : std::filesystem::path(paths.config);
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) {
    checked = "no config at " + file.string() + ": its theme is not checked";
    return {};
  }
  auto loaded = host::LoadConfigAndPaths(paths);
  if (!loaded) return loaded.problems();
  core::Problems problems = core::CheckContrast(loaded->first.theme, file.string());
  for (auto& p : core::CheckKeyNames(loaded->first.keypad, IsKeyName, file.string())) problems.push_back(p);
  checked = file.string() + ": ok: the theme's " + std::to_string(core::ThemeColourPairs().size()) +
            " colour pairs meet WCAG 2.2 contrast, in the normal and the high-contrast look";
  return problems;
}
}  // namespace

int CheckContent(const std::string& dir, const host::PathArgs& paths) {
  std::filesystem::path content_dir = ContentDir(dir, paths);
  std::string config_checked;
  core::Problems config_problems = CheckConfig(paths, config_checked);
  for (const auto& p : config_problems) std::cout << p.ToString() << "\n";
  if (!config_problems.empty()) std::cout << config_problems.size() << " problem(s) in the config\n";
  auto content = core::LoadContent(content_dir);
  if (!content) {
    for (auto p : content.problems()) {
      p.file = (content_dir / p.file).string();
      std::cout << p.ToString() << "\n";
    }
    std::cout << content.problems().size() << " problem(s) in " << content_dir.string() << "\n";
    return 1;
  }
  core::Config config;  // without a config file, the defaults the kiosk would run with
  if (auto loaded = host::LoadConfigAndPaths(paths)) {
    auto file = loaded->second.config_file.string();
    for (const auto& p : core::CheckConfigAgainstContent(loaded->first, *content, file)) {
      std::cout << p.ToString() << "\n";
      config_problems.push_back(p);
    }
    config = loaded->first;
  }
  // a privacy notice promising a period this config does not have: the content is not ok with it
  core::Problems privacy = core::FillPrivacy(*content, core::PrivacyFactsOf(config));
  for (auto p : privacy) {
    p.file = (content_dir / p.file).string();
    std::cout << p.ToString() << "\n";
  }
  if (!privacy.empty()) {
    std::cout << privacy.size() << " problem(s) in " << content_dir.string()
              << " with this config (the privacy notice's periods)\n";
    return 1;
  }
  size_t flags = 0;
  for (const auto& [id, q] : content->questions) flags += q->flags.size();
  std::cout << content_dir.string() << ": ok: " << content->id << " " << content->version << ", "
            << content->languages.size() << " language(s), " << content->steps.size() << " steps, "
            << content->questions.size() << " questions, " << flags << " flags"
            << (content->demo ? ", demo flow of " + std::to_string(content->demo->steps.size()) + " steps"
                              : "")
            << "\n";
  for (const auto& lang : content->languages) {
    if (!platform::HasVoice(lang.code))
      std::cout << (content_dir / "manifest.json").string() << ": note: language \"" << lang.code
                << "\" has no espeak-ng voice on this machine: Read aloud cannot speak it (is espeak-ng-data "
                   "installed?)\n";
  }
  if (!config_problems.empty()) return 1;
  std::cout << config_checked << "\n";
  return 0;
}

int ShowOutbox(const host::PathArgs& args, const std::string& show_id) {
  auto loaded = host::LoadConfigAndPaths(args);
  if (!loaded) return Report(loaded.problems());
  if (!std::filesystem::exists(loaded->second.outbox())) {
    std::cout << "no outbox at " << loaded->second.outbox().string() << " yet: nothing has been submitted\n";
    return show_id.empty() ? 0 : 1;
  }
  auto outbox = store::Outbox::Open(loaded->second.outbox());
  if (!outbox) return Report({{loaded->second.outbox().string(), "", outbox.error()}});
  if (!show_id.empty()) {
    auto payload = (*outbox)->Payload(show_id);
    if (!payload) return Report(payload.problems());
    if (!*payload) {
      std::cerr << "no intake " << show_id << " in the outbox\n";
      return 1;
    }
    std::cout << **payload << "\n";
    return 0;
  }
  auto rows = (*outbox)->List();
  if (!rows) return Report(rows.problems());
  std::cout << store::FormatOutboxTable(*rows);
  if (auto counts = (*outbox)->Counts()) std::cout << store::FormatOutboxCounts(*counts) << "\n";
  if (auto running = (*outbox)->GetRunningContent())
    std::cout << store::FormatRunningContent(*running) << "\n";
  return 0;
}

}  // namespace app
