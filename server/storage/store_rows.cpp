#include "server/storage/store_rows.h"

#include <nlohmann/json.hpp>

#include "server/storage/store_errors.h"
#include "shared/json/model_json.h"

namespace server::storage::rows {
namespace {

using core::model::Attraction;
using core::model::Revision;
using core::model::Tour;

std::optional<int> optional_int(const SqlValue& value) {
  if (is_null(value)) return std::nullopt;
  return static_cast<int>(as_int(value));
}

std::optional<core::model::GeoPoint> optional_point(const SqlValue& lat, const SqlValue& lon) {
  if (is_null(lat) || is_null(lon)) return std::nullopt;
  return core::model::GeoPoint{as_double(lat), as_double(lon)};
}

template <class T>
T from_json_text(const SqlValue& value, const char* column) {
  try {
    return nlohmann::json::parse(as_text(value)).get<T>();
  } catch (const std::exception& e) {
    throw CorruptRowError(std::string(column) + " holds JSON this server cannot read: " + e.what());
  }
}

std::optional<core::model::Stage> stage_or_none(const SqlValue& value, const char* column) {
  if (as_text(value).empty()) return std::nullopt;
  return enum_column<core::model::Stage>(value, column);
}

Attraction attraction_from_row(const SqlRow& r) {
  Attraction a;
  a.id = as_text(r[0]);
  a.source_id = as_text(r[1]);
  a.name = as_text(r[2]);
  a.location = {as_double(r[3]), as_double(r[4])};
  a.types = from_json_text<std::vector<std::string>>(r[5], "attractions.types");
  if (!is_null(r[6])) a.rating = as_double(r[6]);
  a.rating_count = static_cast<int>(as_int(r[7]));
  a.summary = as_text(r[8]);
  a.wikidata = as_text(r[9]);
  a.wikipedia = as_text(r[10]);
  a.name_variants = static_cast<int>(as_int(r[11]));
  a.interest_score = as_double(r[12]);
  a.visit_minutes = static_cast<int>(as_int(r[13]));
  a.included = as_int(r[14]) != 0;
  a.reason = as_text(r[15]);
  a.decided_by = enum_column<core::model::Decider>(r[16], "attractions.decided_by");
  a.editor = from_json_text<core::model::EditorFields>(r[17], "attractions.editor");
  return a;
}

Tour tour_from_row(const SqlRow& r) {
  Tour t;
  t.index = static_cast<int>(as_int(r[0]));
  t.title = as_text(r[1]);
  t.start = optional_point(r[2], r[3]);
  t.end = optional_point(r[4], r[5]);
  t.walk_distance_m = as_double(r[6]);
  t.walk_minutes = as_double(r[7]);
  t.visit_minutes = static_cast<int>(as_int(r[8]));
  t.total_minutes = as_double(r[9]);
  t.budget_minutes = static_cast<int>(as_int(r[10]));
  t.interest = as_double(r[11]);
  t.order_locked = as_int(r[12]) != 0;
  t.legs = from_json_text<std::vector<core::model::TourLeg>>(r[13], "tours.legs");
  return t;
}

SqlValue lat_of(const std::optional<core::model::GeoPoint>& p) {
  return p ? SqlValue(p->lat_deg) : SqlValue(nullptr);
}
SqlValue lon_of(const std::optional<core::model::GeoPoint>& p) {
  return p ? SqlValue(p->lon_deg) : SqlValue(nullptr);
}

}  // namespace

core::model::City city_from_row(const SqlRow& r) {
  core::model::City city;
  city.id = as_text(r[0]);
  city.place_id = as_text(r[1]);
  city.name = as_text(r[2]);
  city.country_code = as_text(r[3]);
  city.centre = {as_double(r[4]), as_double(r[5])};
  city.viewport = {{as_double(r[6]), as_double(r[7])}, {as_double(r[8]), as_double(r[9])}};
  city.source = enum_column<core::model::PlaceSource>(r[10], "cities.source");
  city.note = as_text(r[11]);
  city.published_revision = optional_int(r[12]);
  city.draft_revision = optional_int(r[13]);
  city.created_at = as_text(r[14]);
  city.updated_at = as_text(r[15]);
  return city;
}

core::model::Job job_from_row(const SqlRow& r) {
  core::model::Job job;
  job.id = as_text(r[0]);
  job.place_id = as_text(r[1]);
  job.options = from_json_text<core::model::GenerationOptions>(r[2], "jobs.options");
  job.status = enum_column<core::model::JobStatus>(r[3], "jobs.status");
  job.stage = stage_or_none(r[4], "jobs.stage");
  job.progress = as_double(r[5]);
  job.attempts = static_cast<int>(as_int(r[6]));
  if (!is_null(r[7])) job.error = from_json_text<core::model::JobError>(r[7], "jobs.error");
  if (!is_null(r[8])) job.result = from_json_text<core::model::JobResult>(r[8], "jobs.result");
  job.stages = from_json_text<std::vector<core::model::StageRecord>>(r[9], "jobs.stages");
  job.idempotency_key = as_text(r[10]);
  job.created_at = as_text(r[11]);
  job.started_at = as_text(r[12]);
  job.finished_at = as_text(r[13]);
  job.origin = enum_column<core::model::RevisionOrigin>(r[14], "jobs.origin");
  return job;
}

std::optional<Revision> read_revision(SqlSession& session, const std::string& city_id, int number) {
  const SqlRow key{city_id, static_cast<std::int64_t>(number)};
  const auto header = session.query("SELECT status, origin, job_id, options, created_at, "
                                    "published_at FROM revisions WHERE city_id = ? AND number = ?",
                                    key);
  if (header.empty()) return std::nullopt;
  const SqlRow& h = header.front();
  Revision revision;
  revision.city_id = city_id;
  revision.number = number;
  revision.status = enum_column<core::model::RevisionStatus>(h[0], "revisions.status");
  revision.origin = enum_column<core::model::RevisionOrigin>(h[1], "revisions.origin");
  revision.job_id = as_text(h[2]);
  revision.options = from_json_text<core::model::GenerationOptions>(h[3], "revisions.options");
  revision.created_at = as_text(h[4]);
  revision.published_at = as_text(h[5]);
  for (const SqlRow& row : session.query("SELECT id, source_id, name, lat, lon, types, rating, "
                                         "rating_count, summary, wikidata, wikipedia, "
                                         "name_variants, interest_score, visit_minutes, included, "
                                         "reason, decided_by, editor FROM attractions "
                                         "WHERE city_id = ? AND revision = ? ORDER BY position",
                                         key)) {
    revision.attractions.push_back(attraction_from_row(row));
  }
  for (const SqlRow& row : session.query(
           "SELECT tour_index, title, start_lat, start_lon, end_lat, end_lon, walk_distance_m, "
           "walk_minutes, "
           "visit_minutes, total_minutes, budget_minutes, interest, order_locked, legs FROM tours "
           "WHERE city_id = ? AND revision = ? ORDER BY tour_index",
           key)) {
    revision.tours.push_back(tour_from_row(row));
  }
  for (const SqlRow& r :
       session.query("SELECT tour_index, attraction_id, name, lat, lon, visit_minutes, "
                     "interest_score, locked FROM tour_stops "
                     "WHERE city_id = ? AND revision = ? ORDER BY tour_index, position",
                     key)) {
    const auto index = static_cast<std::size_t>(as_int(r[0]));
    if (index >= revision.tours.size()) continue;
    revision.tours[index].stops.push_back({as_text(r[1]),
                                           as_text(r[2]),
                                           {as_double(r[3]), as_double(r[4])},
                                           static_cast<int>(as_int(r[5])),
                                           as_double(r[6]),
                                           as_int(r[7]) != 0});
  }
  return revision;
}

void insert_revision(SqlSession& session, const Revision& revision) {
  session.execute("INSERT INTO revisions (city_id, number, status, origin, job_id, options, "
                  "created_at, published_at) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                  {revision.city_id,
                   static_cast<std::int64_t>(revision.number),
                   name_of(revision.status),
                   name_of(revision.origin),
                   text_or_null(revision.job_id),
                   nlohmann::json(revision.options).dump(),
                   revision.created_at,
                   text_or_null(revision.published_at)});
  insert_revision_content(session, revision);
}

