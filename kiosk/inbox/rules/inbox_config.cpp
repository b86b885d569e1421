// Reading the inbox config with the same JsonReader rules as kiosk.json: unknown keys and bad values are
// errors naming the file and the JSON pointer.
#include "inbox/rules/inbox_config.h"

#include <cctype>

#include "core/content/content_loader.h"
#include "core/content/json_block.h"
#include "core/content/json_reader.h"

namespace core {
namespace {

std::filesystem::path Resolve(const std::filesystem::path& base, const std::string& path) {
  if (path.empty()) return {};
  std::filesystem::path p(path);
  return p.is_absolute() ? p : base / p;
}

std::vector<std::filesystem::path> Files(const JsonReader& r, const Json& obj, const std::string& at,
                                         const char* key, const std::filesystem::path& base) {
  std::vector<std::filesystem::path> out;
  const Json* list = r.Field(obj, at, key, false);
  if (!list || !r.IsArray(*list, Child(at, key))) return out;
  for (size_t i = 0; i < list->size(); ++i) {
    const Json& v = (*list)[i];
    if (!v.is_string() || v.get_ref<const std::string&>().empty()) {
      r.Error(Child(Child(at, key), i), "must be a file name");
    } else {
      out.push_back(Resolve(base, v.get<std::string>()));
    }
  }
  return out;
}

void ReadKiosks(const JsonReader& r, const Json& kiosks, const std::filesystem::path& base,
                InboxConfig& out) {
  if (!r.IsObject(kiosks, "/kiosks")) return;
  if (kiosks.empty()) r.Error("/kiosks", "name at least one kiosk, or no intake can be accepted");
  for (const auto& [id, k] : kiosks.items()) {
    const std::string at = Child("/kiosks", id);
    if (!ReadBlock(r, k, at, {"webhook_secret_files", "bearer_token_files"})) continue;
    InboxKiosk kiosk;
    kiosk.webhook_secret_files = Files(r, k, at, "webhook_secret_files", base);
    kiosk.bearer_token_files = Files(r, k, at, "bearer_token_files", base);
    if (kiosk.webhook_secret_files.empty())
      r.Error(at, "needs \"webhook_secret_files\" with at least one file: unsigned intakes are refused");
    out.kiosks.emplace(id, std::move(kiosk));
  }
}

// A password in the connection string would sit in a world-readable config and in process listings of tools
// given it: refused, with where it belongs instead.
bool HasPassword(const std::string& conninfo) {
  std::string lower;
  for (char c : conninfo) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  if (lower.find("password") != std::string::npos) return true;
  const auto scheme = lower.find("://");
  if (scheme == std::string::npos) return false;
  const auto at = lower.find('@', scheme);
  const auto end = lower.find_first_of("/?", scheme + 3);
  return at != std::string::npos && (end == std::string::npos || at < end) &&
         lower.substr(scheme + 3, at - scheme - 3).find(':') != std::string::npos;
}

void ReadStore(const JsonReader& r, const Json& store, InboxConfig& out) {
  out.postgresql = r.String(store, "/store", "postgresql", true);
  if (HasPassword(out.postgresql)) {
    r.Error("/store/postgresql",
            "holds a password: put it in a password file (passfile=FILE, mode 0600) or let the server trust "
            "the inbox's user on its unix socket (peer authentication)");
  }
}

// "publishing": the signing key file and the groups, each naming configured kiosks.
void ReadPublishing(const JsonReader& r, const Json& publishing, const std::filesystem::path& base,
                    InboxConfig& out) {
  out.publishing.signing_key_file =
      Resolve(base, r.String(publishing, "/publishing", "signing_key_file", true));
  const Json* groups = r.Field(publishing, "/publishing", "groups", false);
  if (!groups || !r.IsObject(*groups, "/publishing/groups")) return;
  for (const auto& [name, ids] : groups->items()) {
    const std::string at = Child("/publishing/groups", name);
    bool good_name = !name.empty() && name.size() <= 64 && name != "all";
    for (char c : name)
      good_name = good_name && (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_');
    if (!good_name)
      r.Error(at, "a group name is 1 to 64 letters, digits, '-' or '_', and not \"all\" (every kiosk)");
    if (!r.IsArray(ids, at)) continue;
    std::vector<std::string> members;
    for (size_t i = 0; i < ids.size(); ++i) {
      const std::string id = ids[i].is_string() ? ids[i].get<std::string>() : "";
      if (!out.kiosks.count(id)) {
        r.Error(Child(at, i), "must be the id of a kiosk under \"kiosks\"");
        continue;
      }
      members.push_back(id);
    }
    if (ids.empty()) r.Error(at, "names no kiosk");
    out.publishing.groups.emplace(name, std::move(members));
  }
}

}  // namespace

Result<InboxConfig> ParseInboxConfig(const std::string& text, const std::string& file_name,
                                     const std::filesystem::path& base_dir) {
  auto parsed = ParseJson(text, JsonLimits{256 * 1024, 16});
  if (!parsed) return Problems{Problem{file_name, "/", parsed.error()}};
  const Json& j = *parsed;
  Problems problems;
  JsonReader r(file_name, problems);
  InboxConfig config;
  if (!r.IsObject(j, "")) return problems;
  r.AllowOnly(j, "",
              {"$comment", "listen", "tls", "kiosks", "content_dir", "earlier_content_dirs", "data_dir",
               "session_minutes", "retention", "store", "fleet", "publishing"});
  if (const Json* listen =
          ReadBlock(r, j, "", "listen", false, {"address", "port", "unix_socket", "socket_group"})) {
    if (auto a = r.String(*listen, "/listen", "address", false); !a.empty()) config.listen_address = a;
    if (auto p = r.Int(*listen, "/listen", "port", false, 0, 65535)) config.port = *p;
    config.unix_socket = Resolve(base_dir, r.String(*listen, "/listen", "unix_socket", false));
    if (!config.unix_socket.empty() && (listen->contains("address") || listen->contains("port")))
      r.Error("/listen", "\"unix_socket\" or \"address\" and \"port\", not both");
    if (auto g = r.String(*listen, "/listen", "socket_group", false); !g.empty()) config.socket_group = g;
    if (config.unix_socket.empty() && listen->contains("socket_group"))
      r.Error("/listen/socket_group", "only with \"unix_socket\"");
  }
  if (!config.unix_socket.empty()) {
    if (j.contains("tls")) r.Error("/tls", "not with \"listen\": {\"unix_socket\"}: TLS is nginx's there");
  } else if (const Json* tls = ReadBlock(r, j, "", "tls", true, {"cert_file", "key_file"})) {
    config.tls_cert_file = Resolve(base_dir, r.String(*tls, "/tls", "cert_file", true));
    config.tls_key_file = Resolve(base_dir, r.String(*tls, "/tls", "key_file", true));
  }
  if (const Json* kiosks = r.Field(j, "", "kiosks", true)) ReadKiosks(r, *kiosks, base_dir, config);
  config.content_dir = Resolve(base_dir, r.String(j, "", "content_dir", true));
  config.earlier_content_dirs = Files(r, j, "", "earlier_content_dirs", base_dir);
  config.data_dir = Resolve(base_dir, r.String(j, "", "data_dir", true));
  if (auto m = r.Int(j, "", "session_minutes", false, 1, 24 * 60)) config.session_minutes = *m;
  if (const Json* retention = ReadBlock(r, j, "", "retention", false, {"days"}))
    config.retention_days = r.Int(*retention, "/retention", "days", true, 1, 3650);
  if (const Json* store = ReadBlock(r, j, "", "store", false, {"postgresql"})) ReadStore(r, *store, config);
  if (const Json* fleet =
          ReadBlock(r, j, "", "fleet", false, {"silent_after_minutes", "waiting_alert_minutes"})) {
    if (auto m = r.Int(*fleet, "/fleet", "silent_after_minutes", false, 2, 7 * 24 * 60))
      config.fleet_silent_after_minutes = *m;
    if (auto m = r.Int(*fleet, "/fleet", "waiting_alert_minutes", false, 1, 7 * 24 * 60))
      config.fleet_waiting_alert_minutes = *m;
  }
  if (const Json* publishing = ReadBlock(r, j, "", "publishing", false, {"signing_key_file", "groups"}))
    ReadPublishing(r, *publishing, base_dir, config);
  if (!problems.empty()) return problems;
  return config;
}

Result<InboxConfig> LoadInboxConfig(const std::filesystem::path& file) {
  auto text = ReadFile(file, 256 * 1024);
  if (!text) return Problems{Problem{file.string(), "", text.error()}};
  return ParseInboxConfig(*text, file.string(), file.parent_path());
}

}  // namespace core
