#include "server/storage/sql_store.h"

#include <nlohmann/json.hpp>

#include "server/errors.h"
#include "server/storage/migrations.h"
#include "server/storage/store_rows.h"
#include "server/support/clock.h"
#include "server/support/uuid.h"
#include "shared/errors.h"
#include "shared/json/model_json.h"
#include "shared/model/working_revision.h"

namespace server::storage {
namespace {

using core::model::City;
using core::model::Revision;
using core::model::RevisionStatus;

std::optional<City> query_city(SqlSession& session,
                               const char* where,
                               const SqlValue& key,
                               const std::string& lock = "") {
  const auto rows = session.query(
      std::string("SELECT ") + rows::kCityColumns + " FROM cities WHERE " + where + lock, {key});
  if (rows.empty()) return std::nullopt;
  return rows::city_from_row(rows.front());
}

// The city's fields as the source gives them, in the order of kSourceColumns.
constexpr const char* kSourceColumns =
    "name, country_code, centre_lat, centre_lon, viewport_south, viewport_west, viewport_north, "
    "viewport_east, source, note";

SqlRow source_fields(const City& city) {
  return {city.name,
          city.country_code,
          city.centre.lat_deg,
          city.centre.lon_deg,
          city.viewport.low.lat_deg,
          city.viewport.low.lon_deg,
          city.viewport.high.lat_deg,
          city.viewport.high.lon_deg,
          rows::name_of(city.source),
          city.note};
}

// Creates the city the first time its place is stored; afterwards refreshes what the source says.
std::string upsert_city(SqlSession& session,
                        const City& city,
                        const std::string& now,
                        const std::string& lock) {
  SqlRow fields = source_fields(city);
  if (auto existing = query_city(session, "place_id = ?", city.place_id, lock)) {
    fields.push_back(now);
    fields.push_back(existing->id);
    session.execute(std::string("UPDATE cities SET (") + kSourceColumns +
                        ", updated_at) = (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) WHERE id = ?",
                    fields);
    return existing->id;
  }
  const std::string id = support::new_uuid();
  fields.insert(fields.begin(), {id, city.place_id});
  fields.push_back(now);
  fields.push_back(now);
  session.execute(std::string("INSERT INTO cities (id, place_id, ") + kSourceColumns +
                      ", created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  fields);
  return id;
}

int next_revision_number(SqlSession& session, const std::string& city_id) {
  const auto rows =
      session.query("SELECT COALESCE(MAX(number), 0) FROM revisions WHERE city_id = ?", {city_id});
  return static_cast<int>(as_int(rows.front()[0])) + 1;
}

void supersede(SqlSession& session, const std::string& city_id, const std::optional<int>& number) {
  if (!number) return;
  session.execute("UPDATE revisions SET status = 'superseded' WHERE city_id = ? AND number = ?",
                  {city_id, static_cast<std::int64_t>(*number)});
}

}  // namespace

SqlStore::SqlStore(std::unique_ptr<SqlDatabase> database,
                   int max_job_attempts,
                   const support::Clock& clock)
    : m_db(std::move(database)), m_max_job_attempts(max_job_attempts), m_clock(clock) {}

std::string SqlStore::timestamp() const {
  return support::to_iso8601(m_clock.now());
}

std::string SqlStore::backend() const {
  return m_db->backend();
}

void SqlStore::ping() {
  m_db->read([](SqlSession& session) { session.query("SELECT 1"); });
}

void SqlStore::open_connections() {
  m_db->open_connections();
}

int SqlStore::migrate() {
  int applied = 0;
  // Instances starting together must not migrate at once: roles and grants are shared catalog rows.
  const std::string lock = m_db->migration_lock_statement();
  m_db->transact([&](SqlSession& session) {
    if (!lock.empty()) session.query(lock);
    session.execute_script("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY "
                           "KEY, name TEXT NOT NULL, "
                           "applied_at TEXT NOT NULL)");
  });
  for (const Migration& migration : migrations_for(m_db->backend())) {
    // One transaction per migration: a failed one leaves the schema at the previous version.
    m_db->transact([&](SqlSession& session) {
      if (!lock.empty()) session.query(lock);
      const auto done = session.query("SELECT 1 FROM schema_migrations WHERE version = ?",
                                      {static_cast<std::int64_t>(migration.version)});
      if (!done.empty()) return;
      session.execute_script(migration.sql);
      session.execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                      {static_cast<std::int64_t>(migration.version), migration.name, timestamp()});
      ++applied;
    });
  }
  return applied;
}

std::optional<City> SqlStore::find_city(const std::string& city_id) {
  if (!support::is_uuid(city_id))
    return std::nullopt;  // PostgreSQL's uuid columns refuse other text
  std::optional<City> city;
  m_db->read([&](SqlSession& session) { city = query_city(session, "id = ?", city_id); });
  return city;
}

std::optional<City> SqlStore::find_city_by_place(const std::string& place_id) {
  std::optional<City> city;
  m_db->read([&](SqlSession& session) { city = query_city(session, "place_id = ?", place_id); });
  return city;
}

std::vector<City> SqlStore::list_cities(bool include_unpublished) {
  std::vector<City> cities;
  m_db->read([&](SqlSession& session) {
    const std::string sql = std::string("SELECT ") + rows::kCityColumns + " FROM cities" +
                            (include_unpublished ? "" : " WHERE published_revision IS NOT NULL") +
                            " ORDER BY name, id";
    for (const SqlRow& row : session.query(sql)) cities.push_back(rows::city_from_row(row));
  });
  return cities;
}

std::optional<Revision> SqlStore::load_revision(const std::string& city_id, int number) {
  if (!support::is_uuid(city_id)) return std::nullopt;
  std::optional<Revision> revision;
  m_db->read(
      [&](SqlSession& session) { revision = rows::read_revision(session, city_id, number); });
  return revision;
}

std::optional<CityRevision> SqlStore::load_city_revision(const std::string& city_id,
                                                         RevisionChoice choice) {
  if (!support::is_uuid(city_id)) return std::nullopt;
  std::optional<CityRevision> result;
  m_db->read([&](SqlSession& session) {
    auto city = query_city(session, "id = ?", city_id);
    if (!city) return;
    std::optional<int> number;
    switch (choice.kind) {
    case RevisionChoice::Kind::Published: number = city->published_revision; break;
    case RevisionChoice::Kind::Latest: number = core::model::working_revision(*city); break;
    case RevisionChoice::Kind::Number: number = choice.number; break;
    }
    if (!number) return;
    auto revision = rows::read_revision(session, city_id, *number);
    if (revision) result = CityRevision{std::move(*city), std::move(*revision)};
  });
  return result;
}

SavedRevision SqlStore::save_generation(const City& city,
                                        Revision revision,
                                        const core::model::RunTrace& trace,
                                        const core::model::Job& job,
                                        const std::string& worker,
                                        bool auto_publish) {
  SavedRevision saved;
  m_db->transact([&](SqlSession& session) {
    const std::string now = timestamp();
    // Claiming the job row first both checks the lease and locks it until commit.
    const long held =
        session.execute("UPDATE jobs SET stage = ?, updated_at = ? WHERE id = ? AND status = "
                        "'running' AND lease_owner = ?",
                        {rows::name_of(core::model::Stage::Store), now, job.id, worker});
    if (held == 0) throw LeaseLostError("job " + job.id + " is no longer held by " + worker);

    saved.city_id = upsert_city(session, city, now, m_db->for_update_clause());
    const City stored = *query_city(session, "id = ?", saved.city_id);
    revision.city_id = saved.city_id;
    revision.number = next_revision_number(session, saved.city_id);
    revision.created_at = now;
    saved.revision = revision.number;
    saved.published = auto_publish && !stored.published_revision;
    if (saved.published) {
      revision.status = RevisionStatus::Published;
      revision.published_at = now;
      session.execute("UPDATE cities SET published_revision = ?, updated_at = ? WHERE id = ?",
                      {static_cast<std::int64_t>(revision.number), now, saved.city_id});
    } else {
      revision.status = RevisionStatus::Draft;
      supersede(session, saved.city_id, stored.draft_revision);
      session.execute("UPDATE cities SET draft_revision = ?, updated_at = ? WHERE id = ?",
                      {static_cast<std::int64_t>(revision.number), now, saved.city_id});
    }
    rows::insert_revision(session, revision);

    core::model::RunTrace stored_trace = trace;
    stored_trace.city.id = saved.city_id;
    session.execute(
        "INSERT INTO runs (job_id, city_id, trace, worker, created_at) VALUES (?, ?, ?, ?, ?)",
        {job.id, saved.city_id, nlohmann::json(stored_trace).dump(), worker, now});
    const core::model::JobResult result{
        saved.city_id, saved.revision, static_cast<int>(revision.tours.size()), saved.published};
    session.execute(
        "UPDATE jobs SET status = 'succeeded', stage = ?, progress = 1, result = ?, stages = ?, "
        "error = NULL, "
        "lease_owner = NULL, lease_expires_at = NULL, finished_at = ?, updated_at = ? WHERE id = ?",
        {rows::name_of(core::model::Stage::Store),
         nlohmann::json(result).dump(),
         nlohmann::json(job.stages).dump(),
         now,
         now,
         job.id});
  });
  return saved;
}

Revision SqlStore::edit_draft_in(SqlSession& session,
                                 const std::string& city_id,
                                 const std::function<void(Revision&)>& edit,
                                 const std::string& now) {
  const auto city = query_city(session, "id = ?", city_id, m_db->for_update_clause());
  if (!city) throw core::NotFoundError("no city with id " + city_id);
  Revision draft;
  const bool had_draft = city->draft_revision.has_value();
  if (had_draft) {
    draft = *rows::read_revision(session, city_id, *city->draft_revision);
  } else {
    if (!city->published_revision)
      throw core::ConflictError("city " + city_id + " has no revision to edit yet");
    draft = *rows::read_revision(session, city_id, *city->published_revision);
    draft.number = next_revision_number(session, city_id);
    draft.status = RevisionStatus::Draft;
    draft.origin = core::model::RevisionOrigin::Edit;
    draft.job_id.clear();
    draft.created_at = now;
    draft.published_at.clear();
  }
  edit(draft);
  if (had_draft) {
    rows::delete_revision_content(session, city_id, draft.number);
    session.execute("UPDATE revisions SET origin = ?, options = ? WHERE city_id = ? AND number = ?",
                    {rows::name_of(draft.origin),
                     nlohmann::json(draft.options).dump(),
                     city_id,
                     static_cast<std::int64_t>(draft.number)});
    rows::insert_revision_content(session, draft);
  } else {
    rows::insert_revision(session, draft);
  }
  session.execute("UPDATE cities SET draft_revision = ?, updated_at = ? WHERE id = ?",
                  {static_cast<std::int64_t>(draft.number), now, city_id});
  return draft;
}

Revision SqlStore::edit_draft(const std::string& city_id,
                              const std::function<void(Revision&)>& edit) {
  if (!support::is_uuid(city_id)) throw core::NotFoundError("no city with id " + city_id);
  Revision draft;
  m_db->transact(
      [&](SqlSession& session) { draft = edit_draft_in(session, city_id, edit, timestamp()); });
  return draft;
}

Revision SqlStore::save_replan(const std::string& city_id,
                               const std::function<void(Revision&)>& edit,
                               const core::model::Job& job,
                               const core::model::RunTrace& trace) {
  if (!support::is_uuid(city_id)) throw core::NotFoundError("no city with id " + city_id);
  Revision draft;
  m_db->transact([&](SqlSession& session) {
    const std::string now = timestamp();
    draft = edit_draft_in(session, city_id, edit, now);
    const core::model::JobResult result{
        city_id, draft.number, static_cast<int>(draft.tours.size()), false};
    session.execute("INSERT INTO jobs (id, place_id, options, origin, status, stage, progress, "
                    "attempts, result, stages, "
                    "created_at, started_at, finished_at, updated_at) VALUES (?, ?, ?, ?, "
                    "'succeeded', ?, 1, 1, ?, ?, ?, ?, ?, ?)",
                    {job.id,
                     job.place_id,
                     nlohmann::json(job.options).dump(),
                     rows::name_of(core::model::RevisionOrigin::Replan),
                     rows::name_of(core::model::Stage::Legs),
                     nlohmann::json(result).dump(),
                     nlohmann::json(job.stages).dump(),
                     job.created_at.empty() ? now : job.created_at,
                     job.started_at.empty() ? now : job.started_at,
                     now,
                     now});
    core::model::RunTrace stored_trace = trace;
    stored_trace.city.id = city_id;
    session.execute(
        "INSERT INTO runs (job_id, city_id, trace, worker, created_at) VALUES (?, ?, ?, ?, ?)",
        {job.id, city_id, nlohmann::json(stored_trace).dump(), std::string("replan"), now});
  });
  return draft;
}

int SqlStore::publish(const std::string& city_id) {
  if (!support::is_uuid(city_id)) throw core::NotFoundError("no city with id " + city_id);
  int published = 0;
  m_db->transact([&](SqlSession& session) {
    const auto city = query_city(session, "id = ?", city_id, m_db->for_update_clause());
    if (!city) throw core::NotFoundError("no city with id " + city_id);
    if (!city->draft_revision)
      throw core::ConflictError("city " + city_id + " has no draft to publish", "no_draft");
    const std::string now = timestamp();
    published = *city->draft_revision;
    supersede(session, city_id, city->published_revision);
    session.execute("UPDATE revisions SET status = 'published', published_at = ? WHERE city_id = ? "
                    "AND number = ?",
                    {now, city_id, static_cast<std::int64_t>(published)});
    session.execute("UPDATE cities SET published_revision = ?, draft_revision = NULL, updated_at = "
                    "? WHERE id = ?",
                    {static_cast<std::int64_t>(published), now, city_id});
  });
  return published;
}

std::optional<core::model::RunTrace> SqlStore::load_run(const std::string& job_id) {
  if (!support::is_uuid(job_id)) return std::nullopt;
  std::optional<core::model::RunTrace> trace;
  m_db->read([&](SqlSession& session) {
    const auto rows = session.query("SELECT trace FROM runs WHERE job_id = ?", {job_id});
    if (!rows.empty())
      trace = nlohmann::json::parse(as_text(rows.front()[0])).get<core::model::RunTrace>();
  });
  return trace;
}

}  // namespace server::storage
