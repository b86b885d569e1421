// Touch-first behaviour of the real app, headless: keyboard taps keep a visit alive, the client's display
// options rebuild the fonts and are forgotten by the wipe.
#include "headless_kiosk.h"

namespace {
constexpr const char* kToFirstName = R"(tap "Tap to start"
tap "English"
tap "I have read this notice"
tap "Next"
tap "First name"
)";
}  // namespace

TEST_CASE("every tap on the on-screen keyboard counts as activity, even keys that type nothing") {
  ui_test::Kiosk k;
  // 80 s + 80 s without other input is well past the 90 s idle timeout: only the shift taps keep it alive
  k.Run(std::string(kToFirstName) + R"(wait 80s
tap "Shift"
wait 80s
tap "Shift"
wait 80s
expect screen about_you
expect no text "Still there?"
wait 11s
expect text "Still there?"
)");
}

TEST_CASE(
    "larger text rebuilds the fonts a quarter larger; high contrast darkens the text; a wipe resets both") {
  ui_test::Kiosk k;
  k.Run(kToFirstName);
  const float em = k.app->ui().theme().em;
  const ImU32 text = k.app->ui().theme().text;
  k.Run("tap \"Larger text\"\ntap \"High contrast\"\n");
  CHECK(k.app->ui().theme().em == doctest::Approx(std::round(em * 1.25f)));
  CHECK(k.app->ui().theme().fonts.body->FontSize == k.app->ui().theme().em);  // rasterised at the new size
  CHECK(k.app->ui().theme().text != text);
  k.app->Apply(core::intent::StartOver{});
  k.Run("expect screen attract\n");
  CHECK(k.app->ui().theme().em == em);
  CHECK(k.app->ui().theme().fonts.body->FontSize == em);
  CHECK(k.app->ui().theme().text == text);
}

TEST_CASE("the language changed from the header is the one the visit records") {
  ui_test::Kiosk k;
  k.Run(std::string(kToFirstName) + "tap \"Español\"\nexpect text \"Paso 2 de 7 · Sobre usted\"\n");
  CHECK(k.app->session().language == "es");
}

TEST_CASE("the clinic logo is loaded from config; a missing or broken file leaves the name alone, no crash") {
  {
    core::Config with_logo;
    with_logo.theme.logo = std::string(KIOSK_SOURCE_DIR) + "/config/logo.png";
    ui_test::Kiosk shown(with_logo);
    CHECK(shown.app->ui().theme().logo.texture != nullptr);
    CHECK(shown.app->ui().theme().logo.size.x == 256);
    shown.Run("expect screen attract\nexpect text \"Glow Up by Vanessa\"\n");
  }

  for (std::string bad :
       {std::string("/nonexistent/logo.png"), std::string(KIOSK_SOURCE_DIR) + "/config/kiosk.json"}) {
    CAPTURE(bad);
    core::Config broken;
    broken.theme.logo = bad;
    ui_test::Kiosk fallback(broken);
    CHECK(fallback.app->ui().theme().logo.texture == nullptr);
    fallback.Run("expect screen attract\nexpect text \"Glow Up by Vanessa\"\ntap \"Tap to start\"\n");
  }
}

TEST_CASE("a name stops at its max_length in characters from a physical keyboard, never cut inside one") {
  ui_test::Kiosk k;
  std::string seventy;
  for (int i = 0; i < 70; ++i) seventy += "ñ";  // 140 bytes: fits a byte cap, not a 60-character one
  k.Run(std::string(kToFirstName) + "type \"" + seventy + "\"\n");
  const auto& name = std::get<std::string>(k.app->session().answers.at("first_name"));
  CHECK(core::SplitCodePoints(name).size() == 60);
  CHECK(name.size() == 120);
  CHECK(k.app->session().errors.empty());
}
