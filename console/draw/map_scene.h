#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "console/draw/map_transform.h"
#include "console/draw/palette.h"
#include "console/state/replay_timeline.h"
#include "shared/model/attraction.h"
#include "shared/model/run_trace.h"
#include "shared/model/tour.h"

namespace console::draw {

/// A point of interest on screen. Later markers are drawn over earlier ones.
struct Marker {
  std::string attraction_id;  ///< empty for markers that are not attractions (the city centre)
  Vec2 at;
  double radius = 4.0;
  Rgba colour;
  bool filled = true;     ///< false: a ring (excluded attractions)
  std::string label;      ///< stop number drawn inside, may be empty
  int tour = -1;          ///< tour index, -1 when not a tour stop
  bool selected = false;  ///< draw a selection ring
};

/// A polyline on screen (a tour leg, the city's bounds frame).
struct Path {
  std::vector<Vec2> points;
  Rgba colour;
  double thickness = 2.0;
  int tour = -1;
  bool closed = false;
  double dash_px = 0.0;  ///< > 0: drawn dashed, dashes and gaps this long (see dash_segments)
};

/// A direction arrowhead (a filled triangle pointing along a leg).
struct Arrow {
  Vec2 tip;
  Vec2 left;
  Vec2 right;
  Rgba colour;
};

/// A short text beside a marker (a dropped candidate's reason during the replay's filter stage).
struct Caption {
  Vec2 at;  ///< top-left of the text
  std::string text;
  Rgba colour;
};

/// Everything the map draws over the tiles, already in screen space: the "preprocess" step; the
/// ImGui helper only emits these. Order: paths, then arrows, then markers, then captions.
struct MapScene {
  std::vector<Path> paths;
  std::vector<Arrow> arrows;
  std::vector<Marker> markers;
  std::vector<Caption> captions;
};

/// Editing view: excluded attractions as grey rings, included ones filled (slate when no tour
/// visits them), each tour's walking path in its colour with arrows and numbered stops. With a
/// selected tour (its index, or -1 for none) that tour is drawn thicker on top and the others
/// dimmed. Crowded stops are spread out (see spread_crowded_stops).
MapScene build_edit_scene(const std::vector<core::model::Attraction>& attractions,
                          const std::vector<core::model::Tour>& tours,
                          const MapTransform& transform,
                          const std::string& selected_id,
                          int selected_tour = -1);

/// Most stop markers spread around one place; more are grouped into one marker with their count.
inline constexpr std::size_t kMaxSpreadStops = 8;
/// Leader lines from a stop's place to its spread marker.
inline constexpr Rgba kLeaderColour{20, 20, 20, 170};

/// Readable stops where they crowd: tour-stop markers that would touch (closer than their radii
/// plus `gap_px`) form a group; a group of up to kMaxSpreadStops is spread on a circle round its
/// centre, in the order of the stops' bearings, each joined to its true place by a leader line;
/// a larger group (a zoomed-out view) becomes one ink marker labelled with its size at the centre.
void spread_crowded_stops(MapScene& scene, double gap_px);

/// The caption of the city's bounds frame in the replay.
inline constexpr const char* kBoundsCaption = "city bounds";

/// One replay frame of `trace`: the city (its centre, and its bounds as a faint dashed frame
/// captioned kBoundsCaption inside its top-left corner, or inside the canvas's when that corner is
/// off it), candidates appearing, the filter's decisions (dropped
/// ones fading, with their reason written beside them while they fade, where it does not cover
/// another caption), planned tours then walking legs drawn leg by leg.
MapScene build_replay_scene(const core::model::RunTrace& trace,
                            const state::ReplayFrame& frame,
                            const MapTransform& transform,
                            const std::string& selected_id);

/// The attraction marker nearest to `cursor` within its radius plus `slop_px`, or null.
const Marker* hit_test(const MapScene& scene, Vec2 cursor, double slop_px);

/// Each leg of `tour` as geographic points: its decoded polyline, or the straight segment between
/// its waypoints when the polyline is missing or malformed.
std::vector<std::vector<core::model::GeoPoint>> leg_paths(const core::model::Tour& tour);

}  // namespace console::draw
