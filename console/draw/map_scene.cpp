#include "console/draw/map_scene.h"

#include <algorithm>
#include <cmath>

#include "shared/algo/polyline.h"
#include "shared/errors.h"

namespace console::draw {
namespace {

constexpr double kStopRadius = 9.0;
constexpr double kAttractionRadius = 4.5;
constexpr double kArrowLength = 9.0;
constexpr double kArrowMinLegPx = 28.0;
// Captions: at most this many characters, and a box of this size that no other caption may enter.
constexpr std::size_t kCaptionChars = 32;
constexpr double kCaptionBoxWidth = 240.0;
constexpr double kCaptionBoxHeight = 16.0;
constexpr double kBoundsDashPx = 6.0;
constexpr double kDimmedTourAlpha = 0.3;
constexpr double kStopGapPx = 2.0;
// The bounds caption keeps clear of the offline fallback's note in the canvas's top-left corner.
constexpr Vec2 kBoundsCaptionInset{8.0, 28.0};

std::vector<Vec2> project(const std::vector<core::model::GeoPoint>& points,
                          const MapTransform& transform) {
  std::vector<Vec2> screen;
  screen.reserve(points.size());
  for (const core::model::GeoPoint& p : points) screen.push_back(transform.to_screen(p));
  return screen;
}

std::string shortened(const std::string& text) {
  if (text.size() <= kCaptionChars) return text;
  std::size_t cut = kCaptionChars - 3;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
    --cut;  // not inside a UTF-8 character
  return text.substr(0, cut) + "...";
}

// Adds `text` right of `anchor` unless it would overlap a caption already placed (first come,
// first served: the list order of the run decides, so a frame always shows the same captions).
void add_caption(
    MapScene& scene, Vec2 anchor, double radius, const std::string& text, Rgba colour) {
  if (text.empty()) return;
  const std::string shown = shortened(text);
  // One caption per reason: many candidates dropped for one rule would repeat it all over the map
  // (hovering a marker still gives its reason).
  for (const Caption& other : scene.captions) {
    if (other.text == shown) return;
  }
  const Vec2 at{anchor.x + radius + 3.0, anchor.y - kCaptionBoxHeight * 0.5};
  for (const Caption& other : scene.captions) {
    if (std::abs(other.at.x - at.x) < kCaptionBoxWidth &&
        std::abs(other.at.y - at.y) < kCaptionBoxHeight)
      return;
  }
  scene.captions.push_back({at, shown, colour});
}

// An arrowhead at the middle (by length) of a screen polyline, pointing along it.
void add_arrow(MapScene& scene, const std::vector<Vec2>& line, Rgba colour) {
  double total = 0.0;
  for (std::size_t i = 1; i < line.size(); ++i)
    total += std::hypot(line[i].x - line[i - 1].x, line[i].y - line[i - 1].y);
  if (total < kArrowMinLegPx) return;
  double walked = 0.0;
  for (std::size_t i = 1; i < line.size(); ++i) {
    const Vec2 d = line[i] - line[i - 1];
    const double length = std::hypot(d.x, d.y);
    if (length > 0.0 && walked + length >= total * 0.5) {
      const Vec2 unit = d * (1.0 / length);
      const Vec2 tip = line[i - 1] + unit * (total * 0.5 - walked + kArrowLength * 0.5);
      const Vec2 back = tip - unit * kArrowLength;
      const Vec2 side{-unit.y * kArrowLength * 0.5, unit.x * kArrowLength * 0.5};
      scene.arrows.push_back({tip, back + side, back - side, colour});
      return;
    }
    walked += length;
  }
}

// The numbered disc of a tour's stop `s` (0-based; the label counts from 1).
Marker stop_marker(const core::model::TourStop& stop,
                   std::size_t s,
                   int tour,
                   Rgba colour,
                   const MapTransform& transform) {
  return {stop.attraction_id,
          transform.to_screen(stop.location),
          kStopRadius,
          colour,
          true,
          std::to_string(s + 1),
          tour,
          false};
}

// An attraction's small marker: filled when it is in play, a ring when it is left out.
Marker attraction_marker(const std::string& id,
                         const core::model::GeoPoint& location,
                         Rgba colour,
                         bool filled,
                         const MapTransform& transform) {
  return {id, transform.to_screen(location), kAttractionRadius, colour, filled, "", -1, false};
}

void add_tour(MapScene& scene,
              const core::model::Tour& tour,
              const MapTransform& transform,
              std::size_t legs_shown,
              double alpha,
              double thickness,
              bool with_stops) {
  const Rgba colour = faded(tour_colour(tour.index), alpha);
  const auto legs = leg_paths(tour);
  for (std::size_t i = 0; i < legs.size() && i < legs_shown; ++i) {
    std::vector<Vec2> line = project(legs[i], transform);
    add_arrow(scene, line, colour);
    scene.paths.push_back({std::move(line), colour, thickness, tour.index, false});
  }
  if (!with_stops) return;
  // A stop shows once the leg reaching it is drawn (the first stop when any leg is).
  const std::size_t offset = tour.start ? 1 : 0;
  for (std::size_t s = 0; s < tour.stops.size(); ++s) {
    if (legs_shown == 0 || s + offset > legs_shown) break;
    scene.markers.push_back(stop_marker(tour.stops[s], s, tour.index, colour, transform));
  }
}

// The city's bounding box: its edges are usually off the canvas (the view frames the attractions),
// so it is drawn faint and dashed, with a caption, to read as a frame and not as data.
void add_bounds(MapScene& scene,
                const core::model::BoundingBox& box,
                const MapTransform& transform) {
  const Vec2 north_west =
      transform.to_screen(core::model::GeoPoint{box.high.lat_deg, box.low.lon_deg});
  const Vec2 south_east =
      transform.to_screen(core::model::GeoPoint{box.low.lat_deg, box.high.lon_deg});
  scene.paths.push_back(
      {{north_west, {south_east.x, north_west.y}, south_east, {north_west.x, south_east.y}},
       kBoundsColour,
       1.0,
       -1,
       true,
       kBoundsDashPx});
  const Vec2 corner{std::max(north_west.x, transform.origin.x + kBoundsCaptionInset.x),
                    std::max(north_west.y, transform.origin.y + kBoundsCaptionInset.y)};
  const Vec2 at = corner + Vec2{4.0, 3.0};
  const bool inside_box = at.x < south_east.x && at.y < south_east.y;
  if (inside_box && transform.contains(at))
    scene.captions.push_back({at, kBoundsCaption, kBoundsColour});
}

void mark_selected(MapScene& scene, const std::string& selected_id) {
  if (selected_id.empty()) return;
  for (Marker& marker : scene.markers) marker.selected = marker.attraction_id == selected_id;
}

}  // namespace

std::vector<std::vector<core::model::GeoPoint>> leg_paths(const core::model::Tour& tour) {
  std::vector<core::model::GeoPoint> waypoints;
  if (tour.start) waypoints.push_back(*tour.start);
  for (const core::model::TourStop& stop : tour.stops) waypoints.push_back(stop.location);
  if (tour.end) waypoints.push_back(*tour.end);
  std::vector<std::vector<core::model::GeoPoint>> legs;
  for (std::size_t i = 0; i + 1 < waypoints.size(); ++i) {
    std::vector<core::model::GeoPoint> leg;
    if (i < tour.legs.size() && !tour.legs[i].polyline.empty()) {
      try {
        leg = core::algo::decode_polyline(tour.legs[i].polyline);
      } catch (const core::InputError&) {
        leg.clear();  // a malformed polyline is drawn straight, as tour_path does
      }
    }
    if (leg.size() < 2) leg = {waypoints[i], waypoints[i + 1]};
    legs.push_back(std::move(leg));
  }
  return legs;
}

MapScene build_edit_scene(const std::vector<core::model::Attraction>& attractions,
                          const std::vector<core::model::Tour>& tours,
                          const MapTransform& transform,
                          const std::string& selected_id,
                          int selected_tour) {
  MapScene scene;
  // Excluded first so included markers and tours stay on top of them.
  for (const core::model::Attraction& a : attractions) {
    if (core::model::effective_included(a)) continue;
    scene.markers.push_back(attraction_marker(a.id, a.location, kExcludedColour, false, transform));
  }
  for (const core::model::Attraction& a : attractions) {
    if (!core::model::effective_included(a)) continue;
    scene.markers.push_back(
        attraction_marker(a.id, a.location, kUnassignedColour, true, transform));
  }
  // The selected tour last, so that it is drawn over the others.
  std::vector<const core::model::Tour*> order;
  for (const core::model::Tour& tour : tours) order.push_back(&tour);
  std::stable_partition(order.begin(), order.end(), [&](const core::model::Tour* t) {
    return t->index != selected_tour;
  });
  const auto alpha_of = [&](const core::model::Tour& tour) {
    return selected_tour < 0 || tour.index == selected_tour ? 1.0 : kDimmedTourAlpha;
  };
  for (const core::model::Tour* tour : order) {
    const double thickness = selected_tour < 0 ? 3.0 : tour->index == selected_tour ? 4.5 : 2.0;
    add_tour(scene, *tour, transform, tour->legs.size() + 1, alpha_of(*tour), thickness, false);
  }
  for (const core::model::Tour* tour : order) {
    const Rgba colour = faded(tour_colour(tour->index), alpha_of(*tour));
    for (std::size_t s = 0; s < tour->stops.size(); ++s) {
      scene.markers.push_back(stop_marker(tour->stops[s], s, tour->index, colour, transform));
    }
  }
  spread_crowded_stops(scene, kStopGapPx);
  mark_selected(scene, selected_id);
  return scene;
}

MapScene build_replay_scene(const core::model::RunTrace& trace,
                            const state::ReplayFrame& frame,
                            const MapTransform& transform,
                            const std::string& selected_id) {
  MapScene scene;
  add_bounds(scene, trace.city.viewport, transform);
  scene.markers.push_back(
      {"", transform.to_screen(trace.city.centre), 6.0, kInkColour, false, "", -1, false});
  if (!frame.decisions_shown()) {
    const std::size_t shown = frame.candidates_visible(trace.candidates.size());
    for (std::size_t i = 0; i < shown; ++i) {
      const core::model::Attraction& c = trace.candidates[i];
      scene.markers.push_back(
          attraction_marker(c.id, c.location, kCandidateColour, true, transform));
    }
  } else {
    const Rgba dropped = faded(kExcludedColour, frame.dropped_alpha());
    const bool fading = frame.stage == state::ReplayStage::Filter;
    for (const core::model::Attraction& d : trace.decisions) {
      if (d.included) continue;
      const Vec2 at = transform.to_screen(d.location);
      scene.markers.push_back({d.id, at, kAttractionRadius, dropped, false, "", -1, false});
      // The text fades less than the marker so that it stays readable at the end of the stage.
      if (fading)
        add_caption(scene,
                    at,
                    kAttractionRadius,
                    d.reason,
                    faded(kInkColour, 0.5 + 0.5 * frame.dropped_alpha()));
    }
    for (const core::model::Attraction& d : trace.decisions) {
      if (!d.included) continue;
      scene.markers.push_back(attraction_marker(d.id, d.location, kKeptColour, true, transform));
    }
  }
  const bool final_legs = frame.stage == state::ReplayStage::Legs;
  for (const core::model::Tour& tour : trace.planned) {
    const std::size_t shown = frame.planned_legs_visible(tour.legs.size());
    add_tour(scene, tour, transform, shown, final_legs ? 0.35 : 1.0, final_legs ? 1.5 : 2.5, true);
  }
  for (const core::model::Tour& tour : trace.tours) {
    add_tour(scene, tour, transform, frame.final_legs_visible(tour.legs.size()), 1.0, 3.0, true);
  }
  mark_selected(scene, selected_id);
  return scene;
}

void spread_crowded_stops(MapScene& scene, double gap_px) {
  std::vector<std::size_t> stops;
  for (std::size_t i = 0; i < scene.markers.size(); ++i) {
    if (scene.markers[i].tour >= 0) stops.push_back(i);
  }
  // Groups of touching stops (union-find over the pairs; a few dozen stops per city).
  std::vector<std::size_t> parent(stops.size());
  for (std::size_t i = 0; i < parent.size(); ++i) parent[i] = i;
  const auto root = [&](std::size_t i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  };
  for (std::size_t a = 0; a < stops.size(); ++a) {
    for (std::size_t b = a + 1; b < stops.size(); ++b) {
      const Marker& ma = scene.markers[stops[a]];
      const Marker& mb = scene.markers[stops[b]];
      if (std::hypot(ma.at.x - mb.at.x, ma.at.y - mb.at.y) < ma.radius + mb.radius + gap_px)
        parent[root(a)] = root(b);
    }
  }
  std::vector<std::vector<std::size_t>> groups(stops.size());
  for (std::size_t i = 0; i < stops.size(); ++i) groups[root(i)].push_back(stops[i]);
  std::vector<bool> removed(scene.markers.size(), false);
  for (const std::vector<std::size_t>& group : groups) {
    if (group.size() < 2) continue;
    Vec2 centre;
    double radius = 0.0;
    for (const std::size_t i : group) {
      centre = centre + scene.markers[i].at * (1.0 / static_cast<double>(group.size()));
      radius = std::max(radius, scene.markers[i].radius);
    }
    if (group.size() > kMaxSpreadStops) {
      Marker& kept = scene.markers[group.front()];
      kept = {kept.attraction_id,
              centre,
              radius + 3.0,
              kInkColour,
              true,
              std::to_string(group.size()),
              -1,
              false};
      for (std::size_t k = 1; k < group.size(); ++k) removed[group[k]] = true;
      continue;
    }
    std::vector<std::pair<double, std::size_t>> by_bearing;
    for (const std::size_t i : group) {
      const Vec2 d = scene.markers[i].at - centre;
      by_bearing.emplace_back(std::atan2(d.y, d.x), i);
    }
    std::stable_sort(by_bearing.begin(), by_bearing.end(), [](const auto& a, const auto& b) {
      return a.first < b.first;
    });
    const double n = static_cast<double>(group.size());
    // Neighbours on the circle stay one marker width (plus the gap) apart.
    const double ring =
        std::max(radius + gap_px, (2.0 * radius + gap_px) / (2.0 * std::sin(M_PI / n)));
    for (std::size_t k = 0; k < by_bearing.size(); ++k) {
      const double angle = by_bearing.front().first + 2.0 * M_PI * static_cast<double>(k) / n;
      Marker& marker = scene.markers[by_bearing[k].second];
      const Vec2 spread = centre + Vec2{std::cos(angle), std::sin(angle)} * ring;
      scene.paths.push_back({{marker.at, spread}, kLeaderColour, 1.0, -1, false, 0.0});
      marker.at = spread;
    }
  }
  std::vector<Marker> kept;
  for (std::size_t i = 0; i < scene.markers.size(); ++i) {
    if (!removed[i]) kept.push_back(std::move(scene.markers[i]));
  }
  scene.markers = std::move(kept);
}

const Marker* hit_test(const MapScene& scene, Vec2 cursor, double slop_px) {
  const Marker* best = nullptr;
  double best_distance = 0.0;
  // Walk from the top: at equal distance the marker drawn last (visible) wins.
  for (auto it = scene.markers.rbegin(); it != scene.markers.rend(); ++it) {
    if (it->attraction_id.empty()) continue;
    const double distance = std::hypot(it->at.x - cursor.x, it->at.y - cursor.y);
    if (distance > it->radius + slop_px) continue;
    if (!best || distance < best_distance) {
      best = &*it;
      best_distance = distance;
    }
  }
  return best;
}

}  // namespace console::draw
