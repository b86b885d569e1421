// kiosk.json loader.
#include "core/content/config.h"

#include <cctype>

#include "core/content/content.h"
#include "core/content/json_block.h"

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
  if (!ReadBlock(r, t, ptr,
                 {"brand", "brand_soft", "background", "text", "muted", "line", "alert", "font_px", "scale",
                  "corner_radius", "font_path", "logo"}))
    return;
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
  theme.logo = r.String(t, ptr, "logo", false);
}

void ReadDelivery(const JsonReader& r, const Json& d, const std::string& ptr, DeliveryConfig& out) {
  if (!ReadBlock(r, d, ptr,
                 {"url", "webhook_secret_file", "bearer_token_file", "ca_file", "pinned_public_key", "format",
                  "timeout_s", "backoff_base_s", "backoff_cap_s"}))
    return;
  out.url = r.String(d, ptr, "url", false);
  if (!out.url.empty() && out.url.rfind("https://", 0) != 0 && out.url.rfind("http://", 0) != 0) {
    r.Error(Child(ptr, "url"),
            "must start with https:// (or http:// to a loopback address), found \"" + out.url + "\"");
  }
  out.webhook_secret_file = r.String(d, ptr, "webhook_secret_file", false);
  out.bearer_token_file = r.String(d, ptr, "bearer_token_file", false);
  out.ca_file = r.String(d, ptr, "ca_file", false);
  out.pinned_public_key = r.String(d, ptr, "pinned_public_key", false);
  if (!out.pinned_public_key.empty() && out.pinned_public_key.rfind("sha256//", 0) != 0) {
    r.Error(Child(ptr, "pinned_public_key"), "must be curl's \"sha256//<base64>\" form");
  }
  if (const Json* f = r.Field(d, ptr, "format", false)) {
    out.format = r.String(d, ptr, "format", false);
    if (f->is_string() && out.format != "intake-json" && out.format != "fhir-r4") {
      r.Error(Child(ptr, "format"), "must be \"intake-json\" or \"fhir-r4\", found \"" + out.format + "\"");
    }
  }
  if (auto v = r.Int(d, ptr, "timeout_s", false, 1, 600)) out.timeout_s = *v;
  if (auto v = r.Int(d, ptr, "backoff_base_s", false, 1, 3600)) out.backoff_base_s = *v;
  if (auto v = r.Int(d, ptr, "backoff_cap_s", false, 1, 7 * 86400)) out.backoff_cap_s = *v;
  if (out.backoff_cap_s < out.backoff_base_s)
    r.Error(Child(ptr, "backoff_cap_s"), "must not be less than backoff_base_s");
}

void ReadHeartbeat(const JsonReader& r, const Json& h, HeartbeatConfig& out) {
  const std::string ptr = "/heartbeat";
  if (!ReadBlock(r, h, ptr, {"enabled", "interval_s", "url"})) return;
  out.enabled = r.Bool(h, ptr, "enabled", true);
  if (auto v = r.Int(h, ptr, "interval_s", false, 30, 86400)) out.interval_s = *v;
  out.url = r.String(h, ptr, "url", false);
  if (!out.url.empty() && out.url.rfind("https://", 0) != 0 && out.url.rfind("http://", 0) != 0) {
    r.Error(Child(ptr, "url"),
            "must start with https:// (or http:// to a loopback address), found \"" + out.url + "\"");
  }
}

