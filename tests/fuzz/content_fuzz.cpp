// Fuzzes the content loader: manifest.json, app.json and questionnaire.json (NUL-separated) must give
// content or a list of problems, never a crash, hang or leak.
#include "core/content/content_loader.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto parts = SplitAtNul(data, size, 3);
  std::map<std::string, std::string> files = {
      {"manifest.json", parts[0]}, {"app.json", parts[1]}, {"questionnaire.json", parts[2]}};
  auto content = core::ParseContent(files);
  if (!content) {
    for (const auto& p : content.problems()) (void)p.ToString();
  }
  return 0;
}
