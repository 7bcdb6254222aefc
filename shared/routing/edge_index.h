#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

#include "shared/routing/local_projection.h"
#include "shared/routing/walking_graph.h"

namespace core::routing {

/// Where a point meets the network: the closest point of the closest allowed edge.
struct Snap {
  std::uint32_t edge = 0;
  double offset_m = 0.0;    ///< along the edge's shape from its `from` node to the snapped position
  double distance_m = 0.0;  ///< from the point to the snapped position (walked off the network)
  std::size_t segment = 0;  ///< the shape segment (points segment and segment + 1) it lies on
  FixedPoint position;      ///< the snapped position
};

/// Which edges a point may snap to.
struct SnapFilter {
  bool step_free = false;  ///< no edge with steps
};

/// A uniform grid over the graph's shape segments, for nearest-edge queries. Ferry edges are
/// never snapped to (nobody boards mid-water). Immutable after construction; thread-safe to read.
class EdgeIndex {
 public:
  /// Indexes every shape segment of `graph`, which must outlive the index.
  explicit EdgeIndex(const WalkingGraph& graph, double cell_m = 100.0);

  /// The closest allowed edge point to `point` within `limit_m` metres, or nullopt. Ties go to the
  /// lower edge index, so answers are deterministic.
  std::optional<Snap> nearest(FixedPoint point, double limit_m, SnapFilter filter) const;

  /// Bytes held by the index.
  std::size_t memory_bytes() const;

 private:
  struct Entry {
    std::uint32_t edge;
    std::uint32_t segment;
  };
  void
  consider(PlanePoint p, const Entry& entry, SnapFilter filter, std::optional<Snap>& best) const;

  const WalkingGraph* m_graph;
  LocalProjection m_projection;
  double m_cell_m;
  double m_min_x = 0.0;
  double m_min_y = 0.0;
  std::int64_t m_columns = 0;
  std::int64_t m_rows = 0;
  std::vector<std::uint32_t> m_cell_begin;
  std::vector<Entry> m_entries;
};

}  // namespace core::routing
