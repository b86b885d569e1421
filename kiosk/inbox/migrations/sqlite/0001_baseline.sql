-- The inbox's tables as they were when migrations began (SQLite's user_version 2). intakes keeps each body
-- exactly as received (the idempotency comparison) next to the intake view the staff pages read, and whether
-- the inbox knew its content version (else kept apart); staff tables hold users, sessions, failed sign-ins
-- (bounded: names as digests, rows expiring, a cap), the browsers each user signed in from (one browser can
-- be known for several users), and the audit log. IF NOT EXISTS: a file from before migrations already has
-- them (its older shapes are brought here first, migrations.cpp).
CREATE TABLE IF NOT EXISTS intakes (
  id            TEXT PRIMARY KEY NOT NULL,
  received_at   TEXT NOT NULL,
  kiosk_id      TEXT NOT NULL,
  format        TEXT NOT NULL CHECK (format IN ('intake-json', 'fhir-r4')),
  body          TEXT NOT NULL,
  intake        TEXT NOT NULL,
  submitted_at  TEXT NOT NULL,
  client_name   TEXT NOT NULL,
  top_tier      TEXT,
  flag_count    INTEGER NOT NULL,
  demo          INTEGER NOT NULL,
  reviewed_by   TEXT,
  reviewed_at   TEXT,
  content_known INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX IF NOT EXISTS intakes_by_submitted ON intakes (submitted_at);
CREATE TABLE IF NOT EXISTS users (
  name          TEXT PRIMARY KEY NOT NULL,
  password_hash TEXT NOT NULL,
  created_at    TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sessions (
  token_hash    TEXT PRIMARY KEY NOT NULL,
  user          TEXT NOT NULL REFERENCES users (name) ON DELETE CASCADE,
  csrf          TEXT NOT NULL,
  expires_at    TEXT NOT NULL
);
DROP TABLE IF EXISTS login_failures;
CREATE TABLE IF NOT EXISTS sign_in_failures (
  at            TEXT NOT NULL,
  address       TEXT NOT NULL,
  name_digest   TEXT NOT NULL,
  device_digest TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS sign_in_failures_by_at ON sign_in_failures (at);
CREATE TABLE IF NOT EXISTS devices (
  token_hash    TEXT NOT NULL,
  user          TEXT NOT NULL,
  expires_at    TEXT NOT NULL,
  PRIMARY KEY (token_hash, user)
);
CREATE TABLE IF NOT EXISTS audit (
  at            TEXT NOT NULL,
  user          TEXT NOT NULL,
  action        TEXT NOT NULL,
  intake_ids    TEXT NOT NULL
);
