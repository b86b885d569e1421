// Loading and validating a content folder: every problem as "FILE: /json/pointer: what is wrong".
#pragma once

#include <filesystem>
#include <string>

#include "core/base/result.h"
#include "core/content/content.h"
#include "core/content/json_reader.h"

namespace core {

// Reads manifest.json, app.json and questionnaire.json from `dir`; all problems, not just the first.
Result<Content> LoadContent(const std::filesystem::path& dir);

// The same from in-memory texts (file name -> JSON text); used by LoadContent and by tests.
Result<Content> ParseContent(const std::map<std::string, std::string>& files);

// Parts, for the loader and its tests.
void ParseQuestionnaire(const Json& j, const JsonReader& r, Content& out);
void CheckQuestionnaire(const Content& c, const JsonReader& r);
void ParseAppText(const Json& j, const JsonReader& r, AppText& out);

Result<std::string> ReadFile(const std::filesystem::path& path, size_t max_bytes = 4 * 1024 * 1024);

}  // namespace core
