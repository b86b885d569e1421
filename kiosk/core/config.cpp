// kiosk.json loader.
#include "core/config.h"

#include <cctype>

namespace core {

namespace {

// "#8b3d60" or "#8b3d60ff" -> colour
bool ParseColour(const std::string& s, Rgba& out) {
  if ((s.size() != 7 && s.size() != 9) || s[0] != '#') return false;
  for (size_t i = 0; i + 1 < s.size(); i += 2) {
    unsigned v = 0;
    for (char c : s.substr(i + 1, 2)) {
      int d = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
              : (c >= 'a' && c <= 'f')                    ? c - 'a' + 10
              : (c >= 'A' && c <= 'F')                    ? c - 'A' + 10
                                                          : -1;
      if (d < 0) return false;
      v = v * 16 + static_cast<unsigned>(d);
    }
    out[i / 2] = static_cast<float>(v) / 255.0f;
  }
  if (s.size() == 7) out[3] = 1;
  return true;
}

void ReadColour(const JsonReader& r, const Json& obj, const std::string& ptr, const char* key, Rgba& out) {
  std::string s = r.String(obj, ptr, key, false);
  if (!s.empty() && !ParseColour(s, out))
    r.Error(Child(ptr, key), "must be a colour like \"#8b3d60\", found \"" + s + "\"");
}

void ReadTheme(const JsonReader& r, const Json& t, Theme& theme) {
  const std::string ptr = "/theme";
  if (!r.IsObject(t, ptr)) return;
  r.AllowOnly(t, ptr,
              {"brand", "brand_soft", "background", "text", "muted", "line", "alert", "font_px", "scale",
               "corner_radius", "font_path"});
  ReadColour(r, t, ptr, "brand", theme.brand);
  ReadColour(r, t, ptr, "brand_soft", theme.brand_soft);
  ReadColour(r, t, ptr, "background", theme.background);
  ReadColour(r, t, ptr, "text", theme.text);
  ReadColour(r, t, ptr, "muted", theme.muted);
  ReadColour(r, t, ptr, "line", theme.line);
  ReadColour(r, t, ptr, "alert", theme.alert);
  if (auto v = r.Int(t, ptr, "font_px", false, 12, 96)) theme.font_px = static_cast<float>(*v);
  if (const Json* s = r.Field(t, ptr, "scale", false)) {
    if (!s->is_number() || s->get<double>() < 0.5 || s->get<double>() > 4) {
      r.Error(Child(ptr, "scale"), "must be a number from 0.5 to 4");
    } else {
      theme.scale = s->get<float>();
    }
  }
  if (const Json* s = r.Field(t, ptr, "corner_radius", false)) {
    if (!s->is_number() || s->get<double>() < 0 || s->get<double>() > 2) {
      r.Error(Child(ptr, "corner_radius"), "must be a number of em from 0 to 2");
    } else {
      theme.corner_radius = s->get<float>();
    }
  }
  theme.font_path = r.String(t, ptr, "font_path", false);
}

}  // namespace

Result<Config> ParseConfig(const std::string& text, const std::string& file_name) {
  auto parsed = ParseJson(text, JsonLimits{256 * 1024, 32});
  if (!parsed) return Problems{Problem{file_name, "/", parsed.error()}};
  const Json& j = *parsed;
  Problems problems;
  JsonReader r(file_name, problems);
  Config config;
  if (!r.IsObject(j, "")) return problems;
  r.AllowOnly(j, "", {"$comment", "kiosk_id", "data_dir", "idle", "theme", "demo"});
  if (auto id = r.String(j, "", "kiosk_id", true); !id.empty()) config.kiosk_id = id;
  config.data_dir = r.String(j, "", "data_dir", false);
  config.demo = r.Bool(j, "", "demo", false);
  if (const Json* idle = r.Field(j, "", "idle", false); idle && r.IsObject(*idle, "/idle")) {
    r.AllowOnly(*idle, "/idle", {"timeout_s", "countdown_s"});
    if (auto v = r.Int(*idle, "/idle", "timeout_s", false, 10, 3600)) config.idle.timeout = Seconds(*v);
    if (auto v = r.Int(*idle, "/idle", "countdown_s", false, 5, 300)) config.idle.countdown = Seconds(*v);
  }
  if (const Json* t = r.Field(j, "", "theme", false)) ReadTheme(r, *t, config.theme);
  if (!problems.empty()) return problems;
  return config;
}

}  // namespace core
