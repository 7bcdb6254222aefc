#pragma once

#include <optional>
#include <string>
#include <vector>

#include "shared/model/geo_point.h"

namespace core::model {

/// One stop of a tour. Name and location are copied so a tour reads on its own (app, GPX).
struct TourStop {
  std::string attraction_id;
  std::string name;
  GeoPoint location;
  int visit_minutes = 0;
  double interest_score = 0.0;
  bool locked = false;  ///< an editor fixed this stop in this tour

  friend bool operator==(const TourStop&, const TourStop&) = default;
};

/// The walk between two consecutive waypoints (start, stops..., end).
struct TourLeg {
  double distance_m = 0.0;
  double walk_minutes = 0.0;
  std::string polyline;  ///< Google encoded polyline (precision 5) of the walking path

  friend bool operator==(const TourLeg&, const TourLeg&) = default;
};

/// An ordered walking tour. `legs[i]` joins waypoint i to i+1, where the waypoints are
/// `start` (if set), the stops, then `end` (if set).
struct Tour {
  int index = 0;  ///< 0-based position among the city's tours
  std::string title;
  std::optional<GeoPoint> start;
  std::optional<GeoPoint> end;
  std::vector<TourStop> stops;
  std::vector<TourLeg> legs;
  double walk_distance_m = 0.0;
  double walk_minutes = 0.0;
  int visit_minutes = 0;
  double total_minutes = 0.0;  ///< walking + visits
  int budget_minutes = 0;
  double interest = 0.0;      ///< sum of the stops' scores
  bool order_locked = false;  ///< an editor froze this tour's order

  friend bool operator==(const Tour&, const Tour&) = default;
};

/// Recomputes walking, visit, total minutes and interest from the legs and stops.
void recompute_totals(Tour& tour);

/// The points the tour walks between, in order: its start (if set), its stops, its end (if set);
/// `legs[i]` joins waypoint i to i + 1.
std::vector<GeoPoint> waypoints(const Tour& tour);

}  // namespace core::model
