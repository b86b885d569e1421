// Fuzzes the kiosk's and the inbox's config loaders: settings or problems, never a crash, hang or leak.
#include "core/content/config.h"
#include "inbox/rules/inbox_config.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  auto config = core::ParseConfig(text, "kiosk.json");
  if (!config) {
    for (const auto& p : config.problems()) (void)p.ToString();
  }
  auto inbox = core::ParseInboxConfig(text, "inbox.json", "/etc/glowup");
  if (!inbox) {
    for (const auto& p : inbox.problems()) (void)p.ToString();
  }
  return 0;
}
