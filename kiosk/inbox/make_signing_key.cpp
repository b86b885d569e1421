// `intake-inbox make-signing-key FILE`: the content signing key, made once (bundle/signing_key.h).
#include <cstdio>

#include "bundle/signing_key.h"
#include "inbox/cli.h"

namespace inbox {

int MakeSigningKey(const std::string& file) {
  auto made = bundle::MakeSigningKey(file);
  if (!made) {
    std::fprintf(stderr, "make-signing-key: %s\n", made.error().c_str());
    return 1;
  }
  std::fprintf(
      stderr,
      "make-signing-key: the secret key is in %s (mode 0600: keep it the inbox user's alone, and "
      "back it up). Name it in inbox.json as \"publishing\": {\"signing_key_file\": ...}, and put the "
      "public key below in each kiosk's kiosk.json as \"content_updates\": {\"public_key\": ...}:\n",
      file.c_str());
  std::printf("%s\n", made->c_str());
  return 0;
}

}  // namespace inbox
