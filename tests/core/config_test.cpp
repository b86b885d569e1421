// kiosk.json: defaults, colours, and every bad value named with the file and its JSON pointer.
#include <doctest/doctest.h>

#include "core/content/config.h"
#include "fixtures.h"

using core_test::Has;
using std::chrono::seconds;

namespace {

core::Config Parse(const std::string& text) {
  auto config = core::ParseConfig(text, "kiosk.json");
  REQUIRE_MESSAGE(config.ok(), config.error());
  return *config;
}

core::Problems ConfigProblems(const std::string& text) {
  auto config = core::ParseConfig(text, "kiosk.json");
  REQUIRE_FALSE(config.ok());
  return config.problems();
}

void CheckColour(const core::Rgba& c, float r, float g, float b, float a) {
  CHECK(c[0] == doctest::Approx(r).epsilon(0.002));
  CHECK(c[1] == doctest::Approx(g).epsilon(0.002));
  CHECK(c[2] == doctest::Approx(b).epsilon(0.002));
  CHECK(c[3] == doctest::Approx(a).epsilon(0.002));
}

}  // namespace

TEST_SUITE("config") {
  TEST_CASE("a config with only a kiosk id takes every default") {
    auto c = Parse(R"({"kiosk_id": "front-desk"})");
    core::Config defaults;
    CHECK(c.kiosk_id == "front-desk");
    CHECK(c.data_dir.empty());
    CHECK_FALSE(c.demo.enabled);
    CHECK(c.idle.timeout == seconds(90));
    CHECK(c.idle.countdown == seconds(20));
    CHECK(c.theme.brand == defaults.theme.brand);
    CHECK(c.theme.background == defaults.theme.background);
    CHECK(c.theme.font_px == 30);
    CHECK(c.theme.scale == 1.0f);
    CHECK(c.theme.font_path.empty());
  }

  TEST_CASE("every setting is read when given") {
    auto c = Parse(R"({
      "$comment": "front desk kiosk",
      "kiosk_id": "fair-stand",
      "data_dir": "/var/lib/kiosk",
      "demo": true,
      "idle": {"timeout_s": 45, "countdown_s": 10},
      "theme": {"brand": "#ff0000", "brand_soft": "#00FF00", "background": "#0000ff80", "text": "#000000",
                "muted": "#808080", "line": "#ffffff", "alert": "#123456", "font_px": 36, "scale": 1.5,
                "corner_radius": 0.25, "font_path": "/usr/share/fonts/x.ttf"}
    })");
    CHECK(c.kiosk_id == "fair-stand");
    CHECK(c.data_dir == "/var/lib/kiosk");
    CHECK(c.demo.enabled);
    CHECK(c.idle.timeout == seconds(45));
    CHECK(c.idle.countdown == seconds(10));
    CheckColour(c.theme.brand, 1, 0, 0, 1);
    CheckColour(c.theme.brand_soft, 0, 1, 0, 1);
    CheckColour(c.theme.background, 0, 0, 1, 128 / 255.0f);
    CheckColour(c.theme.muted, 128 / 255.0f, 128 / 255.0f, 128 / 255.0f, 1);
    CheckColour(c.theme.alert, 0x12 / 255.0f, 0x34 / 255.0f, 0x56 / 255.0f, 1);
    CHECK(c.theme.font_px == 36);
    CHECK(c.theme.scale == 1.5f);
    CHECK(c.theme.corner_radius == 0.25f);
    CHECK(c.theme.font_path == "/usr/share/fonts/x.ttf");
  }

  TEST_CASE("a logo named by file name alone is found beside the config file; an absolute path stays") {
    auto beside = core::ParseConfig(R"({"kiosk_id": "k", "theme": {"logo": "logo.png"}})",
                                    "/etc/glowup-kiosk/kiosk.json");
    REQUIRE(beside.ok());
    CHECK(beside->theme.logo == "/etc/glowup-kiosk/logo.png");
    auto absolute =
        core::ParseConfig(R"({"kiosk_id": "k", "theme": {"logo": "/srv/brand.png"}})", "config/kiosk.json");
    REQUIRE(absolute.ok());
    CHECK(absolute->theme.logo == "/srv/brand.png");
    CHECK(Parse(R"({"kiosk_id": "k"})").theme.logo.empty());
  }

  TEST_CASE("a bad colour is named with its pointer and what was found") {
    for (const char* bad : {"red", "#ff00", "#ff00zz", "ff0000", "#ff0000f", "#ff0000fff"}) {
      CAPTURE(bad);
      auto problems = ConfigProblems(std::string(R"({"kiosk_id": "k", "theme": {"brand": ")") + bad + "\"}}");
      CHECK(Has(problems, "kiosk.json", "/theme/brand",
                std::string("must be a colour like \"#8b3d60\", found \"") + bad));
    }
  }

  TEST_CASE("out-of-range numbers are named with their pointers") {
    auto problems = ConfigProblems(R"({"kiosk_id": "k", "idle": {"timeout_s": 5, "countdown_s": 301},
                                   "theme": {"font_px": 200, "scale": 10, "corner_radius": -1}})");
    CHECK(Has(problems, "kiosk.json", "/idle/timeout_s", "must be between 10 and 3600, found 5"));
    CHECK(Has(problems, "kiosk.json", "/idle/countdown_s", "must be between 5 and 300, found 301"));
    CHECK(Has(problems, "kiosk.json", "/theme/font_px", "must be between 12 and 96"));
    CHECK(Has(problems, "kiosk.json", "/theme/scale", "must be a number from 0.5 to 4"));
    CHECK(Has(problems, "kiosk.json", "/theme/corner_radius", "must be a number of em from 0 to 2"));
    CHECK(problems.size() == 5);
  }

  TEST_CASE("wrong types are named with their pointers") {
    auto problems = ConfigProblems(
        R"({"kiosk_id": 7, "demo": "yes", "idle": {"timeout_s": "90"}, "theme": {"scale": "big"}})");
    CHECK(Has(problems, "kiosk.json", "/kiosk_id", "must be a string, found an integer"));
    CHECK(Has(problems, "kiosk.json", "/demo", "must be true, false or an object"));
    CHECK(Has(problems, "kiosk.json", "/idle/timeout_s", "must be a whole number, found a string"));
    CHECK(Has(problems, "kiosk.json", "/theme/scale", "must be a number"));
  }

  TEST_CASE("unknown keys are named at every level, misspellings included") {
    auto problems = ConfigProblems(
        R"({"kiosk_id": "k", "idel": {}, "idle": {"timeout": 90}, "theme": {"colour": "#fff"}})");
    CHECK(Has(problems, "kiosk.json", "/idel", "unknown key \"idel\""));
    CHECK(Has(problems, "kiosk.json", "/idle/timeout", "unknown key \"timeout\""));
    CHECK(Has(problems, "kiosk.json", "/theme/colour", "unknown key \"colour\""));
  }

  TEST_CASE("a section of the wrong shape is named") {
    auto problems = ConfigProblems(R"({"kiosk_id": "k", "idle": 90, "theme": []})");
    CHECK(Has(problems, "kiosk.json", "/idle", "must be an object, found an integer"));
    CHECK(Has(problems, "kiosk.json", "/theme", "must be an object, found an array"));
  }

  TEST_CASE("invalid JSON and a non-object config are named with the file") {
    auto broken = ConfigProblems("{\"kiosk_id\": \"k\",}");
    REQUIRE(broken.size() == 1);
    CHECK(broken[0].ToString().find("kiosk.json: /: invalid JSON at line 1") == 0);
    auto list = ConfigProblems("[]");
    CHECK(Has(list, "kiosk.json", "/", "must be an object, found an array"));
  }

  TEST_CASE("a config nested deeper than its limit is refused") {
    auto problems = ConfigProblems(R"({"kiosk_id": "k", "theme": {"font_path": )" + std::string(40, '[') +
                                   std::string(40, ']') + "}}");
    CHECK(Has(problems, "kiosk.json", "/", "nesting is deeper than 32 levels"));
  }
}

