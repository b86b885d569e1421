// Upload -> validate -> sign -> offer.
#include "inbox/publishing.h"

#include "bundle/content_bundle.h"
#include "core/base/uuid.h"
#include "core/content/content_loader.h"
#include "inbox/content_archive.h"

namespace inbox {

std::vector<std::string> KiosksOf(const core::InboxConfig& config, const std::string& target) {
  std::vector<std::string> out;
  if (target == "all") {
    for (const auto& [id, kiosk] : config.kiosks) out.push_back(id);
  } else if (auto it = config.publishing.groups.find(target); it != config.publishing.groups.end()) {
    out = it->second;
  }
  return out;
}

PublishOutcome PublishArchive(InboxApp& app, const std::string& archive, const std::string& target,
                              const std::string& user) {
  PublishOutcome out;
  out.target = target;
  if (!app.signing_key()) {
    out.refused = "publishing is off: inbox.json has no \"publishing\": {\"signing_key_file\": ...}";
    return out;
  }
  out.kiosks = KiosksOf(app.config(), target);
  if (out.kiosks.empty()) {
    out.refused = "there is no group \"" + target + "\" in inbox.json";
    return out;
  }
  auto folder = ReadContentArchive(archive);
  if (!folder) {
    out.refused = "the archive was refused: " + folder.error();
    return out;
  }
  out.left_out = folder->left_out;
  auto content = core::ParseContent(folder->files);
  if (!content) {
    out.problems = content.problems();
    return out;
  }
  out.content_id = content->id;
  out.content_version = content->version;
  auto earlier = app.publications().BundleOf(content->id, content->version);
  if (!earlier) {
    out.refused = "the inbox cannot read its publications now: " + earlier.error();
    return out;
  }
  if (*earlier) {
    out.problems.push_back(
        {"manifest.json", "/version",
         content->id + " " + content->version + " was published before: give this one a new version"});
    return out;
  }
  bundle::Bundle b{core::NewUuid(), content->id, content->version, core::ToRfc3339(app.clock().Now()),
                   std::move(folder->files)};
  NewBundle stored{b.id, b.content_id, b.content_version, bundle::MakeBundle(b, *app.signing_key())};
  if (auto done = app.publications().Publish(stored, user, target, out.kiosks, app.clock().Now()); !done) {
    out.refused = "the bundle could not be stored: " + done.error();
    return out;
  }
  out.bundle_id = b.id;
  out.published = true;
  return out;
}

}  // namespace inbox