void ReadStaff(const JsonReader& r, const Json& s, StaffConfig& out) {
  const std::string ptr = "/staff";
  if (!ReadBlock(r, s, ptr, {"gesture", "pin_hash_file", "lock_after_s", "today_list_hours", "language"}))
    return;
  if (const Json* g = ReadBlock(r, s, ptr, "gesture", false, {"corner", "hold_s", "size_em"})) {
    const std::string gp = ptr + "/gesture";
    if (r.Field(*g, gp, "corner", false)) {
      out.gesture_corner = r.String(*g, gp, "corner", false);
      if (out.gesture_corner != "top_left" && out.gesture_corner != "top_right" &&
          out.gesture_corner != "bottom_left" && out.gesture_corner != "bottom_right") {
        r.Error(Child(gp, "corner"), "must be top_left, top_right, bottom_left or bottom_right, found \"" +
                                         out.gesture_corner + "\"");
      }
    }
    if (auto v = r.Int(*g, gp, "hold_s", false, 1, 30)) out.gesture_hold_s = *v;
    if (auto v = r.Int(*g, gp, "size_em", false, 2, 10)) out.gesture_size_em = static_cast<float>(*v);
  }
  out.pin_hash_file = r.String(s, ptr, "pin_hash_file", false);
  if (auto v = r.Int(s, ptr, "lock_after_s", false, 15, 3600)) out.lock_after_s = *v;
  if (auto v = r.Int(s, ptr, "today_list_hours", false, 1, 24 * 31)) out.today_list_hours = *v;
  out.language = r.String(s, ptr, "language", false);
}

// "demo": true | false | { "enabled", "delivery", "export_dir" }
void ReadDemo(const JsonReader& r, const Json& d, DemoConfig& out) {
  const std::string ptr = "/demo";
  if (d.is_boolean()) {
    out.enabled = d.get<bool>();
    return;
  }
  if (!d.is_object()) {
    r.Error(ptr, "must be true, false or an object with enabled, delivery and export_dir");
    return;
  }
  r.AllowOnly(d, ptr, {"enabled", "delivery", "export_dir"});
  out.enabled = r.Bool(d, ptr, "enabled", false);
  if (const Json* del = r.Field(d, ptr, "delivery", false))
    ReadDelivery(r, *del, ptr + "/delivery", out.delivery);
  out.export_dir = r.String(d, ptr, "export_dir", false);
}

// "keypad": {"up": "Up", "select": ["Return", "Keypad Enter"], ...}: an action named replaces its default
// keys; one key may do only one action (a default's key included).
void ReadKeypad(const JsonReader& r, const Json& k, KeypadKeys& out) {
  const std::string ptr = "/keypad";
  if (!ReadBlock(r, k, ptr,
                 {"up", "down", "left", "right", "select", "back", "help", "volume_up", "volume_down",
                  "slower", "faster"}))
    return;
  for (NavKey key : kNavKeys) {
    const char* action = ToString(key);
    const Json* v = r.Field(k, ptr, action, false);
    if (!v) continue;
    std::string at = Child(ptr, action);
    std::vector<KeyName> names;
    auto add = [&](const Json& name, const std::string& where) {
      if (!name.is_string() || name.get<std::string>().empty()) {
        r.Error(where, "must be a key name like \"Up\" or \"Keypad 8\"");
      } else {
        names.push_back({name.get<std::string>(), where});
      }
    };
    if (v->is_array()) {
      for (size_t i = 0; i < v->size(); ++i) add((*v)[i], Child(at, i));
      if (v->empty())
        r.Error(at, "needs at least one key: without it a keypad user cannot " + std::string(action));
    } else {
      add(*v, at);
    }
    out.keys[static_cast<size_t>(key)] = std::move(names);
  }
  auto lower = [](std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  };
  for (size_t a = 0; a < out.keys.size(); ++a) {
    for (const KeyName& name : out.keys[a]) {
      for (size_t b = 0; b < a; ++b) {
        for (const KeyName& other : out.keys[b]) {
          if (lower(name.name) != lower(other.name)) continue;
          const KeyName& written = name.pointer.empty() ? other : name;
          if (written.pointer.empty()) continue;
          r.Error(written.pointer, "\"" + written.name + "\" is the key of both " + ToString(kNavKeys[b]) +
                                       " and " + ToString(kNavKeys[a]) +
                                       (name.pointer.empty() || other.pointer.empty()
                                            ? " (by default): give that action its own keys too"
                                            : ": one key, one action"));
        }
      }
    }
  }
}

