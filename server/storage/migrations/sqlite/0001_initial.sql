-- Narrando schema, SQLite flavour (DESIGN §7). Timestamps are ISO 8601 UTC text; JSON is text.
CREATE TABLE cities (
  id                 TEXT PRIMARY KEY,
  place_id           TEXT NOT NULL UNIQUE,
  name               TEXT NOT NULL,
  country_code       TEXT NOT NULL DEFAULT '',
  centre_lat         REAL NOT NULL,
  centre_lon         REAL NOT NULL,
  viewport_south     REAL NOT NULL,
  viewport_west      REAL NOT NULL,
  viewport_north     REAL NOT NULL,
  viewport_east      REAL NOT NULL,
  source             TEXT NOT NULL,
  note               TEXT NOT NULL DEFAULT '',
  published_revision INTEGER,
  draft_revision     INTEGER,
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL
);

CREATE TABLE revisions (
  city_id      TEXT NOT NULL REFERENCES cities(id) ON DELETE CASCADE,
  number       INTEGER NOT NULL,
  status       TEXT NOT NULL CHECK (status IN ('draft', 'published', 'superseded')),
  origin       TEXT NOT NULL,
  job_id       TEXT,
  options      TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  published_at TEXT,
  PRIMARY KEY (city_id, number)
);

CREATE TABLE attractions (
  city_id        TEXT NOT NULL,
  revision       INTEGER NOT NULL,
  id             TEXT NOT NULL,
  position       INTEGER NOT NULL,
  source_id      TEXT NOT NULL,
  name           TEXT NOT NULL,
  lat            REAL NOT NULL,
  lon            REAL NOT NULL,
  types          TEXT NOT NULL,
  rating         REAL,
  rating_count   INTEGER NOT NULL DEFAULT 0,
  summary        TEXT NOT NULL DEFAULT '',
  wikidata       TEXT NOT NULL DEFAULT '',
  wikipedia      TEXT NOT NULL DEFAULT '',
  name_variants  INTEGER NOT NULL DEFAULT 0,
  interest_score REAL NOT NULL,
  visit_minutes  INTEGER NOT NULL,
  included       INTEGER NOT NULL,
  reason         TEXT NOT NULL DEFAULT '',
  decided_by     TEXT NOT NULL,
  editor         TEXT NOT NULL DEFAULT '{}',
  PRIMARY KEY (city_id, revision, id),
  FOREIGN KEY (city_id, revision) REFERENCES revisions(city_id, number) ON DELETE CASCADE
);

CREATE TABLE tours (
  city_id         TEXT NOT NULL,
  revision        INTEGER NOT NULL,
  tour_index      INTEGER NOT NULL,
  title           TEXT NOT NULL,
  start_lat       REAL,
  start_lon       REAL,
  end_lat         REAL,
  end_lon         REAL,
  walk_distance_m REAL NOT NULL,
  walk_minutes    REAL NOT NULL,
  visit_minutes   INTEGER NOT NULL,
  total_minutes   REAL NOT NULL,
  budget_minutes  INTEGER NOT NULL,
  interest        REAL NOT NULL,
  order_locked    INTEGER NOT NULL DEFAULT 0,
  legs            TEXT NOT NULL DEFAULT '[]',
  PRIMARY KEY (city_id, revision, tour_index),
  FOREIGN KEY (city_id, revision) REFERENCES revisions(city_id, number) ON DELETE CASCADE
);

CREATE TABLE tour_stops (
  city_id        TEXT NOT NULL,
  revision       INTEGER NOT NULL,
  tour_index     INTEGER NOT NULL,
  position       INTEGER NOT NULL,
  attraction_id  TEXT NOT NULL,
  name           TEXT NOT NULL,
  lat            REAL NOT NULL,
  lon            REAL NOT NULL,
  visit_minutes  INTEGER NOT NULL,
  interest_score REAL NOT NULL,
  locked         INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (city_id, revision, tour_index, position),
  FOREIGN KEY (city_id, revision, tour_index) REFERENCES tours(city_id, revision, tour_index) ON DELETE CASCADE
);

CREATE TABLE jobs (
  id               TEXT PRIMARY KEY,
  place_id         TEXT NOT NULL,
  options          TEXT NOT NULL,
  status           TEXT NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
  stage            TEXT NOT NULL DEFAULT '',
  progress         REAL NOT NULL DEFAULT 0,
  attempts         INTEGER NOT NULL DEFAULT 0,
  max_attempts     INTEGER NOT NULL DEFAULT 3,
  error            TEXT,
  result           TEXT,
  stages           TEXT NOT NULL DEFAULT '[]',
  idempotency_key  TEXT UNIQUE,
  lease_owner      TEXT,
  lease_expires_at TEXT,
  created_at       TEXT NOT NULL,
  started_at       TEXT,
  finished_at      TEXT,
  updated_at       TEXT NOT NULL
);
CREATE INDEX jobs_claimable ON jobs (status, created_at);
-- At most one queued or running job per place: a second request joins it.
CREATE UNIQUE INDEX jobs_one_active_per_place ON jobs (place_id) WHERE status IN ('queued', 'running');

CREATE TABLE runs (
  job_id     TEXT PRIMARY KEY REFERENCES jobs(id) ON DELETE CASCADE,
  city_id    TEXT NOT NULL REFERENCES cities(id) ON DELETE CASCADE,
  trace      TEXT NOT NULL,
  worker     TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);
