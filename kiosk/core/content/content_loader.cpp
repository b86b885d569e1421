// Content folder loading: the manifest, then app.json and questionnaire.json in the declared languages.
#include "core/content/content_loader.h"

#include "core/base/language_tag.h"
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
    r.AllowOnly(l, ptr, {"code", "name", "keyboard"});
    Language lang{r.String(l, ptr, "code", true), r.String(l, ptr, "name", true),
                  r.String(l, ptr, "keyboard", false)};
    if (!lang.code.empty() && !IsLanguageTag(lang.code)) {
      r.Error(Child(ptr, "code"), "must be a language code like \"en\", \"pt-BR\" or \"zh-Hans\", found \"" +
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

const std::regex kLayoutId("[a-z0-9_-]{1,32}");

// Each language's keyboard layout: the content's own keyboards/ID.json, else the shipped one of that id. The
// id is the one the manifest names, else the language code ("pt-BR" falls back to "pt", "sr-Latn-RS" to
// "sr").
void LoadKeyboards(const std::map<std::string, std::string>& files, Problems& problems, Content& out) {
  JsonReader manifest("manifest.json", problems);
  auto text_of = [&](const std::string& id) -> const std::string* {
    if (auto own = files.find("keyboards/" + id + ".json"); own != files.end()) return &own->second;
    if (auto shipped = ShippedKeyboards().find(id); shipped != ShippedKeyboards().end())
      return &shipped->second;
    return nullptr;
  };
  for (size_t i = 0; i < out.languages.size(); ++i) {
    Language& lang = out.languages[i];
    const bool named = !lang.keyboard.empty();
    const std::string ptr = Child(Child("/languages", i), named ? "keyboard" : "code");
    if (named && !std::regex_match(lang.keyboard, kLayoutId)) {
      manifest.Error(ptr, "\"" + lang.keyboard + "\" is not a keyboard layout id (a-z, 0-9, - and _)");
      continue;
    }
    std::vector<std::string> ids =
        named ? std::vector<std::string>{lang.keyboard}
              : std::vector<std::string>{lang.code, lang.code.substr(0, lang.code.find('-'))};
    const std::string* text = nullptr;
    for (const auto& id : ids) {
      if ((text = text_of(id))) {
        lang.keyboard = id;
        break;
      }
    }
    if (!text) {
      std::string known;
      for (const auto& [k, v] : ShippedKeyboards()) known += (known.empty() ? "" : ", ") + k;
      manifest.Error(ptr, "no keyboard layout \"" + ids[0] + "\": add keyboards/" + ids[0] +
                              ".json to the content, or name one in \"keyboard\" (shipped: " + known + ")");
      continue;
    }
    if (out.keyboards.count(lang.keyboard)) continue;
    const std::string file = "keyboards/" + lang.keyboard + ".json";
    auto json = ParseJson(*text);
    if (!json) {
      problems.push_back({file, "/", json.error()});
      continue;
    }
    out.keyboards[lang.keyboard] = ParseKeyboardLayout(*json, JsonReader(file, problems));
  }
  // The folder's other layouts are checked too: a clinic may add a language that uses them later.
  for (const auto& [name, text] : files) {
    if (name.rfind("keyboards/", 0) != 0) continue;
    std::string id = name.substr(10, name.size() - 10 - 5);
    if (out.keyboards.count(id)) continue;
    if (auto json = ParseJson(text)) {
      ParseKeyboardLayout(*json, JsonReader(name, problems));
    } else {
      problems.push_back({name, "/", json.error()});
    }
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
  LoadKeyboards(files, problems, content);
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
  std::error_code ec;
  if (std::filesystem::is_directory(dir / "keyboards", ec)) {
    for (const auto& entry : std::filesystem::directory_iterator(dir / "keyboards", ec)) {
      if (entry.path().extension() != ".json") continue;
      std::string name = "keyboards/" + entry.path().filename().string();
      if (auto text = ReadFile(entry.path(), 256 * 1024)) {
        files[name] = std::move(*text);
      } else {
        problems.push_back({name, "/", text.error()});
      }
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
