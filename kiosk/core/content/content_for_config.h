// The content as this installation runs it: loaded from a folder, checked against the config (what the
// config names must be in the content), its privacy notice filled in with the config's periods. One
// function for every way content comes in (the start, staff's Reload content, a roll back to the packaged
// content, a published bundle), so none of them takes content that another would refuse.
#pragma once

#include <filesystem>
#include <string>

#include "core/base/result.h"
#include "core/content/config.h"
#include "core/content/content.h"

namespace core {

// `config_file` names the config in problems about it; problems in the content's own files name the file
// alone (the caller adds the folder where it shows them).
Result<Content> LoadContentFor(const Config& config, const std::filesystem::path& dir,
                               const std::string& config_file);

}  // namespace core
