// Reading one secret file (at most 64 KiB).
#include "core/content/secret_file.h"

#include "core/content/content_loader.h"

namespace core {

Result<std::string> ReadSecretFile(const std::filesystem::path& file) {
  auto text = ReadFile(file, 64 * 1024);
  if (!text) return Result<std::string>::Fail(file.string() + ": " + text.error());
  const std::string& s = *text;
  auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return Result<std::string>::Fail(file.string() + " is empty");
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

}  // namespace core
