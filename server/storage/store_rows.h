#pragma once

#include <string>
#include <vector>

#include "server/storage/sql_database.h"
#include "server/storage/store_errors.h"
#include "shared/model/city.h"
#include "shared/model/enum_names.h"
#include "shared/model/job.h"
#include "shared/model/revision.h"

// Mapping between model types and table rows, shared by every SQL backend. The SELECT column
// lists below and the *_from_row functions go together.
namespace server::storage::rows {

/// Columns of a city, in the order city_from_row reads them.
inline constexpr const char* kCityColumns =
    "id, place_id, name, country_code, centre_lat, centre_lon, viewport_south, viewport_west, "
    "viewport_north, "
    "viewport_east, source, note, published_revision, draft_revision, created_at, updated_at";
/// Columns of a job, in the order job_from_row reads them.
inline constexpr const char* kJobColumns =
    "id, place_id, options, status, stage, progress, attempts, error, result, stages, "
    "idempotency_key, created_at, "
    "started_at, finished_at, origin";

/// The enumerator a text column names; throws CorruptRowError naming the column for any other
/// text (a row is never read as a default).
template <core::model::NamedEnum E>
E enum_column(const SqlValue& value, const char* column) {
  const std::string text = as_text(value);
  if (const auto parsed = core::model::enum_from_name<E>(text)) return *parsed;
  throw CorruptRowError(std::string(column) + " holds an unknown " +
                        core::model::EnumNames<E>::kWhat + " \"" + text + "\"");
}

/// The name of `value` as a column value.
template <core::model::NamedEnum E>
SqlValue name_of(E value) {
  return std::string(core::model::to_string(value));
}

/// A city from a row of kCityColumns.
core::model::City city_from_row(const SqlRow& row);
/// A job from a row of kJobColumns.
core::model::Job job_from_row(const SqlRow& row);

/// Revision `number` of `city_id` with attractions and tours, or nullopt.
std::optional<core::model::Revision>
read_revision(SqlSession& session, const std::string& city_id, int number);

/// Inserts the revision header and all its rows (attractions, tours, stops).
void insert_revision(SqlSession& session, const core::model::Revision& revision);

/// Deletes a revision's attractions, tours and stops (the header stays).
void delete_revision_content(SqlSession& session, const std::string& city_id, int number);

/// Inserts a revision's attractions, tours and stops.
void insert_revision_content(SqlSession& session, const core::model::Revision& revision);

}  // namespace server::storage::rows
