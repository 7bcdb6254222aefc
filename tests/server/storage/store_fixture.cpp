#include "tests/server/storage/store_fixture.h"

namespace narrando::testing {

SampleGeneration sample_generation(const std::string& place_id, int variant) {
  SampleGeneration sample;
  sample.city.place_id = place_id;
  sample.city.name = "Porto";
  sample.city.country_code = "PT";
  sample.city.centre = {41.14961, -8.61099};
  sample.city.viewport = {{41.12, -8.63}, {41.16, -8.58}};
  sample.city.source = core::model::PlaceSource::Embedded;
  sample.city.note = "test";
  for (int i = 0; i < 3; ++i) {
    core::model::Attraction a;
    a.source_id = "osm:node/" + std::to_string(100 + i);
    a.id = core::model::attraction_id(a.source_id);
    a.name = "Sight " + std::to_string(i) + (variant ? " v" + std::to_string(variant) : "");
    a.location = {41.14 + 0.001 * i, -8.61};
    a.types = {"museum", "tourist_attraction"};
    a.interest_score = 50.0 + i + variant;
    a.visit_minutes = 20;
    a.included = i < 2;
    a.reason = a.included ? "museum" : "not a sight: shop";
    if (i == 1) a.rating = 4.5;
    sample.revision.attractions.push_back(a);
  }
  core::model::Tour tour;
  tour.index = 0;
  tour.title = "Tour 1: Sight 0";
  tour.budget_minutes = 180;
  for (int i = 0; i < 2; ++i) {
    const auto& a = sample.revision.attractions[static_cast<std::size_t>(i)];
    tour.stops.push_back({a.id, a.name, a.location, a.visit_minutes, a.interest_score, false});
  }
  tour.legs = {{143.0, 1.9, "abc"}};
  core::model::recompute_totals(tour);
  sample.revision.tours = {tour};
  sample.revision.origin = core::model::RevisionOrigin::Generation;
  sample.revision.options.tours = 1;
  sample.trace.place_id = place_id;
  sample.trace.city = sample.city;
  sample.trace.tours = sample.revision.tours;
  sample.trace.stages = {{core::model::Stage::City, 0.001, 0, 0.0, ""}};
  return sample;
}

}  // namespace narrando::testing
