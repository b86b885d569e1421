// LoadContentFor: the loader, then the config's checks, then the privacy notice.
#include "core/content/content_for_config.h"

#include "core/content/content_loader.h"
#include "core/content/privacy_text.h"

namespace core {

Result<Content> LoadContentFor(const Config& config, const std::filesystem::path& dir,
                               const std::string& config_file) {
  auto content = LoadContent(dir);
  if (!content) return content;
  Problems problems = CheckConfigAgainstContent(config, *content, config_file);
  for (auto& p : FillPrivacy(*content, PrivacyFactsOf(config))) problems.push_back(std::move(p));
  if (!problems.empty()) return problems;
  return content;
}

}  // namespace core