void delete_revision_content(SqlSession& session, const std::string& city_id, int number) {
  const SqlRow key{city_id, static_cast<std::int64_t>(number)};
  session.execute("DELETE FROM tour_stops WHERE city_id = ? AND revision = ?", key);
  session.execute("DELETE FROM tours WHERE city_id = ? AND revision = ?", key);
  session.execute("DELETE FROM attractions WHERE city_id = ? AND revision = ?", key);
}

void insert_revision_content(SqlSession& session, const Revision& revision) {
  const SqlValue city = revision.city_id;
  const SqlValue number = static_cast<std::int64_t>(revision.number);
  for (std::size_t i = 0; i < revision.attractions.size(); ++i) {
    const Attraction& a = revision.attractions[i];
    session.execute("INSERT INTO attractions (city_id, revision, id, position, source_id, name, "
                    "lat, lon, types, rating, "
                    "rating_count, summary, wikidata, wikipedia, name_variants, interest_score, "
                    "visit_minutes, included, reason, "
                    "decided_by, editor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                    "?, ?, ?, ?, ?)",
                    {city,
                     number,
                     a.id,
                     static_cast<std::int64_t>(i),
                     a.source_id,
                     a.name,
                     a.location.lat_deg,
                     a.location.lon_deg,
                     nlohmann::json(a.types).dump(),
                     optional_value(a.rating),
                     static_cast<std::int64_t>(a.rating_count),
                     a.summary,
                     a.wikidata,
                     a.wikipedia,
                     static_cast<std::int64_t>(a.name_variants),
                     a.interest_score,
                     static_cast<std::int64_t>(a.visit_minutes),
                     static_cast<std::int64_t>(a.included),
                     a.reason,
                     name_of(a.decided_by),
                     nlohmann::json(a.editor).dump()});
  }
  for (const Tour& t : revision.tours) {
    const SqlValue index = static_cast<std::int64_t>(t.index);
    session.execute("INSERT INTO tours (city_id, revision, tour_index, title, start_lat, "
                    "start_lon, end_lat, end_lon, "
                    "walk_distance_m, walk_minutes, visit_minutes, total_minutes, budget_minutes, "
                    "interest, order_locked, legs) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    {city,
                     number,
                     index,
                     t.title,
                     lat_of(t.start),
                     lon_of(t.start),
                     lat_of(t.end),
                     lon_of(t.end),
                     t.walk_distance_m,
                     t.walk_minutes,
                     static_cast<std::int64_t>(t.visit_minutes),
                     t.total_minutes,
                     static_cast<std::int64_t>(t.budget_minutes),
                     t.interest,
                     static_cast<std::int64_t>(t.order_locked),
                     nlohmann::json(t.legs).dump()});
    for (std::size_t p = 0; p < t.stops.size(); ++p) {
      const core::model::TourStop& s = t.stops[p];
      session.execute(
          "INSERT INTO tour_stops (city_id, revision, tour_index, position, attraction_id, name, "
          "lat, lon, "
          "visit_minutes, interest_score, locked) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          {city,
           number,
           index,
           static_cast<std::int64_t>(p),
           s.attraction_id,
           s.name,
           s.location.lat_deg,
           s.location.lon_deg,
           static_cast<std::int64_t>(s.visit_minutes),
           s.interest_score,
           static_cast<std::int64_t>(s.locked)});
    }
  }
}

}  // namespace server::storage::rows
