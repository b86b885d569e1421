// A content bundle: the files of a content folder, a manifest (bundle id, content id and version, when
// made, each file's path, size and SHA-256) and an Ed25519 signature over the manifest's exact text. One
// JSON document:
//   {"bundle": 1, "manifest": "<manifest JSON as text>", "signature": "<base64>", "files": {"app.json":
//   "<base64>"}}
// Signing the manifest's text (not a re-serialised object) leaves nothing to canonicalise; the file
// hashes in it bind the files. Opening checks everything before anything is used.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <variant>

#include "bundle/signing_key.h"
#include "core/base/result.h"

namespace bundle {

inline constexpr size_t kMaxBundleBytes = 24 * 1024 * 1024;
inline constexpr size_t kMaxFiles = 300;
inline constexpr size_t kMaxFileBytes = 4 * 1024 * 1024;

struct Bundle {
  std::string id;  // unique per publication
  std::string content_id, content_version;
  std::string created_at;                    // RFC 3339
  std::map<std::string, std::string> files;  // path -> bytes
};

// Why a bundle was refused: which of the three things a kiosk tells staff and the inbox.
enum class Refusal {
  kMalformed,  // not a bundle: truncated, not JSON, a file missing or changed, a bad path
  kWrongKey,   // well formed, but not signed by the key this kiosk trusts
  kInvalid,    // signed, but its content fails validation (the content loader's problems)
};
const char* RefusalWord(Refusal r);  // "bad bundle", "signed with another key", "content not valid"

struct Refused {
  Refusal why;
  std::string message;  // one line for staff and the inbox
};

// The bundle's JSON text, signed with `key`.
std::string MakeBundle(const Bundle& b, const SigningKey& key);

// The bundle in `text` when it is well formed, signed by `public_key` (32 raw bytes) and every file matches
// its hash; else why not. Content validation is the caller's (kInvalid).
std::variant<Bundle, Refused> OpenBundle(std::string_view text, std::string_view public_key);

}  // namespace bundle
