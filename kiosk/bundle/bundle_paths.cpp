// The path rule of bundles and uploads, and the files a bundle carries.
#include "bundle/bundle_paths.h"

namespace bundle {

std::optional<std::string> PathProblem(std::string_view path) {
  if (path.empty()) return "an empty file name";
  if (path.size() > 200) return "a file name longer than 200 characters";
  if (path.front() == '/') return "an absolute path (starts with /)";
  for (unsigned char c : path) {
    if (c < 0x20 || c == 0x7f) return "a control character in a file name";
    if (c == '\\') return "a backslash in a file name";
  }
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    const std::string_view part = path.substr(start, end - start);
    if (part == "..") return "a path that leaves the folder (\"..\")";
    if (part.empty() || part == ".") return "an empty or \".\" part in a path";
    start = end + 1;
  }
  return std::nullopt;
}

bool IsContentFile(std::string_view path) {
  for (std::string_view name : {"manifest.json", "app.json", "questionnaire.json", "demo.json"}) {
    if (path == name) return true;
  }
  constexpr std::string_view kKeyboards = "keyboards/";
  return path.starts_with(kKeyboards) && path.ends_with(".json") &&
         path.find('/', kKeyboards.size()) == std::string_view::npos && path.size() > kKeyboards.size() + 5;
}

}  // namespace bundle
