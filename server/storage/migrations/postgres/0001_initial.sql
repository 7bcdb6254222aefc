-- Narrando schema, PostgreSQL / Supabase flavour (DESIGN §7).
-- Row Level Security is on for every table: the anon and authenticated roles (Supabase's Data API
-- roles, created here when absent as on plain PostgreSQL) read published content only. The server
-- connects as the owner of these tables, which bypasses RLS.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'anon') THEN
    CREATE ROLE anon NOLOGIN NOINHERIT;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'authenticated') THEN
    CREATE ROLE authenticated NOLOGIN NOINHERIT;
  END IF;
END
$$;

CREATE TABLE cities (
  id                 uuid PRIMARY KEY,
  place_id           text NOT NULL UNIQUE,
  name               text NOT NULL,
  country_code       text NOT NULL DEFAULT '',
  centre_lat         double precision NOT NULL,
  centre_lon         double precision NOT NULL,
  viewport_south     double precision NOT NULL,
  viewport_west      double precision NOT NULL,
  viewport_north     double precision NOT NULL,
  viewport_east      double precision NOT NULL,
  source             text NOT NULL,
  note               text NOT NULL DEFAULT '',
  published_revision integer,
  draft_revision     integer,
  created_at         timestamptz NOT NULL,
  updated_at         timestamptz NOT NULL
);

CREATE TABLE revisions (
  city_id      uuid NOT NULL REFERENCES cities(id) ON DELETE CASCADE,
  number       integer NOT NULL,
  status       text NOT NULL CHECK (status IN ('draft', 'published', 'superseded')),
  origin       text NOT NULL,
  job_id       uuid,
  options      jsonb NOT NULL,
  created_at   timestamptz NOT NULL,
  published_at timestamptz,
  PRIMARY KEY (city_id, number)
);

CREATE TABLE attractions (
  city_id        uuid NOT NULL,
  revision       integer NOT NULL,
  id             text NOT NULL,
  position       integer NOT NULL,
  source_id      text NOT NULL,
  name           text NOT NULL,
  lat            double precision NOT NULL,
  lon            double precision NOT NULL,
  types          jsonb NOT NULL,
  rating         double precision,
  rating_count   integer NOT NULL DEFAULT 0,
  summary        text NOT NULL DEFAULT '',
  wikidata       text NOT NULL DEFAULT '',
  wikipedia      text NOT NULL DEFAULT '',
  name_variants  integer NOT NULL DEFAULT 0,
  interest_score double precision NOT NULL,
  visit_minutes  integer NOT NULL,
  included       boolean NOT NULL,
  reason         text NOT NULL DEFAULT '',
  decided_by     text NOT NULL,
  editor         jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (city_id, revision, id),
  FOREIGN KEY (city_id, revision) REFERENCES revisions(city_id, number) ON DELETE CASCADE
);

CREATE TABLE tours (
  city_id         uuid NOT NULL,
  revision        integer NOT NULL,
  tour_index      integer NOT NULL,
  title           text NOT NULL,
  start_lat       double precision,
  start_lon       double precision,
  end_lat         double precision,
  end_lon         double precision,
  walk_distance_m double precision NOT NULL,
  walk_minutes    double precision NOT NULL,
  visit_minutes   integer NOT NULL,
  total_minutes   double precision NOT NULL,
  budget_minutes  integer NOT NULL,
  interest        double precision NOT NULL,
  order_locked    boolean NOT NULL DEFAULT false,
  legs            jsonb NOT NULL DEFAULT '[]',
  PRIMARY KEY (city_id, revision, tour_index),
  FOREIGN KEY (city_id, revision) REFERENCES revisions(city_id, number) ON DELETE CASCADE
);

