// Every app.json "ui" key the code reads is in core::UiKeys (so check-content requires it in every language).
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "core/content/content.h"
#include "core/content/ui_keys.h"

namespace {

// The keys the sources under kiosk/ name: Ui("key"), ValidationError{"key"...}, and any literal of the
// staff families (staff_, conn_, alert_, tier_, state_), with the file each was found in.
std::map<std::string, std::string> KeysInCode() {
  const std::regex used(R"re((?:Ui\(|ValidationError\{|submit_error = )"([a-z0-9_]+)")re");
  const std::regex family(R"re("((?:staff|conn|alert|tier|state)_[a-z0-9_]+)")re");
  std::map<std::string, std::string> keys;
  for (const auto& e :
       std::filesystem::recursive_directory_iterator(std::filesystem::path(KIOSK_SOURCE_DIR) / "kiosk")) {
    auto ext = e.path().extension();
    if (ext != ".cpp" && ext != ".h") continue;
    if (e.path().string().find("/inbox/") != std::string::npos) continue;  // the inbox's own words
    std::ifstream in(e.path());
    std::stringstream text;
    text << in.rdbuf();
    std::string s = text.str();
    for (const auto* re : {&used, &family}) {
      for (std::sregex_iterator it(s.begin(), s.end(), *re), end; it != end; ++it)
        keys.emplace((*it)[1].str(), e.path().filename().string());
    }
  }
  return keys;
}

bool Listed(std::string_view key) {
  const auto& all = core::UiKeys();
  return std::find(all.begin(), all.end(), key) != all.end();
}

}  // namespace

TEST_SUITE("ui keys") {
  TEST_CASE("every ui key named in the code is one check-content requires") {
    auto keys = KeysInCode();
    CHECK(keys.size() > 60);  // the scan found the code's keys at all
    for (const auto& [key, file] : keys) {
      INFO(file << " names \"" << key << "\"");
      CHECK(Listed(key));
    }
  }

  TEST_CASE("keys the code builds at run time are listed too: tiers and delivery states") {
    for (auto tier : {core::Tier::kStop, core::Tier::kDefer, core::Tier::kReview})
      CHECK(Listed(std::string("tier_") + core::ToString(tier)));
    for (const char* state : {"pending", "delivering", "delivered", "parked", "local"})
      CHECK(Listed(std::string("state_") + state));
  }

  TEST_CASE("no key is listed twice") {
    std::set<std::string_view> seen;
    for (auto key : core::UiKeys()) CHECK_MESSAGE(seen.insert(key).second, key);
  }
}
