// Publishing content from the inbox: an uploaded archive read (content_archive.h), validated with the
// kiosk's own content loader (every problem as FILE: /json/pointer: what), signed as a bundle with the
// inbox's key and offered to the kiosks of a group (inbox.json "publishing"). Nothing is stored unless all
// of it passed.
#pragma once

#include <string>
#include <vector>

#include "inbox/inbox_app.h"

namespace inbox {

struct PublishOutcome {
  bool published = false;
  std::string refused;      // the archive itself was refused (one line), or publishing is off
  core::Problems problems;  // the content failed validation: file, JSON pointer, what is wrong
  std::string bundle_id, content_id, content_version, target;
  std::vector<std::string> kiosks;    // offered to
  std::vector<std::string> left_out;  // files in the archive that are not content (not published)
};

// The kiosk ids of a target: "all", or a group of inbox.json; empty when there is no such group.
std::vector<std::string> KiosksOf(const core::InboxConfig& config, const std::string& target);

PublishOutcome PublishArchive(InboxApp& app, const std::string& archive, const std::string& target,
                              const std::string& user);

}  // namespace inbox
