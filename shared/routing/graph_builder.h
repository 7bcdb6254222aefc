#pragma once

#include <cstddef>
#include <optional>

#include "shared/model/geo_point.h"
#include "shared/routing/osm_input.h"
#include "shared/routing/walking_graph.h"

namespace core::routing {

/// How to build a walking graph.
struct BuildOptions {
  /// Keep only segments with at least one end inside (unset: everything).
  std::optional<model::BoundingBox> bbox;
};

/// What the builder kept and dropped.
struct BuildStats {
  std::size_t walkable_ways = 0;    ///< ways the foot profile accepts (after de-duplication)
  std::size_t segments = 0;         ///< OSM segments kept (inside the box), crossings included
  std::size_t area_crossings = 0;   ///< straight segments added across pedestrian areas
  std::size_t barrier_nodes = 0;    ///< node occurrences that block passage
  std::size_t islands_dropped = 0;  ///< connected pieces other than the largest one
  std::size_t island_edges_dropped = 0;
  double island_metres_dropped = 0.0;
  std::size_t nodes = 0;  ///< graph nodes kept
  std::size_t edges = 0;  ///< graph edges kept
  double metres = 0.0;    ///< total length of the kept edges
};

/// A built graph and how it was made.
struct BuildResult {
  WalkingGraph graph;
  BuildStats stats;
};

/// Builds the walking network of `data` under the foot profile (foot_profile.h): one segment per
/// pair of consecutive nodes of a walkable way, barrier nodes made impassable, crossings over
/// pedestrian areas, degree-2 chains contracted into edges that keep their shape points, and only
/// the largest connected piece kept (by length; the others are counted in the stats). Nodes are
/// numbered along a Hilbert curve so that neighbours sit close in memory; edges are sorted.
/// Pure and deterministic: the same input gives the same graph, byte for byte.
BuildResult build_walking_graph(const OsmData& data, const BuildOptions& options = {});

}  // namespace core::routing
