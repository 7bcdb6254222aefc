-- The Data API roles read the published columns of a city only: draft_revision would tell them
-- that an unpublished draft exists (and its number), which is editors' business.
REVOKE SELECT ON cities FROM anon, authenticated;
GRANT SELECT (id, place_id, name, country_code, centre_lat, centre_lon, viewport_south, viewport_west,
              viewport_north, viewport_east, source, note, published_revision, created_at, updated_at)
  ON cities TO anon, authenticated;
