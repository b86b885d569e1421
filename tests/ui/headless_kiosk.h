// A real kiosk app, headless at 1280x800 on a manual clock, for UI tests: run script lines against it and
// look at its session, UI state and ImGui's memory.
#pragma once

#include <doctest/doctest.h>
#include <imgui.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "app/headless_driver.h"
#include "app/kiosk_app.h"
#include "app/script.h"
#include "app/staff_tools.h"
#include "core/content/content_loader.h"
#include "core/content/privacy_text.h"

namespace ui_test {

struct Kiosk {
  std::filesystem::path dir;
  core::ManualClock clock{core::TimePoint(std::chrono::sys_days(std::chrono::year(2026) / 11 / 25))};
  std::unique_ptr<platform::SdlWindow> window;
  std::unique_ptr<app::KioskApp> app;

  // With `with_staff`, staff mode is attached as the kiosk runs it (its PIN store and today's list in `dir`).
  explicit Kiosk(core::Config config = {}, bool with_staff = false) {
    dir = std::filesystem::temp_directory_path() / ("kiosk-ui-test-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    ImGui::CreateContext();
    platform::WindowOptions wo;
    wo.headless = true;
    wo.width = 1280;
    wo.height = 800;
    window = std::move(*platform::SdlWindow::Create(wo));
    auto content = core::LoadContent(std::string(KIOSK_SOURCE_DIR) + "/content");
    REQUIRE(content.ok());
    REQUIRE(core::FillPrivacy(*content, core::PrivacyFactsOf(config)).empty());  // as the kiosk's start does
    auto outbox = store::Outbox::Open(dir / "outbox.sqlite");
    REQUIRE(outbox.ok());
    auto fonts = platform::FindFonts("");
    REQUIRE(fonts.ok());
    auto& outbox_ref = **outbox;
    app = std::make_unique<app::KioskApp>(std::move(*content), config, std::move(*outbox), clock, *window,
                                          *fonts);
    if (with_staff) {
      auto staff = app::MakeStaffController(config, paths(), outbox_ref, clock);
      REQUIRE(staff.ok());
      app->AttachStaff(std::move(*staff), paths().content_dir);
    }
  }
  host::Paths paths() const { return {dir / "kiosk.json", std::string(KIOSK_SOURCE_DIR) + "/content", dir}; }
  ~Kiosk() {
    app.reset();
    window.reset();
    ImGui::DestroyContext();
    std::filesystem::remove_all(dir);
  }
  void Run(const std::string& script) {
    auto commands = app::ParseScript(script, "test");
    REQUIRE(commands.ok());
    app::HeadlessDriver driver(*app, clock, "");
    auto status = driver.Run(*commands, "test");
    INFO(status.error());
    REQUIRE(status.ok());
  }
  // A frame drawn now and read back whole.
  core::Image Capture() {
    core::Image image;
    app->Frame(&image);
    REQUIRE(image.width > 0);
    return image;
  }
  // The tap target labelled `label` on the last frame; fails the test when there is none.
  ui::Target Target(const std::string& label) {
    for (const auto& t : app->ui().registry().targets()) {
      if (t.label == label) return t;
    }
    FAIL("no target labelled " << label);
    return {};
  }
  // Scrolls the page to the target labelled `label`, as a finger would drag it up.
  void ScrollTo(const std::string& label) { app->ui().ScrollTo(Target(label).content_y); }
};

// The lines of tests/scripts/`script` before its first `until` line, without its screenshots (a test has
// no folder for them), then `until` itself: a whole visit's own script, stopped where a test takes over.
inline std::string ScriptUpTo(const std::string& script, const std::string& until) {
  std::ifstream in(std::string(KIOSK_SOURCE_DIR) + "/tests/scripts/" + script);
  std::stringstream all;
  all << in.rdbuf();
  std::string text = all.str();
  auto end = text.find(until);
  REQUIRE_MESSAGE(end != std::string::npos, script << " has no line " << until);
  std::string out;
  std::istringstream lines(text.substr(0, end));
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("screenshot", 0) != 0) out += line + "\n";
  }
  return out + until + "\n";
}

}  // namespace ui_test