TEST_SUITE("config: staff and demo") {
  TEST_CASE("staff and demo settings are read, with their defaults") {
    auto d = Parse(R"({"kiosk_id": "k"})");
    CHECK(d.staff.gesture_corner == "top_left");
    CHECK(d.staff.gesture_hold_s == 3);
    CHECK(d.staff.lock_after_s == 120);
    CHECK(d.staff.today_list_hours == 24);
    CHECK(d.staff.pin_hash_file.empty());
    CHECK_FALSE(d.demo.delivery.configured());
    auto c = Parse(R"({"kiosk_id": "k",
      "staff": {"gesture": {"corner": "bottom_right", "hold_s": 5, "size_em": 4}, "pin_hash_file": "/etc/p",
                "lock_after_s": 60, "today_list_hours": 12},
      "demo": {"enabled": true, "export_dir": "/media/usb",
               "delivery": {"url": "https://leads.example.com/in", "webhook_secret_file": "/etc/s"}}})");
    CHECK(c.staff.gesture_corner == "bottom_right");
    CHECK(c.staff.gesture_hold_s == 5);
    CHECK(c.staff.gesture_size_em == 4);
    CHECK(c.staff.pin_hash_file == "/etc/p");
    CHECK(c.staff.lock_after_s == 60);
    CHECK(c.staff.today_list_hours == 12);
    CHECK(c.demo.enabled);
    CHECK(c.demo.export_dir == "/media/usb");
    CHECK(c.demo.delivery.url == "https://leads.example.com/in");
    CHECK(c.demo.delivery.webhook_secret_file == "/etc/s");
    CHECK_FALSE(c.delivery.configured());
  }

  TEST_CASE("bad staff and demo settings are named with their pointers") {
    auto problems = ConfigProblems(R"({"kiosk_id": "k",
      "staff": {"gesture": {"corner": "middle"}, "lock_after_s": 1, "pin": "1234"},
      "demo": {"delivery": {"url": "ftp://x"}}})");
    CHECK(Has(problems, "kiosk.json", "/staff/gesture/corner", "top_left"));
    CHECK(Has(problems, "kiosk.json", "/staff/lock_after_s", ""));
    CHECK(Has(problems, "kiosk.json", "/staff/pin", ""));
    CHECK(Has(problems, "kiosk.json", "/demo/delivery/url", "https://"));
    CHECK(Has(ConfigProblems(R"({"kiosk_id": "k", "demo": "yes"})"), "kiosk.json", "/demo", "true, false"));
  }
  TEST_CASE(
      "heartbeats default to every 300 s beside the intakes; their settings are checked with pointers") {
    auto plain = Parse(R"({"kiosk_id": "k"})");
    CHECK(plain.heartbeat.enabled);
    CHECK(plain.heartbeat.interval_s == 300);
    CHECK(plain.heartbeat.url.empty());
    auto set = Parse(R"({"kiosk_id": "k", "heartbeat": {"enabled": false, "interval_s": 60,
                         "url": "https://fleet.example/beats"}})");
    CHECK_FALSE(set.heartbeat.enabled);
    CHECK(set.heartbeat.interval_s == 60);
    CHECK(set.heartbeat.url == "https://fleet.example/beats");
    auto problems =
        ConfigProblems(R"({"kiosk_id": "k", "heartbeat": {"interval_s": 5, "url": "ftp://x", "every": 1}})");
    CHECK(Has(problems, "kiosk.json", "/heartbeat/interval_s", "must be between 30 and 86400, found 5"));
    CHECK(Has(problems, "kiosk.json", "/heartbeat/url", "must start with https://"));
    CHECK(Has(problems, "kiosk.json", "/heartbeat/every", ""));
  }
}

