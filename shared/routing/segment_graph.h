#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "shared/model/geo_point.h"
#include "shared/routing/fixed_point.h"
#include "shared/routing/osm_input.h"

namespace core::routing {

/// The builder's first form of the network: every OSM segment (two consecutive nodes of a
/// walkable way) between vertices, before degree-2 chains are contracted.
struct Segment {
  std::uint32_t a = 0;
  std::uint32_t b = 0;
  std::uint8_t flags = 0;  ///< EdgeFlag bits and Pace, as GraphEdge::flags, oriented a -> b
  double length_m = 0.0;
  double ferry_s = 0.0;  ///< this segment's share of its ferry's crossing time
};

/// Vertices (OSM nodes; a barrier node has one copy per segment end, so it cannot be passed)
/// and the segments between them.
struct SegmentGraph {
  std::vector<FixedPoint> vertices;
  std::vector<Segment> segments;
};

/// A closed pedestrian area's ring, as vertex indices (first == last).
using AreaRing = std::vector<std::uint32_t>;

/// What collect_segments found.
struct CollectedSegments {
  SegmentGraph graph;
  std::vector<AreaRing> rings;  ///< crossable areas
  std::size_t walkable_ways = 0;
  std::size_t barrier_nodes = 0;
};

/// The segments of every walkable way of `data` (first node and way of each id win) with at least
/// one end inside `bbox` (if set); ferries get their crossing time shared out by length.
CollectedSegments collect_segments(const OsmData& data,
                                   const std::optional<model::BoundingBox>& bbox);

/// Adds straight kEdgeAreaCrossing segments across each ring between its junction vertices
/// (those other segments also touch), where the straight line stays inside the ring. Returns
/// the number of segments added.
std::size_t add_area_crossings(const std::vector<AreaRing>& rings, SegmentGraph& graph);

/// A contracted edge: a maximal run of segments through vertices of degree 2 whose flags agree.
struct Chain {
  std::uint32_t from = 0;
  std::uint32_t to = 0;
  std::uint8_t flags = 0;  ///< oriented from -> to
  double length_m = 0.0;
  double ferry_s = 0.0;
  std::uint32_t inner_begin =
      0;  ///< the inner vertices are ChainSet::inner[inner_begin, inner_end)
  std::uint32_t inner_end = 0;
};

/// Every segment in exactly one chain.
struct ChainSet {
  std::vector<Chain> chains;
  std::vector<std::uint32_t> inner;
};

/// Contracts `graph` into chains between junctions, dead ends, barrier copies and the points
/// where flags change. Deterministic: chains follow vertex and segment order.
ChainSet contract_chains(const SegmentGraph& graph);

/// `flags` as seen walking a segment or chain the other way (forward and backward swapped).
std::uint8_t reversed_flags(std::uint8_t flags);

}  // namespace core::routing
