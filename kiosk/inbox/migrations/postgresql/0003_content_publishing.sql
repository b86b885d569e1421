-- Content published from the inbox (issue 17): the publisher role of staff users; each signed bundle as
-- sent to kiosks (the whole JSON document, so any inbox instance can serve it); and one offer per kiosk of
-- the group it was published to, with what the kiosk last reported (fetched, installed, refused with its
-- reason, rolled back) or "replaced" when a newer bundle was offered to that kiosk before it took this one.
ALTER TABLE users ADD COLUMN publisher INTEGER NOT NULL DEFAULT 0;
CREATE TABLE bundles (
  id              TEXT PRIMARY KEY NOT NULL,
  content_id      TEXT NOT NULL,
  content_version TEXT NOT NULL,
  published_at    TEXT COLLATE "C" NOT NULL,
  published_by    TEXT NOT NULL,
  target          TEXT NOT NULL,
  bundle          TEXT NOT NULL
);
CREATE TABLE bundle_offers (
  bundle_id  TEXT NOT NULL REFERENCES bundles (id),
  kiosk_id   TEXT NOT NULL,
  state      TEXT NOT NULL CHECK (state IN ('offered', 'fetched', 'installed', 'refused', 'rolled_back', 'replaced')),
  detail     TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL,
  PRIMARY KEY (bundle_id, kiosk_id)
);
CREATE INDEX bundle_offers_by_kiosk ON bundle_offers (kiosk_id, state);
