#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "console/draw/map_transform.h"

namespace console::draw {

/// A horizontal run to fill: row `y` (one `row_px` high from y) from x0 to x1.
struct Span {
  double y = 0.0;
  double x0 = 0.0;
  double x1 = 0.0;
};

/// Fills polygons of any shape (concave, with holes, several outer rings) on screen by scanlines
/// with the even-odd rule, for a draw list that only fills convex shapes. Keeps its scratch
/// buffers between calls, so filling many polygons a frame does not allocate.
class SpanFiller {
 public:
  /// Appends to `out` the spans of the rings (`points`, split at `ring_ends`, each ring closed
  /// implicitly) sampled at the middle of each row of `row_px` pixels, clipped to
  /// [clip_min, clip_max].
  void fill(std::span<const Vec2> points,
            std::span<const std::uint32_t> ring_ends,
            Vec2 clip_min,
            Vec2 clip_max,
            double row_px,
            std::vector<Span>& out);

 private:
  struct Edge {
    double y_top;
    double y_bottom;
    double x_at_top;
    double slope;  ///< dx per dy
  };
  std::vector<Edge> m_edges;
  std::vector<std::size_t> m_active;
  std::vector<double> m_crossings;
};

/// True if the ring turns the same way at every corner (a convex polygon may be filled directly).
bool is_convex(std::span<const Vec2> ring);

}  // namespace console::draw
