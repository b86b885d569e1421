-- The fleet page (issue 17): each kiosk's latest heartbeat (content/schema/heartbeat.schema.json), one row per
-- kiosk, replaced by a newer one (by the kiosk's sent_at); received_at is the inbox's clock, which says when
-- the kiosk was last heard from.
CREATE TABLE kiosk_heartbeats (
  kiosk_id      TEXT PRIMARY KEY NOT NULL,
  received_at   TEXT NOT NULL,
  sent_at       TEXT NOT NULL,
  heartbeat     TEXT NOT NULL
);
