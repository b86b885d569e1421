// Looking up a content version by the id and version an intake names.
#include "inbox/rules/known_contents.h"

#include "core/visit/demo_flow.h"

namespace core {

KnownContents KnownContents::Of(std::vector<Content> versions) {
  KnownContents known;
  for (const auto& c : versions) known.demos.push_back(c.demo ? DemoContent(c) : c);
  known.versions = std::move(versions);
  return known;
}

const Content* KnownContents::Find(std::string_view id, std::string_view version, bool demo) const {
  for (size_t i = 0; i < versions.size(); ++i) {
    if (versions[i].id == id && versions[i].version == version) return demo ? &demos[i] : &versions[i];
  }
  return nullptr;
}

const Content* KnownContents::FindId(std::string_view id) const {
  for (const auto& c : versions) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

}  // namespace core
