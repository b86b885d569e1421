// A real kiosk app, headless at 1280x800 on a manual clock, for UI tests: run script lines against it and
// look at its session, UI state and ImGui's memory.
#pragma once

#include <doctest/doctest.h>
#include <imgui.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>

#include "app/headless_driver.h"
#include "app/kiosk_app.h"
#include "app/script.h"
#include "core/content/content_loader.h"

namespace ui_test {

struct Kiosk {
  std::filesystem::path dir;
  core::ManualClock clock{core::TimePoint(std::chrono::sys_days(std::chrono::year(2026) / 11 / 25))};
  std::unique_ptr<platform::SdlWindow> window;
  std::unique_ptr<app::KioskApp> app;

  explicit Kiosk(core::Config config = {}) {
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
    auto outbox = store::Outbox::Open(dir / "outbox.sqlite");
    REQUIRE(outbox.ok());
    auto fonts = platform::FindFonts("");
    REQUIRE(fonts.ok());
    app = std::make_unique<app::KioskApp>(std::move(*content), std::move(config), std::move(*outbox), clock,
                                          *window, *fonts);
  }
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
};

}  // namespace ui_test
