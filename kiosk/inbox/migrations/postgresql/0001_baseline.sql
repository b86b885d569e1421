-- The inbox's tables on PostgreSQL, the same as SQLite's 0001_baseline.sql. Differences, each so the shared
-- SQL means the same on both: a rowid column where the stores order or pick rows by SQLite's rowid; text
-- compared byte by byte (COLLATE "C": RFC 3339 times order as text, lower() folds ASCII only, as SQLite's);
-- "user" quoted (a reserved word here); instr() as SQLite's (the name search).
CREATE TABLE intakes (
  rowid         BIGSERIAL NOT NULL UNIQUE,
  id            TEXT COLLATE "C" PRIMARY KEY NOT NULL,
  received_at   TEXT COLLATE "C" NOT NULL,
  kiosk_id      TEXT COLLATE "C" NOT NULL,
  format        TEXT COLLATE "C" NOT NULL CHECK (format IN ('intake-json', 'fhir-r4')),
  body          TEXT COLLATE "C" NOT NULL,
  intake        TEXT COLLATE "C" NOT NULL,
  submitted_at  TEXT COLLATE "C" NOT NULL,
  client_name   TEXT COLLATE "C" NOT NULL,
  top_tier      TEXT COLLATE "C",
  flag_count    INTEGER NOT NULL,
  demo          INTEGER NOT NULL,
  reviewed_by   TEXT COLLATE "C",
  reviewed_at   TEXT COLLATE "C",
  content_known INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX intakes_by_submitted ON intakes (submitted_at);
CREATE TABLE users (
  name          TEXT COLLATE "C" PRIMARY KEY NOT NULL,
  password_hash TEXT COLLATE "C" NOT NULL,
  created_at    TEXT COLLATE "C" NOT NULL
);
CREATE TABLE sessions (
  token_hash    TEXT COLLATE "C" PRIMARY KEY NOT NULL,
  "user"        TEXT COLLATE "C" NOT NULL REFERENCES users (name) ON DELETE CASCADE,
  csrf          TEXT COLLATE "C" NOT NULL,
  expires_at    TEXT COLLATE "C" NOT NULL
);
CREATE TABLE sign_in_failures (
  rowid         BIGSERIAL PRIMARY KEY,
  at            TEXT COLLATE "C" NOT NULL,
  address       TEXT COLLATE "C" NOT NULL,
  name_digest   TEXT COLLATE "C" NOT NULL,
  device_digest TEXT COLLATE "C" NOT NULL
);
CREATE INDEX sign_in_failures_by_at ON sign_in_failures (at);
CREATE TABLE devices (
  token_hash    TEXT COLLATE "C" NOT NULL,
  "user"        TEXT COLLATE "C" NOT NULL,
  expires_at    TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (token_hash, "user")
);
CREATE TABLE audit (
  rowid         BIGSERIAL PRIMARY KEY,
  at            TEXT COLLATE "C" NOT NULL,
  "user"        TEXT COLLATE "C" NOT NULL,
  action        TEXT COLLATE "C" NOT NULL,
  intake_ids    TEXT COLLATE "C" NOT NULL
);
CREATE FUNCTION instr(haystack TEXT, needle TEXT) RETURNS INTEGER
  LANGUAGE sql IMMUTABLE STRICT AS 'SELECT strpos(haystack, needle)';
