// Staff's "Reload content": new content is checked first; broken content keeps the current one running and
// the staff page lists the problems; good content replaces it. Runs the real app headless.
#include <doctest/doctest.h>
#include <imgui.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>

#include "app/headless_driver.h"
#include "app/kiosk_app.h"
#include "app/script.h"
#include "app/staff_tools.h"
#include "core/content/content_loader.h"
#include "staff/pin_file.h"

namespace {

namespace fs = std::filesystem;

struct StaffKiosk {
  fs::path dir = fs::temp_directory_path() / ("kiosk-reload-" + std::to_string(::getpid()));
  host::Paths paths{dir / "kiosk.json", dir / "content", dir};
  core::ManualClock clock{core::TimePoint(std::chrono::sys_days(std::chrono::year(2026) / 11 / 25))};
  std::unique_ptr<platform::SdlWindow> window;
  std::unique_ptr<app::KioskApp> app;

  explicit StaffKiosk(const std::string& staff_language = "en") {
    fs::create_directories(dir);
    fs::copy(fs::path(KIOSK_SOURCE_DIR) / "content", paths.content_dir, fs::copy_options::recursive);
    core::Config config;
    config.staff.language = staff_language;
    REQUIRE(staff::WritePinHash(app::PinHashFile(config, paths), "2468").ok());
    ImGui::CreateContext();
    platform::WindowOptions wo;
    wo.headless = true;
    window = std::move(*platform::SdlWindow::Create(wo));
    auto content = core::LoadContent(paths.content_dir);
    REQUIRE(content.ok());
    auto outbox = store::Outbox::Open(dir / "outbox.sqlite");
    REQUIRE(outbox.ok());
    auto staff = app::MakeStaffController(config, paths, **outbox, clock);
    REQUIRE(staff.ok());
    auto fonts = platform::FindFonts("");
    REQUIRE(fonts.ok());
    app = std::make_unique<app::KioskApp>(std::move(*content), config, std::move(*outbox), clock, *window,
                                          *fonts);
    app->AttachStaff(std::move(*staff), paths.content_dir);
  }
  ~StaffKiosk() {
    app.reset();
    window.reset();
    ImGui::DestroyContext();
    fs::remove_all(dir);
  }
  void Run(const std::string& script) {
    auto commands = app::ParseScript(script, "test");
    REQUIRE(commands.ok());
    app::HeadlessDriver driver(*app, clock, fs::path(KIOSK_BINARY_DIR) / "screenshots/staff_reload");
    auto status = driver.Run(*commands, "test");
    INFO(status.error());
    REQUIRE(status.ok());
  }
  void Write(const std::string& file, const std::string& text) {
    std::ofstream(paths.content_dir / file) << text;
  }
};

// Every text in `language` taken out of the content's files, and the language out of the manifest.
void DropLanguage(const fs::path& content_dir, const std::string& language) {
  std::function<void(nlohmann::json&)> strip = [&](nlohmann::json& v) {
    if (!v.is_structured()) return;  // (a primitive iterates as itself)
    if (v.is_object()) v.erase(language);
    for (auto& child : v) strip(child);
  };
  for (const auto& entry : fs::directory_iterator(content_dir)) {
    if (entry.path().extension() != ".json") continue;
    auto text = core::ReadFile(entry.path());
    REQUIRE(text.ok());
    auto json = nlohmann::json::parse(*text);
    strip(json);
    if (entry.path().filename() == "manifest.json") {
      auto& languages = json["languages"];
      for (auto it = languages.begin(); it != languages.end();)
        it = (*it)["code"] == language ? languages.erase(it) : it + 1;
    }
    std::ofstream(entry.path()) << json.dump(1);
  }
}

constexpr const char* kUnlock =
    "hold \"top_left\" 3s\ntap \"2\"\ntap \"4\"\ntap \"6\"\ntap \"8\"\ntap \"Unlock\"\n";

}  // namespace

TEST_CASE("broken content keeps the current content and shows the problems; good content replaces it") {
  StaffKiosk k;
  k.Run(kUnlock);
  k.Write("questionnaire.json", R"({"steps": [{"id": "x", "title": {"en": "X"}, "questions": []}]})");
  k.Run(R"(tap "Reload content"
expect text "The new content has problems, so the current content stays:"
expect text "questionnaire.json: /steps/0/title: missing the \"es\" text"
screenshot staff_reload_failed.png
tap "Lock"
tap "Tap to start"
tap "English"
expect screen privacy
)");
  CHECK(k.app->content().steps.size() == 6);

  auto original = core::ReadFile(fs::path(KIOSK_SOURCE_DIR) / "content/questionnaire.json");
  REQUIRE(original.ok());
  std::string edited = *original;
  edited.replace(edited.find("\"Your privacy\""), 14, "\"Your privacy, reloaded\"");
  k.Write("questionnaire.json", edited);
  k.app->Apply(core::intent::StartOver{});
  k.Run(std::string(kUnlock) + R"(tap "Reload content"
expect text "Content reloaded: glowup-microneedling"
tap "Lock"
tap "Tap to start"
tap "English"
expect text "Your privacy, reloaded"
)");
}

TEST_CASE("content that this config refuses at start is refused by Reload content too") {
  StaffKiosk k("fr");                       // staff read French
  DropLanguage(k.paths.content_dir, "fr");  // good content in itself (kiosk check-content passes it alone)
  k.Run(R"S(hold "top_left" 3s
tap "2"
tap "4"
tap "6"
tap "8"
tap "Déverrouiller"
tap "Recharger le contenu"
expect text "Le nouveau contenu comporte des erreurs, le contenu actuel est donc conservé"
expect text "kiosk.json: /staff/language: \"fr\" is not a language the content declares (en, es)"
screenshot staff_reload_refused_by_config.png
)S");
  CHECK(k.app->content().HasLanguage("fr"));
}
