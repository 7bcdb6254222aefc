#pragma once

#include <span>
#include <vector>

#include "shared/algo/web_mercator.h"

namespace core::basemap {

/// A rectangle in world units (x east, y south).
struct WorldBox {
  algo::WorldPoint low;   ///< smallest x and y
  algo::WorldPoint high;  ///< largest x and y
};

/// The pieces of the polyline `points` inside `box` (each a polyline of at least 2 points; a
/// segment crossing the edge is cut where it crosses).
std::vector<std::vector<algo::WorldPoint>> clip_line(std::span<const algo::WorldPoint> points,
                                                     const WorldBox& box);

/// The closed ring `ring` (first point not repeated at the end) cut to `box` (Sutherland-Hodgman:
/// parts outside run along the box's edge, which an even-odd fill leaves correct). Empty when
/// nothing is inside.
std::vector<algo::WorldPoint> clip_ring(std::span<const algo::WorldPoint> ring,
                                        const WorldBox& box);

/// Douglas-Peucker: the points of `points` needed to stay within `tolerance` of the line; the
/// first and last are always kept.
std::vector<algo::WorldPoint> simplify(std::span<const algo::WorldPoint> points, double tolerance);

/// Length of a polyline in world units.
double line_length(std::span<const algo::WorldPoint> points);

/// The point `fraction` (0..1) of the way along a polyline.
algo::WorldPoint point_along(std::span<const algo::WorldPoint> points, double fraction);

}  // namespace core::basemap
