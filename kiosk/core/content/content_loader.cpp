// Content folder loading: the manifest, then app.json and questionnaire.json in the declared languages.
#include "core/content/content_loader.h"

#include "core/visit/demo_flow.h"

#include <algorithm>
#include <fstream>
#include <regex>
#include <sstream>

namespace core {

Result<std::string> ReadFile(const std::filesystem::path& path, size_t max_bytes) {
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);
  if (ec) return Result<std::string>::Fail("cannot read: " + ec.message());
  if (size > max_bytes)
    return Result<std::string>::Fail("file is larger than " + std::to_string(max_bytes) + " bytes");
  std::ifstream in(path, std::ios::binary);
  if (!in) return Result<std::string>::Fail("cannot open for reading");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

namespace {

const std::regex kLanguageCode("[a-z]{2}(-[A-Z]{2})?");

// `refused`: language codes declared but not valid, reported here once (their texts are then passed over).
void ParseManifest(const Json& j, const JsonReader& r, Content& out, std::vector<std::string>& refused) {
  if (!r.IsObject(j, "")) return;
  r.AllowOnly(j, "", {"$comment", "id", "version", "languages", "default_language"});
  out.id = r.String(j, "", "id", true);
  out.version = r.String(j, "", "version", true);
  out.default_language = r.String(j, "", "default_language", true);
  const Json* langs = r.Field(j, "", "languages", true);
  if (!langs || !r.IsArray(*langs, "/languages")) return;
  if (langs->empty()) r.Error("/languages", "must declare at least one language");
  for (size_t i = 0; i < langs->size(); ++i) {
    std::string ptr = Child("/languages", i);
    const Json& l = (*langs)[i];
    if (!r.IsObject(l, ptr)) continue;
    r.AllowOnly(l, ptr, {"code", "name"});
    Language lang{r.String(l, ptr, "code", true), r.String(l, ptr, "name", true)};
    if (!lang.code.empty() && !std::regex_match(lang.code, kLanguageCode)) {
      r.Error(Child(ptr, "code"), "must be a language code like \"en\", \"es\" or \"pt-BR\", found \"" +
                                      lang.code + "\" (its texts are not checked until it is corrected)");
      refused.push_back(lang.code);
    } else if (out.HasLanguage(lang.code)) {
      r.Error(Child(ptr, "code"), "language \"" + lang.code + "\" is declared twice");
    } else if (!lang.code.empty()) {
      out.languages.push_back(lang);
    }
  }
  bool refused_default =
      std::find(refused.begin(), refused.end(), out.default_language) != refused.end();  // said once already
  if (!out.default_language.empty() && !out.languages.empty() && !out.HasLanguage(out.default_language) &&
      !refused_default) {
    r.Error("/default_language", "\"" + out.default_language + "\" is not one of the declared languages");
  }
}

}  // namespace

Result<Content> ParseContent(const std::map<std::string, std::string>& files) {
  Problems problems;
  Content content;
  std::map<std::string, Json> parsed;
  for (const char* name : {"manifest.json", "app.json", "questionnaire.json"}) {
    auto it = files.find(name);
    if (it == files.end()) {
      problems.push_back({name, "/", "file is missing"});
      continue;
    }
    auto json = ParseJson(it->second);
    if (!json) {
      problems.push_back({name, "/", json.error()});
      continue;
    }
    parsed[name] = std::move(*json);
  }
  std::vector<std::string> refused;
  if (parsed.count("manifest.json"))
    ParseManifest(parsed["manifest.json"], JsonReader("manifest.json", problems), content, refused);
  std::vector<std::string> codes;
  for (const auto& l : content.languages) codes.push_back(l.code);
  auto reader = [&](const char* file) {
    JsonReader r(file, problems, codes);
    r.IgnoreLanguages(refused);
    return r;
  };
  if (parsed.count("app.json")) ParseAppText(parsed["app.json"], reader("app.json"), content.app);
  if (parsed.count("questionnaire.json")) {
    JsonReader r = reader("questionnaire.json");
    ParseQuestionnaire(parsed["questionnaire.json"], r, content);
    content.Index();
    CheckQuestionnaire(content, r);
  }
  if (auto demo = files.find("demo.json"); demo != files.end()) {
    if (auto json = ParseJson(demo->second)) {
      ParseDemoFlow(*json, reader("demo.json"), content);
    } else {
      problems.push_back({"demo.json", "/", json.error()});
    }
  }
  if (!problems.empty()) return problems;
  return content;
}

Result<Content> LoadContent(const std::filesystem::path& dir) {
  std::map<std::string, std::string> files;
  Problems problems;
  if (!std::filesystem::is_directory(dir)) {
    return Problems{Problem{dir.string(), "", "is not a content folder (no such directory)"}};
  }
  for (const char* name : {"manifest.json", "app.json", "questionnaire.json"}) {
    auto text = ReadFile(dir / name);
    if (text) {
      files[name] = std::move(*text);
    } else {
      problems.push_back({name, "/", text.error()});
    }
  }
  if (std::filesystem::exists(dir / "demo.json")) {
    if (auto text = ReadFile(dir / "demo.json")) {
      files["demo.json"] = std::move(*text);
    } else {
      problems.push_back({"demo.json", "/", text.error()});
    }
  }
  auto content = ParseContent(files);
  if (!content) {
    for (const auto& p : content.problems()) {
      if (p.message != "file is missing") problems.push_back(p);
    }
  }
  if (!problems.empty()) return problems;
  return content;
}

}  // namespace core
