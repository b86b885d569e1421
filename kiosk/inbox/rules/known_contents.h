// The content versions an inbox accepts intakes for (inbox.json "content_dir" and "earlier_content_dirs"):
// an intake names the content id and version it was answered with, and is checked against exactly that
// one. The first is the current content (the staff pages' words and the CSV columns).
#pragma once

#include <string_view>
#include <vector>

#include "core/content/content.h"

namespace core {

struct KnownContents {
  std::vector<Content> versions;  // the current first; never empty once loaded
  std::vector<Content> demos;     // the demo flow's content of each version (DemoContent), or a copy

  // From loaded contents, the current first.
  static KnownContents Of(std::vector<Content> versions);

  const Content& Current() const { return versions.front(); }
  // The content with this id and version (its demo flow for a demo intake), or nullptr when unknown.
  const Content* Find(std::string_view id, std::string_view version, bool demo = false) const;
  // The newest known content with this id whatever its version (the first listed), or nullptr.
  const Content* FindId(std::string_view id) const;
};

}  // namespace core
