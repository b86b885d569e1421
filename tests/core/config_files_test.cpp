// The shipped config and every example in config/examples parse without a problem.
#include <doctest/doctest.h>

#include <filesystem>

#include "core/content/config.h"
#include "core/content/content_loader.h"

TEST_CASE("the default config and every example config parse without a problem") {
  std::vector<std::filesystem::path> files{std::filesystem::path(KIOSK_SOURCE_DIR) / "config/kiosk.json"};
  for (const auto& e :
       std::filesystem::directory_iterator(std::filesystem::path(KIOSK_SOURCE_DIR) / "config/examples")) {
    if (e.path().extension() == ".json") files.push_back(e.path());
  }
  CHECK(files.size() >= 4);
  for (const auto& f : files) {
    CAPTURE(f.string());
    auto text = core::ReadFile(f);
    REQUIRE(text.ok());
    auto config = core::ParseConfig(*text, f.filename().string());
    CHECK_MESSAGE(config.ok(), config.error());
  }
}