// "content_updates": the inbox's public key (base64 of 32 bytes: 43 characters and "="), where to ask.
void ReadContentUpdates(const JsonReader& r, const Json& u, Config& config) {
  auto& out = config.content_updates;
  out.public_key = r.String(u, "/content_updates", "public_key", true);
  const bool base64 = out.public_key.size() == 44 && out.public_key.back() == '=' &&
                      out.public_key.find_first_not_of(
                          "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/") == 43;
  if (!out.public_key.empty() && !base64)
    r.Error("/content_updates/public_key",
            "must be the public key intake-inbox make-signing-key printed (44 base64 characters)");
  out.url = r.String(u, "/content_updates", "url", false);
  if (auto v = r.Int(u, "/content_updates", "check_every_s", false, 10, 86400)) out.check_every_s = *v;
  if (out.Base(config.delivery.url).empty())
    r.Error("/content_updates",
            "needs \"url\" (the inbox's .../content) when delivery.url does not end in /intakes");
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
  r.AllowOnly(j, "",
              {"$comment", "kiosk_id", "data_dir", "idle", "theme", "demo", "staff", "delivery", "retention",
               "keypad", "heartbeat", "content_updates"});
  if (auto id = r.String(j, "", "kiosk_id", true); !id.empty()) config.kiosk_id = id;
  config.data_dir = r.String(j, "", "data_dir", false);
  if (const Json* d = r.Field(j, "", "demo", false)) ReadDemo(r, *d, config.demo);
  if (const Json* s = r.Field(j, "", "staff", false)) ReadStaff(r, *s, config.staff);
  if (const Json* idle = ReadBlock(r, j, "", "idle", false, {"timeout_s", "countdown_s"})) {
    if (auto v = r.Int(*idle, "/idle", "timeout_s", false, 10, 3600)) config.idle.timeout = Seconds(*v);
    if (auto v = r.Int(*idle, "/idle", "countdown_s", false, 5, 300)) config.idle.countdown = Seconds(*v);
  }
  if (const Json* t = r.Field(j, "", "theme", false)) ReadTheme(r, *t, config.theme);
  if (!config.theme.logo.empty() && std::filesystem::path(config.theme.logo).is_relative()) {
    // a logo beside the config file is named by its file name alone
    config.theme.logo = (std::filesystem::path(file_name).parent_path() / config.theme.logo).string();
  }
  if (const Json* d = r.Field(j, "", "delivery", false)) ReadDelivery(r, *d, "/delivery", config.delivery);
  if (const Json* ret =
          ReadBlock(r, j, "", "retention", false, {"delivered_days", "clinic_days", "lead_days"})) {
    if (auto v = r.Int(*ret, "/retention", "delivered_days", false, 0, 3650))
      config.retention_delivered_days = *v;
    config.retention_clinic_days = r.Int(*ret, "/retention", "clinic_days", false, 1, 36500);
    if (auto v = r.Int(*ret, "/retention", "lead_days", false, 1, 3650)) config.retention_lead_days = *v;
  }
  if (const Json* k = r.Field(j, "", "keypad", false)) ReadKeypad(r, *k, config.keypad);
  if (const Json* h = r.Field(j, "", "heartbeat", false)) ReadHeartbeat(r, *h, config.heartbeat);
  if (const Json* u = ReadBlock(r, j, "", "content_updates", false, {"public_key", "url", "check_every_s"}))
    ReadContentUpdates(r, *u, config);
  if (!problems.empty()) return problems;
  return config;
}

std::string ContentUpdatesConfig::Base(const std::string& delivery_url) const {
  if (!url.empty()) return url;
  constexpr std::string_view kIntakes = "/intakes";
  if (delivery_url.size() > kIntakes.size() && delivery_url.ends_with(kIntakes))
    return delivery_url.substr(0, delivery_url.size() - kIntakes.size()) + "/content";
  return {};
}

Problems CheckConfigAgainstContent(const Config& config, const Content& content,
                                   const std::string& file_name) {
  Problems problems;
  const std::string& staff = config.staff.language;
  if (!staff.empty() && !content.HasLanguage(staff)) {
    std::string declared;
    for (const auto& l : content.languages) {
      if (!declared.empty()) declared += ", ";
      declared += l.code;
    }
    problems.push_back({file_name, "/staff/language",
                        "\"" + staff + "\" is not a language the content declares (" + declared + ")"});
  }
  return problems;
}

}  // namespace core
