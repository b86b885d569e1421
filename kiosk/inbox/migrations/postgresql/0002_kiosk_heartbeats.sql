-- The fleet page (issue 17): each kiosk's latest heartbeat, as SQLite's 0002_kiosk_heartbeats.sql (text
-- compared byte by byte, so RFC 3339 times order as text).
CREATE TABLE kiosk_heartbeats (
  kiosk_id      TEXT COLLATE "C" PRIMARY KEY NOT NULL,
  received_at   TEXT COLLATE "C" NOT NULL,
  sent_at       TEXT COLLATE "C" NOT NULL,
  heartbeat     TEXT COLLATE "C" NOT NULL
);
