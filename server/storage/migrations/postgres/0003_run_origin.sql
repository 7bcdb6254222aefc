-- A job is a generation or a replan (a run made at once and stored finished, with its trace).
ALTER TABLE jobs ADD COLUMN origin text NOT NULL DEFAULT 'generation';
