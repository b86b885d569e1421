// Published content in the inbox database (migration 0003): each signed bundle as sent to the kiosks, and
// one offer per kiosk of the group it went to, with what that kiosk last reported. Any inbox instance on
// the same database serves the same offers.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/base/clock.h"
#include "core/base/result.h"
#include "inbox/inbox_db.h"

namespace inbox {

struct Offer {
  std::string kiosk_id, state, detail, updated_at;  // state: offered, fetched, installed, refused, ...
};

struct PublishedBundle {
  std::string id, content_id, content_version, published_at, published_by, target;
  std::vector<Offer> offers;  // by kiosk id
};

// What a publisher stores: the bundle's text and what it is.
struct NewBundle {
  std::string id, content_id, content_version, text;
};

class PublishStore {
 public:
  explicit PublishStore(InboxDb& db) : db_(db) {}

  // Stores the bundle and offers it to `kiosks` in one transaction; their earlier offers not yet installed
  // or refused become "replaced" (a kiosk takes the newest only).
  core::Status Publish(const NewBundle& bundle, const std::string& by, const std::string& target,
                       const std::vector<std::string>& kiosks, core::TimePoint now);
  // The bundle text offered to `kiosk` now (its offer marked "fetched"), or nullopt.
  core::Result<std::optional<std::string>> TakeOffer(const std::string& kiosk, core::TimePoint now);
  // A kiosk's report on a bundle offered to it: false when there is no such offer. "installed" also makes
  // the bundle that kiosk ran before "replaced" (it runs one at a time; after staff roll a bundle back,
  // the kiosk reports the one it runs again as installed).
  core::Result<bool> Report(const std::string& bundle_id, const std::string& kiosk, const std::string& state,
                            const std::string& detail, core::TimePoint now);
  // The newest publications first, with their offers.
  core::Result<std::vector<PublishedBundle>> Recent(int limit = 20);
  // The text of the newest bundle of this content id and version, or nullopt (checking intakes answered
  // with published content).
  core::Result<std::optional<std::string>> BundleOf(const std::string& content_id,
                                                    const std::string& version);

 private:
  InboxDb& db_;
};

}  // namespace inbox
