// The "Publish content" page (publishers only): the upload form, the outcome of an upload (published and
// to which kiosks, or refused: the archive's reason, or each validation problem with its file and JSON
// pointer), and the recent publications with what each kiosk reported.
#pragma once

#include <string>
#include <vector>

#include "inbox/pages.h"
#include "inbox/publish_store.h"
#include "inbox/publishing.h"

namespace inbox {

struct PublishTarget {
  std::string name;  // "all" or a group of inbox.json
  std::vector<std::string> kiosks;
};

std::string PublishPage(const PageContext& ctx, const std::vector<PublishTarget>& targets,
                        const std::vector<PublishedBundle>& recent, const PublishOutcome* outcome);

}  // namespace inbox