CREATE TABLE tour_stops (
  city_id        uuid NOT NULL,
  revision       integer NOT NULL,
  tour_index     integer NOT NULL,
  position       integer NOT NULL,
  attraction_id  text NOT NULL,
  name           text NOT NULL,
  lat            double precision NOT NULL,
  lon            double precision NOT NULL,
  visit_minutes  integer NOT NULL,
  interest_score double precision NOT NULL,
  locked         boolean NOT NULL DEFAULT false,
  PRIMARY KEY (city_id, revision, tour_index, position),
  FOREIGN KEY (city_id, revision, tour_index) REFERENCES tours(city_id, revision, tour_index) ON DELETE CASCADE
);

CREATE TABLE jobs (
  id               uuid PRIMARY KEY,
  place_id         text NOT NULL,
  options          jsonb NOT NULL,
  status           text NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
  stage            text NOT NULL DEFAULT '',
  progress         double precision NOT NULL DEFAULT 0,
  attempts         integer NOT NULL DEFAULT 0,
  max_attempts     integer NOT NULL DEFAULT 3,
  error            jsonb,
  result           jsonb,
  stages           jsonb NOT NULL DEFAULT '[]',
  idempotency_key  text UNIQUE,
  lease_owner      text,
  lease_expires_at timestamptz,
  created_at       timestamptz NOT NULL,
  started_at       timestamptz,
  finished_at      timestamptz,
  updated_at       timestamptz NOT NULL
);
CREATE INDEX jobs_claimable ON jobs (status, created_at);
-- At most one queued or running job per place: a second request joins it.
CREATE UNIQUE INDEX jobs_one_active_per_place ON jobs (place_id) WHERE status IN ('queued', 'running');

CREATE TABLE runs (
  job_id     uuid PRIMARY KEY REFERENCES jobs(id) ON DELETE CASCADE,
  city_id    uuid NOT NULL REFERENCES cities(id) ON DELETE CASCADE,
  trace      jsonb NOT NULL,
  worker     text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL
);

-- Row Level Security: on for every table; only published content has read policies.
ALTER TABLE cities ENABLE ROW LEVEL SECURITY;
ALTER TABLE revisions ENABLE ROW LEVEL SECURITY;
ALTER TABLE attractions ENABLE ROW LEVEL SECURITY;
ALTER TABLE tours ENABLE ROW LEVEL SECURITY;
ALTER TABLE tour_stops ENABLE ROW LEVEL SECURITY;
ALTER TABLE jobs ENABLE ROW LEVEL SECURITY;
ALTER TABLE runs ENABLE ROW LEVEL SECURITY;
ALTER TABLE schema_migrations ENABLE ROW LEVEL SECURITY;

-- Older Supabase projects grant ALL on new tables to these roles by default: revoke, then grant
-- only SELECT on the content tables, so RLS is not the only guard.
REVOKE ALL ON cities, revisions, attractions, tours, tour_stops, jobs, runs, schema_migrations
  FROM anon, authenticated;
GRANT USAGE ON SCHEMA public TO anon, authenticated;
GRANT SELECT ON cities, revisions, attractions, tours, tour_stops TO anon, authenticated;

CREATE POLICY published_cities ON cities FOR SELECT TO anon, authenticated
  USING (published_revision IS NOT NULL);
CREATE POLICY published_revisions ON revisions FOR SELECT TO anon, authenticated
  USING (EXISTS (SELECT 1 FROM cities c WHERE c.id = revisions.city_id AND c.published_revision = revisions.number));
CREATE POLICY published_attractions ON attractions FOR SELECT TO anon, authenticated
  USING (EXISTS (SELECT 1 FROM cities c WHERE c.id = attractions.city_id AND c.published_revision = attractions.revision));
CREATE POLICY published_tours ON tours FOR SELECT TO anon, authenticated
  USING (EXISTS (SELECT 1 FROM cities c WHERE c.id = tours.city_id AND c.published_revision = tours.revision));
CREATE POLICY published_tour_stops ON tour_stops FOR SELECT TO anon, authenticated
  USING (EXISTS (SELECT 1 FROM cities c WHERE c.id = tour_stops.city_id AND c.published_revision = tour_stops.revision));
