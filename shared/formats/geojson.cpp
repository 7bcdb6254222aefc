#include "shared/formats/geojson.h"

#include "shared/formats/tour_path.h"

namespace core::formats {
namespace {

nlohmann::json position(const model::GeoPoint& point) {
  return nlohmann::json::array({point.lon_deg, point.lat_deg});
}

}  // namespace

nlohmann::json tours_geojson(const model::City& city, const model::Revision& revision) {
  nlohmann::json features = nlohmann::json::array();
  for (const model::Tour& tour : revision.tours) {
    nlohmann::json line = nlohmann::json::array();
    for (const model::GeoPoint& point : tour_path(tour)) line.push_back(position(point));
    features.push_back({{"type", "Feature"},
                        {"geometry", {{"type", "LineString"}, {"coordinates", line}}},
                        {"properties",
                         {{"kind", "tour"},
                          {"tour", tour.index},
                          {"title", tour.title},
                          {"stops", tour.stops.size()},
                          {"walk_distance_m", tour.walk_distance_m},
                          {"walk_minutes", tour.walk_minutes},
                          {"total_minutes", tour.total_minutes}}}});
    for (std::size_t i = 0; i < tour.stops.size(); ++i) {
      const model::TourStop& stop = tour.stops[i];
      features.push_back(
          {{"type", "Feature"},
           {"geometry", {{"type", "Point"}, {"coordinates", position(stop.location)}}},
           {"properties",
            {{"kind", "stop"},
             {"tour", tour.index},
             {"order", i + 1},
             {"attraction_id", stop.attraction_id},
             {"name", stop.name},
             {"visit_minutes", stop.visit_minutes}}}});
    }
  }
  return {{"type", "FeatureCollection"},
          {"properties",
           {{"city_id", city.id},
            {"city", city.name},
            {"revision", revision.number},
            {"attribution", "© OpenStreetMap contributors"}}},
          {"features", features}};
}

}  // namespace core::formats
