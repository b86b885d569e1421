// Making and opening signed content bundles (content_bundle.h has the format).
#include "bundle/content_bundle.h"

#include <set>

#include "bundle/bundle_paths.h"
#include "core/content/json_reader.h"

namespace bundle {
namespace {

Refused Malformed(std::string why) {
  return {Refusal::kMalformed, "not a valid content bundle: " + std::move(why)};
}

}  // namespace

const char* RefusalWord(Refusal r) {
  switch (r) {
    case Refusal::kMalformed:
      return "bad bundle";
    case Refusal::kWrongKey:
      return "signed with another key";
    case Refusal::kInvalid:
      return "content not valid";
  }
  return "refused";
}

std::string MakeBundle(const Bundle& b, const SigningKey& key) {
  core::Json files = core::Json::array();
  core::Json data = core::Json::object();
  for (const auto& [path, bytes] : b.files) {
    files.push_back({{"path", path}, {"bytes", bytes.size()}, {"sha256", Sha256Hex(bytes)}});
    data[path] = Base64(bytes);
  }
  const std::string manifest = core::DumpJson({{"bundle_id", b.id},
                                               {"content_id", b.content_id},
                                               {"content_version", b.content_version},
                                               {"created_at", b.created_at},
                                               {"files", files}});
  return core::DumpJson({{"bundle", 1},
                         {"manifest", manifest},
                         {"signature", Base64(SignDetached(key, manifest))},
                         {"files", data}});
}

std::variant<Bundle, Refused> OpenBundle(std::string_view text, std::string_view public_key) {
  if (text.size() > kMaxBundleBytes) return Malformed("larger than 24 MiB");
  auto doc = core::ParseJson(std::string(text), {kMaxBundleBytes + 1, 8});
  if (!doc) return Malformed("not JSON (" + doc.error() + ")");
  const core::Json& j = *doc;
  if (!j.is_object() || core::JsonMember(j, "bundle") != 1) return Malformed("not a bundle of format 1");
  const std::string manifest_text = core::JsonString(j, "manifest");
  auto signature = FromBase64(core::JsonString(j, "signature"));
  if (manifest_text.empty() || !signature || signature->size() != 64)
    return Malformed("the manifest or its signature is missing");
  // The signature first: nothing of an unsigned manifest is believed, not even its file list.
  if (!VerifyDetached(public_key, manifest_text, *signature))
    return Refused{Refusal::kWrongKey,
                   "the bundle's signature does not match the public key in kiosk.json "
                   "(content_updates.public_key): it was signed with another key, or changed after signing"};
  auto manifest = core::ParseJson(manifest_text, {1024 * 1024, 8});
  if (!manifest || !manifest->is_object()) return Malformed("the manifest is not a JSON object");
  Bundle b;
  b.id = core::JsonString(*manifest, "bundle_id");
  b.content_id = core::JsonString(*manifest, "content_id");
  b.content_version = core::JsonString(*manifest, "content_version");
  b.created_at = core::JsonString(*manifest, "created_at");
  if (b.id.empty() || b.content_id.empty() || b.content_version.empty())
    return Malformed("the manifest names no bundle id, content id or version");
  for (char c : b.id) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-') return Malformed("a bad bundle id");
  }
  const core::Json& listed = core::JsonMember(*manifest, "files");
  const core::Json& data = core::JsonMember(j, "files");
  if (!listed.is_array() || !data.is_object() || listed.size() > kMaxFiles || data.size() != listed.size())
    return Malformed("the files do not match the manifest's list");
  for (const auto& f : listed) {
    const std::string path = core::JsonString(f, "path");
    if (auto problem = PathProblem(path)) return Malformed(path + ": " + *problem);
    const core::Json& encoded = core::JsonMember(data, path.c_str());
    if (!encoded.is_string() || b.files.count(path)) return Malformed(path + " is missing or listed twice");
    auto bytes = FromBase64(encoded.get<std::string>());
    if (!bytes || bytes->size() > kMaxFileBytes) return Malformed(path + " is not readable");
    if (Sha256Hex(*bytes) != core::JsonString(f, "sha256"))
      return Malformed(path + " differs from the file that was signed (SHA-256)");
    b.files.emplace(path, std::move(*bytes));
  }
  return b;
}

}  // namespace bundle
