// Which files of a content folder a bundle carries, and the one rule for a file's path inside a bundle or an
// uploaded archive: relative, plain names, no "..", no backslash or control character, short.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace bundle {

// Why `path` may not name a file of a bundle, or nullopt when it may ("keyboards/fr.json").
std::optional<std::string> PathProblem(std::string_view path);

// Whether the content loader reads this file (manifest.json, app.json, questionnaire.json, demo.json,
// keyboards/*.json): the files a bundle carries. Others in an upload (README.md, schema/) are left out.
bool IsContentFile(std::string_view path);

}  // namespace bundle