TEST_CASE("content_updates: the inbox's public key, where to ask (from delivery.url), and bad values named") {
  const std::string key = "TY/T/TcQAsYr+kLMAwXfgc7x3WaXolwtyrUhvfu1CLA=";
  auto c = Parse(R"({"kiosk_id": "k", "delivery": {"url": "https://inbox.example/intakes"},
                     "content_updates": {"public_key": ")" +
                 key + R"("}})");
  CHECK(c.content_updates.configured());
  CHECK(c.content_updates.check_every_s == 300);
  CHECK(c.content_updates.Base(c.delivery.url) == "https://inbox.example/content");
  CHECK_FALSE(Parse(R"({"kiosk_id": "k"})").content_updates.configured());
  auto p = ConfigProblems(R"({"kiosk_id": "k", "delivery": {"url": "https://inbox.example/intakes"},
                          "content_updates": {"public_key": "not-a-key", "check_every_s": 1}})");
  CHECK(Has(p, "kiosk.json", "/content_updates/public_key", "make-signing-key"));
  CHECK(Has(p, "kiosk.json", "/content_updates/check_every_s", ""));
  auto no_url = ConfigProblems(R"({"kiosk_id": "k", "delivery": {"url": "https://inbox.example/post"},
                               "content_updates": {"public_key": ")" +
                               key + R"("}})");
  CHECK(Has(no_url, "kiosk.json", "/content_updates", "needs \"url\""));
}
