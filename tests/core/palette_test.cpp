// The palette's rules: WCAG 2.2 contrast ratios against known values, and the theme check naming the key to
// change; the shipped configs pass it, in the normal and the high-contrast look.
#include <doctest/doctest.h>

#include <filesystem>

#include "core/content/config.h"
#include "core/content/content_loader.h"
#include "core/content/palette.h"

namespace {

core::Rgba Hex(const char* hex) {
  auto config =
      core::ParseConfig(std::string(R"({"kiosk_id": "k", "theme": {"text": ")") + hex + "\"}}", "k");
  REQUIRE(config.ok());
  return config->theme.text;
}

bool Names(const core::Problems& problems, const std::string& pointer, const std::string& words) {
  for (const auto& p : problems) {
    if (p.pointer == pointer && p.message.find(words) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

TEST_SUITE("palette") {
  TEST_CASE("contrast ratios match WCAG's known values") {
    const core::Rgba white{1, 1, 1, 1}, black{0, 0, 0, 1};
    CHECK(core::ContrastRatio(black, white) == doctest::Approx(21.0));
    CHECK(core::ContrastRatio(white, black) == doctest::Approx(21.0));
    CHECK(core::ContrastRatio(white, white) == doctest::Approx(1.0));
    CHECK(core::RelativeLuminance(white) == doctest::Approx(1.0));
    CHECK(core::RelativeLuminance(Hex("#808080")) == doctest::Approx(0.2159).epsilon(0.001));
    // the old default line colour, from the issue: 1.38:1
    CHECK(core::ContrastRatio(Hex("#e4d8de"), white) == doctest::Approx(1.38).epsilon(0.005));
    // the classic limits: #767676 is the lightest grey with 4.5:1 on white, #777777 just misses it
    CHECK(core::ContrastRatio(Hex("#767676"), white) == doctest::Approx(4.54).epsilon(0.005));
    CHECK(core::ContrastRatio(Hex("#777777"), white) < 4.5);
    CHECK(core::ContrastRatio(Hex("#959595"), white) ==
          doctest::Approx(2.995).epsilon(0.002));  // just under 3:1
    CHECK(core::HexColour(Hex("#8b3d60")) == "#8b3d60");
  }

  TEST_CASE("a light field border is a problem naming /theme/line and its ratio") {
    auto config = core::ParseConfig(R"({"kiosk_id": "k", "theme": {"line": "#e4d8de"}})", "kiosk.json");
    REQUIRE(config.ok());
    auto problems = core::CheckContrast(config->theme, "kiosk.json");
    REQUIRE_FALSE(problems.empty());
    CHECK(problems[0].file == "kiosk.json");
    CHECK(Names(problems, "/theme/line", "control boundary line (#e4d8de) on white (#ffffff)"));
    CHECK(Names(problems, "/theme/line", "contrast 1.38:1, below the 3:1 WCAG 2.2 asks (1.4.11)"));
    for (const auto& p : problems) CHECK(p.pointer == "/theme/line");  // nothing else is wrong with it
  }

  TEST_CASE("pale text and white words on a pale brand are problems naming their keys") {
    auto config = core::ParseConfig(
        R"({"kiosk_id": "k", "theme": {"muted": "#999999", "brand": "#e8a0c0", "alert": "#ff6666"}})",
        "k.json");
    REQUIRE(config.ok());
    auto problems = core::CheckContrast(config->theme, "k.json");
    CHECK(Names(problems, "/theme/muted", "text muted (#999999) on white"));
    CHECK(Names(problems, "/theme/muted", "below the 4.5:1 WCAG 2.2 asks (1.4.3)"));
    CHECK(Names(problems, "/theme/brand", "text white (#ffffff) on brand (#e8a0c0)"));
    CHECK(Names(problems, "/theme/alert", "text alert (#ff6666) on background"));
    CHECK_FALSE(Names(problems, "/theme/text", ""));
  }

  TEST_CASE("the high-contrast look is checked too, and says so") {
    // a brand so pale that even darkened by a third it carries no white words
    auto config = core::ParseConfig(R"({"kiosk_id": "k", "theme": {"brand": "#fff0f8"}})", "k.json");
    REQUIRE(config.ok());
    auto problems = core::CheckContrast(config->theme, "k.json");
    CHECK(Names(problems, "/theme/brand", "in high contrast: text white (#ffffff) on brand"));
    auto hc = core::HighContrast(core::Theme{});
    CHECK(core::ContrastRatio(hc.text, hc.background) == doctest::Approx(21.0));
  }

  TEST_CASE("the built-in palette, the shipped config and every example pass, normal and high contrast") {
    CHECK(core::CheckContrast(core::Theme{}, "built-in").empty());
    std::vector<std::filesystem::path> files{std::filesystem::path(KIOSK_SOURCE_DIR) / "config/kiosk.json"};
    for (const auto& e :
         std::filesystem::directory_iterator(std::filesystem::path(KIOSK_SOURCE_DIR) / "config/examples")) {
      if (e.path().extension() == ".json") files.push_back(e.path());
    }
    for (const auto& f : files) {
      CAPTURE(f.string());
      auto text = core::ReadFile(f);
      REQUIRE(text.ok());
      auto config = core::ParseConfig(*text, f.filename().string());
      REQUIRE(config.ok());
      auto problems = core::CheckContrast(config->theme, f.filename().string());
      CHECK_MESSAGE(problems.empty(), core::Join(problems));
    }
  }
}
