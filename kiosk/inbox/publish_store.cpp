// The bundles and offers tables; the same SQL on both engines (times as RFC 3339 text).
#include "inbox/publish_store.h"

namespace inbox {

core::Status PublishStore::Publish(const NewBundle& bundle, const std::string& by, const std::string& target,
                                   const std::vector<std::string>& kiosks, core::TimePoint now) {
  const std::string at = core::ToRfc3339(now);
  auto c = db_.Use();
  auto tx = SqlTransaction::Begin(*c);
  if (!tx) return tx.problems();
  auto added = c->Change(
      "INSERT INTO bundles (id, content_id, content_version, published_at, published_by, target, bundle) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
      {bundle.id, bundle.content_id, bundle.content_version, at, by, target, bundle.text});
  if (!added) return added.problems();
  for (const auto& kiosk : kiosks) {
    auto replaced = c->Change(
        "UPDATE bundle_offers SET state = 'replaced', updated_at = ?2 "
        "WHERE kiosk_id = ?1 AND state IN ('offered', 'fetched')",
        {kiosk, at});
    if (!replaced) return replaced.problems();
    auto offered = c->Change(
        "INSERT INTO bundle_offers (bundle_id, kiosk_id, state, detail, updated_at) "
        "VALUES (?1, ?2, 'offered', '', ?3)",
        {bundle.id, kiosk, at});
    if (!offered) return offered.problems();
  }
  return tx->Commit();
}

core::Result<std::optional<std::string>> PublishStore::TakeOffer(const std::string& kiosk,
                                                                 core::TimePoint now) {
  using R = core::Result<std::optional<std::string>>;
  auto c = db_.Use();
  auto rows = c->Query(
      "SELECT b.id, b.bundle FROM bundle_offers o JOIN bundles b ON b.id = o.bundle_id "
      "WHERE o.kiosk_id = ?1 AND o.state IN ('offered', 'fetched') ORDER BY b.published_at DESC LIMIT 1",
      {kiosk});
  if (!rows) return rows.problems();
  if (rows->empty()) return R(std::optional<std::string>());
  auto marked = c->Change(
      "UPDATE bundle_offers SET state = 'fetched', updated_at = ?3 WHERE bundle_id = ?1 AND kiosk_id = ?2 "
      "AND state = 'offered'",
      {rows->front()[0], kiosk, core::ToRfc3339(now)});
  if (!marked) return marked.problems();
  return R(std::move(rows->front()[1]));
}

core::Result<bool> PublishStore::Report(const std::string& bundle_id, const std::string& kiosk,
                                        const std::string& state, const std::string& detail,
                                        core::TimePoint now) {
  const std::string at = core::ToRfc3339(now);
  auto c = db_.Use();
  auto tx = SqlTransaction::Begin(*c);
  if (!tx) return tx.problems();
  auto changed = c->Change(
      "UPDATE bundle_offers SET state = ?3, detail = ?4, updated_at = ?5 WHERE bundle_id = ?1 AND kiosk_id = "
      "?2",
      {bundle_id, kiosk, state, detail, at});
  if (!changed) return changed.problems();
  if (*changed != 1) return false;
  if (state == "installed") {  // a kiosk runs one bundle: the one it ran before is replaced by this one
    auto replaced = c->Change(
        "UPDATE bundle_offers SET state = 'replaced', updated_at = ?3, detail = (SELECT content_id || ' ' || "
        "content_version || ' runs instead' FROM bundles WHERE id = ?1) "
        "WHERE kiosk_id = ?2 AND bundle_id <> ?1 AND state = 'installed'",
        {bundle_id, kiosk, at});
    if (!replaced) return replaced.problems();
  }
  if (auto committed = tx->Commit(); !committed) return committed.problems();
  return true;
}

core::Result<std::vector<PublishedBundle>> PublishStore::Recent(int limit) {
  auto c = db_.Use();
  auto rows = c->Query(
      "SELECT id, content_id, content_version, published_at, published_by, target FROM bundles "
      "ORDER BY published_at DESC, id LIMIT ?1",
      {std::int64_t{limit}});
  if (!rows) return rows.problems();
  std::vector<PublishedBundle> out;
  for (auto& r : *rows) {
    PublishedBundle b{r[0], r[1], r[2], r[3], r[4], r[5], {}};
    auto offers = c->Query(
        "SELECT kiosk_id, state, detail, updated_at FROM bundle_offers WHERE bundle_id = ?1 ORDER BY "
        "kiosk_id",
        {b.id});
    if (!offers) return offers.problems();
    for (auto& o : *offers) b.offers.push_back(Offer{o[0], o[1], o[2], o[3]});
    out.push_back(std::move(b));
  }
  return out;
}

core::Result<std::optional<std::string>> PublishStore::BundleOf(const std::string& content_id,
                                                                const std::string& version) {
  using R = core::Result<std::optional<std::string>>;
  auto c = db_.Use();
  auto rows = c->Query(
      "SELECT bundle FROM bundles WHERE content_id = ?1 AND content_version = ?2 "
      "ORDER BY published_at DESC LIMIT 1",
      {content_id, version});
  if (!rows) return rows.problems();
  if (rows->empty()) return R(std::optional<std::string>());
  return R(std::move(rows->front()[0]));
}

}  // namespace inbox
