#pragma once

#include <string>
#include <vector>

#include "console/state/city_summary.h"
#include "shared/algo/walking_model.h"
#include "shared/edit/draft_edits.h"
#include "shared/model/revision.h"
#include "shared/model/run_trace.h"

namespace console::testing {

/// An attraction near Porto's Ribeira, `dx`/`dy` steps of ~100 m east/north of a base point.
inline core::model::Attraction
attraction(const std::string& id, double dx, double dy, bool included, double score) {
  core::model::Attraction a;
  a.id = id;
  a.source_id = "osm:node/" + id;
  a.name = "Sight " + id;
  a.location = {41.1400 + dy * 0.0009, -8.6150 + dx * 0.0012};
  a.interest_score = score;
  a.visit_minutes = 20;
  a.included = included;
  a.reason = included ? "museum; Wikidata" : "not a sight: shop";
  return a;
}

/// A revision with five included attractions (a..e), one excluded (x), and two tours:
/// tour 0 visits a, b, c and tour 1 visits d, e (legs estimated by the walking model).
inline core::model::Revision sample_revision() {
  core::model::Revision revision;
  revision.city_id = "city-1";
  revision.number = 2;
  revision.job_id = "job-1";
  revision.attractions = {attraction("a", 0, 0, true, 90),
                          attraction("b", 1, 0, true, 80),
                          attraction("c", 2, 1, true, 70),
                          attraction("d", 0, 3, true, 60),
                          attraction("e", 1, 4, true, 50),
                          attraction("x", 3, 3, false, 30)};
  const auto stop = [&](std::size_t i) {
    const core::model::Attraction& a = revision.attractions[i];
    return core::model::TourStop{
        a.id, a.name, a.location, a.visit_minutes, a.interest_score, false};
  };
  core::model::Tour first;
  first.index = 0;
  first.title = "Tour 1";
  first.budget_minutes = 180;
  first.stops = {stop(0), stop(1), stop(2)};
  core::model::Tour second;
  second.index = 1;
  second.title = "Tour 2";
  second.budget_minutes = 180;
  second.stops = {stop(3), stop(4)};
  revision.tours = {first, second};
  for (core::model::Tour& tour : revision.tours)
    core::edit::estimate_legs(tour, core::algo::WalkingModel{});
  return revision;
}

/// A run trace of sample_revision(): every attraction a candidate, the same decisions and tours.
inline core::model::RunTrace sample_run() {
  const core::model::Revision revision = sample_revision();
  core::model::RunTrace run;
  run.job_id = revision.job_id;
  run.city.id = revision.city_id;
  run.city.centre = {41.141, -8.613};
  run.city.viewport = {{41.13, -8.63}, {41.15, -8.60}};
  run.candidates = revision.attractions;
  run.decisions = revision.attractions;
  run.planned = revision.tours;
  run.tours = revision.tours;
  using core::model::Stage;
  run.stages = {{Stage::City, 0.001, 0, 0.0, ""},
                {Stage::Attractions, 0.01, 2, 0.064, ""},
                {Stage::Plan, 0.1, 0, 0.0, "2 tours"}};
  return run;
}

/// A row of the cities list for a city of Porto's (name "Porto", country "PT").
inline console::state::CitySummary
listed_city(const std::string& id,
            const std::string& place_id,
            core::model::CityStatus status = core::model::CityStatus::Published) {
  console::state::CitySummary row;
  row.city.id = id;
  row.city.place_id = place_id;
  row.city.name = "Porto";
  row.city.country_code = "PT";
  row.status = status;
  return row;
}

/// A row for a place whose first generation runs: the server gives only its place id and job.
inline console::state::CitySummary pending_place(const std::string& place_id,
                                                 const std::string& job_id) {
  console::state::CitySummary row;
  row.city.place_id = place_id;
  row.status = core::model::CityStatus::Generating;
  row.job_id = job_id;
  return row;
}

}  // namespace console::testing
