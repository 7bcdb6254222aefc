#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "shared/algo/travel_matrix.h"
#include "shared/model/geo_point.h"
#include "shared/routing/edge_index.h"
#include "shared/routing/radix_heap.h"
#include "shared/routing/walking_graph.h"

namespace core::routing {

/// How to walk.
struct WalkOptions {
  double speed_kmh =
      4.5;  ///< on a normal surface (gravel 0.75x, sand 0.5x; ferries keep their time)
  bool step_free = false;       ///< avoid steps entirely (accessibility)
  double snap_limit_m = 300.0;  ///< a point farther than this from every walkable edge is unsnapped
};

/// A point the router could not place on the network.
struct UnsnappedPoint {
  std::size_t index = 0;  ///< in the caller's list
  double distance_m =
      0.0;  ///< to the nearest allowed edge; infinity when none is within kSnapReportM
};

/// How far the router looks to say how far an unsnapped point is from the network.
inline constexpr double kSnapReportM = 5000.0;

/// Walking distances and times between points on the network.
struct NetworkMatrix {
  /// Metres and minutes, the walk to and from the network included; 0 on the diagonal;
  /// algo::kUnreachable for pairs with no path and for every pair of an unsnapped point.
  algo::TravelMatrix travel;
  std::vector<UnsnappedPoint> unsnapped;  ///< by index
};

/// The walk between two points along the streets.
struct NetworkPath {
  bool found = false;  ///< false: a point is unsnapped or no path exists (then the rest is empty)
  double metres = 0.0;
  double minutes = 0.0;
  std::vector<model::GeoPoint>
      points;            ///< start point, snapped start, shape points..., snapped end, end point
  std::string polyline;  ///< `points` as an encoded polyline (precision 5)
};

/// Scratch memory of the router's searches, reused from call to call so that searches allocate
/// nothing once warm. One per thread; its contents are the router's business.
struct RouterWorkspace {
  struct Attachment {
    std::uint32_t target;
    std::uint32_t cost;
    std::uint32_t metres_dm;
    std::uint32_t next;
    bool forward;  // the target is reached walking its edge from -> to
  };
  struct Target {
    std::uint32_t cost;
    std::uint32_t metres_dm;
    std::uint32_t via;  // the node it was reached from, or kDirect
    bool forward;       // as Attachment::forward
  };
  // One node's search state, together in one cache line's quarter (the inner loop touches it).
  struct Label {
    std::uint32_t seen;  // == search_stamp: the rest is valid
    std::uint32_t cost;
    std::uint32_t metres_dm;
    std::uint32_t parent;  // GraphArc::edge_bits of the arc that reached the node, or a start mark
  };
  std::vector<Label> labels;
  std::vector<std::uint32_t> attach_head;
  std::vector<std::uint32_t> attach_seen;  // == attachment stamp: attach_head is valid
  std::vector<Attachment> attachments;
  std::vector<Target> targets;
  std::uint32_t search_stamp = 0;
  std::uint32_t attach_stamp = 0;
  RadixHeap heap;
};

/// Shortest walks on one WalkingGraph (Dijkstra on the contracted graph, from points snapped to
/// the nearest edge). Pure; const methods are thread-safe given one workspace per thread.
class Router {
 public:
  /// Indexes `graph`, which must outlive the router.
  explicit Router(const WalkingGraph& graph);

  /// The graph routed on.
  const WalkingGraph& graph() const { return *m_graph; }
  /// Where `point` meets the network (within options.snap_limit_m, steps excluded when
  /// step_free), or nullopt.
  std::optional<Snap> snap(const model::GeoPoint& point, const WalkOptions& options) const;
  /// Distances and times between every pair of `points`: one Dijkstra per point, stopped once
  /// its targets are settled. On a graph with no one-way edge, the walk from i to j is the walk
  /// from j to i reversed, so each search only looks for the points after its own.
  NetworkMatrix matrix(const std::vector<model::GeoPoint>& points,
                       const WalkOptions& options,
                       RouterWorkspace& workspace) const;
  /// The walk from `from` to `to`; the same minutes as matrix() gives the pair, and the same metres
  /// (on a graph with no one-way edge, two walks of equal time may differ in metres: matrix() may
  /// give the other one).
  NetworkPath path(const model::GeoPoint& from,
                   const model::GeoPoint& to,
                   const WalkOptions& options,
                   RouterWorkspace& workspace) const;
  /// Bytes of the router's own index (the graph not included).
  std::size_t memory_bytes() const { return m_index.memory_bytes(); }

 private:
  const WalkingGraph* m_graph;
  EdgeIndex m_index;
  bool m_symmetric;  // every edge walkable both ways
};

}  // namespace core::routing
