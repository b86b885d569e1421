// The staff error screen: a heading, what to do, and each problem as "file: /pointer: what is wrong".
// Its words are fixed English for staff: the content, where every other word lives, is what is broken.
#include "app/problems_screen.h"

#include <imgui.h>

#include <filesystem>
#include <iostream>
#include <optional>

#include "core/content/config.h"
#include "host/systemd_notify.h"
#include "platform/font_finder.h"
#include "platform/png.h"
#include "platform/sdl_window.h"
#include "ui/fonts.h"
#include "ui/theme.h"

namespace app {
namespace {

constexpr const char* kHeading = "This kiosk cannot start its visit";
constexpr const char* kAdvice =
    "For staff: the kiosk's content or settings have the problems below. Fix the files they name, then "
    "restart the kiosk. `kiosk check-content` lists the same problems.";

// The folder every problem's file is in, when they all share one ("" otherwise): shown once above the list,
// so each line starts with the file's name instead of a long path that pushes the reason onto a second line.
std::string CommonFolder(const core::Problems& problems) {
  std::optional<std::filesystem::path> folder;
  for (const auto& p : problems) {
    auto parent = std::filesystem::path(p.file).parent_path();
    if (p.file.empty() || parent.empty() || (folder && *folder != parent)) return "";
    folder = parent;
  }
  return folder ? folder->string() : "";
}

void Draw(const ui::Theme& theme, const core::Problems& problems) {
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(io.DisplaySize);
  ImGui::Begin("problems", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoMove);
  const float m = theme.margin();
  ImGui::SetCursorPos(ImVec2(m, m));
  ImGui::PushTextWrapPos(io.DisplaySize.x - m);
  ImGui::PushFont(theme.fonts.heading);
  ImGui::PushStyleColor(ImGuiCol_Text, theme.alert);
  ImGui::TextUnformatted(kHeading);
  ImGui::PopStyleColor();
  ImGui::PopFont();
  ImGui::SetCursorPosX(m);
  ImGui::TextUnformatted(kAdvice);
  ImGui::Dummy(ImVec2(0, theme.gap()));
  ImGui::PushFont(theme.fonts.bold);
  ImGui::SetCursorPosX(m);
  const std::string folder = CommonFolder(problems);
  if (folder.empty()) {
    ImGui::Text("%zu problem(s):", problems.size());
  } else {
    ImGui::Text("%zu problem(s) in %s:", problems.size(), folder.c_str());
  }
  ImGui::PopFont();
  for (core::Problem p : problems) {
    if (!folder.empty()) p.file = std::filesystem::path(p.file).filename().string();
    ImGui::Dummy(ImVec2(0, theme.em * 0.2f));
    ImGui::SetCursorPosX(m);
    ImGui::Bullet();
    ImGui::SameLine();
    ImGui::TextUnformatted(p.ToString().c_str());
  }
  ImGui::PopTextWrapPos();
  ImGui::End();
}

std::string GlyphText(const core::Problems& problems) {
  std::string text = std::string(kHeading) + kAdvice + "0123456789 problem(s): in ";
  for (const auto& p : problems) text += p.ToString();
  return text;
}

}  // namespace

int ShowProblems(const RunOptions& o, const core::Problems& problems, const host::StopSignals* stop) {
  for (const auto& p : problems) std::cerr << p.ToString() << "\n";
  auto fonts = platform::FindFonts("");
  if (!fonts) return 1;
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;
  ImGui::GetIO().LogFilename = nullptr;
  {
    platform::WindowOptions wo;
    wo.headless = o.headless;
    wo.fullscreen = !o.windowed && !o.headless;
    wo.width = o.width ? o.width : o.headless ? 1920 : 1280;
    wo.height = o.height ? o.height : o.headless ? 1080 : 800;
    wo.title = kHeading;
    auto window = platform::SdlWindow::Create(wo);
    if (!window) {
      ImGui::DestroyContext();
      return 1;
    }
    platform::SdlWindow& w = **window;
    core::Theme defaults;
    ui::Theme theme = ui::Theme::From(defaults, ui::EmFor(defaults, w.width(), w.height()) * 0.8f);
    theme.fonts = ui::BuildFonts(fonts->regular, fonts->bold, theme.em, GlyphText(problems), "");
    ui::ApplyStyle(theme);
    auto frame = [&](core::Image* capture) {
      w.NewFrame();
      ImGui::NewFrame();
      Draw(theme, problems);
      w.Present(defaults.background, capture);
    };
    if (o.headless) {
      frame(nullptr);  // the first frame lays out; the second is the picture
      core::Image image;
      frame(&image);
      if (!o.screenshots.empty()) {
        std::error_code ec;
        std::filesystem::create_directories(o.screenshots, ec);
        auto written = platform::WritePng(std::filesystem::path(o.screenshots) / "problems.png", image);
        if (!written) std::cerr << written.error() << "\n";
      }
    } else {
      auto systemd = host::SystemdNotifier::FromEnvironment();
      systemd.Ready();  // up and showing why: a restart would only show the same problems again
      for (bool quit = false; !quit;) {
        frame(nullptr);
        systemd.KeepAlive();
        quit = w.Wait(systemd.CapWaitMs(60'000)).quit || (stop && stop->Requested());
      }
      if (stop && stop->Requested()) systemd.Stopping();
    }
  }
  ImGui::DestroyContext();
  return 1;
}

}  // namespace app
