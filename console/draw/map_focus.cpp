#include "console/draw/map_focus.h"

#include <algorithm>

#include "console/draw/map_scene.h"
#include "shared/algo/geo.h"

namespace console::draw {
namespace {

constexpr double kOutlierFactor = 3.0;

double median(std::vector<double> values) {
  if (values.empty()) return 0.0;
  const auto middle = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
  std::nth_element(values.begin(), middle, values.end());
  return *middle;
}

std::vector<core::model::GeoPoint> without_outliers(std::vector<core::model::GeoPoint> points) {
  if (points.size() < 4) return points;
  std::vector<double> lats, lons;
  for (const auto& p : points) {
    lats.push_back(p.lat_deg);
    lons.push_back(p.lon_deg);
  }
  const core::model::GeoPoint centre{median(lats), median(lons)};
  std::vector<double> distances;
  for (const auto& p : points) distances.push_back(core::algo::haversine_m(centre, p));
  const double limit = kOutlierFactor * median(distances);
  std::vector<core::model::GeoPoint> kept;
  for (std::size_t i = 0; i < points.size(); ++i) {
    if (distances[i] <= limit) kept.push_back(points[i]);
  }
  return kept;
}

}  // namespace

std::vector<core::model::GeoPoint>
focus_points(const std::vector<core::model::Attraction>& attractions,
             const std::vector<core::model::Tour>& tours,
             int tour) {
  std::vector<core::model::GeoPoint> points;
  for (const core::model::Tour& t : tours) {
    if (tour >= 0 && t.index != tour) continue;
    for (const core::model::TourStop& stop : t.stops) points.push_back(stop.location);
    for (const auto& leg : leg_paths(t)) points.insert(points.end(), leg.begin(), leg.end());
  }
  if (!points.empty()) return points;
  for (const core::model::Attraction& a : attractions) {
    if (core::model::effective_included(a)) points.push_back(a.location);
  }
  return without_outliers(std::move(points));
}

}  // namespace console::draw
