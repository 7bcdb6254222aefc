#include "shared/basemap/geometry.h"

#include <algorithm>
#include <cmath>

namespace core::basemap {
namespace {

using algo::WorldPoint;

bool inside(const WorldPoint& p, const WorldBox& box) {
  return p.x >= box.low.x && p.x <= box.high.x && p.y >= box.low.y && p.y <= box.high.y;
}

// Liang-Barsky: the part of segment a-b inside the box, as parameters t0 <= t1, or false.
bool clip_segment(
    const WorldPoint& a, const WorldPoint& b, const WorldBox& box, double& t0, double& t1) {
  t0 = 0.0;
  t1 = 1.0;
  const double dx = b.x - a.x;
  const double dy = b.y - a.y;
  const double p[4] = {-dx, dx, -dy, dy};
  const double q[4] = {a.x - box.low.x, box.high.x - a.x, a.y - box.low.y, box.high.y - a.y};
  for (int i = 0; i < 4; ++i) {
    if (p[i] == 0.0) {
      if (q[i] < 0.0) return false;
      continue;
    }
    const double t = q[i] / p[i];
    if (p[i] < 0.0)
      t0 = std::max(t0, t);
    else
      t1 = std::min(t1, t);
    if (t0 > t1) return false;
  }
  return true;
}

WorldPoint lerp(const WorldPoint& a, const WorldPoint& b, double t) {
  return {a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t};
}

// One Sutherland-Hodgman pass against the half-plane where `keep` holds; `cut` finds the crossing.
template <typename Keep, typename Cut>
std::vector<WorldPoint> clip_edge(const std::vector<WorldPoint>& ring, Keep keep, Cut cut) {
  std::vector<WorldPoint> out;
  for (std::size_t i = 0; i < ring.size(); ++i) {
    const WorldPoint& current = ring[i];
    const WorldPoint& previous = ring[(i + ring.size() - 1) % ring.size()];
    const bool in_now = keep(current);
    if (in_now != keep(previous)) out.push_back(cut(previous, current));
    if (in_now) out.push_back(current);
  }
  return out;
}

double distance_to_segment(const WorldPoint& p, const WorldPoint& a, const WorldPoint& b) {
  const double dx = b.x - a.x;
  const double dy = b.y - a.y;
  const double length_sqr = dx * dx + dy * dy;
  double t = length_sqr > 0.0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / length_sqr : 0.0;
  t = std::clamp(t, 0.0, 1.0);
  return std::hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

}  // namespace

std::vector<std::vector<WorldPoint>> clip_line(std::span<const WorldPoint> points,
                                               const WorldBox& box) {
  std::vector<std::vector<WorldPoint>> pieces;
  std::vector<WorldPoint> current;
  for (std::size_t i = 1; i < points.size(); ++i) {
    double t0 = 0.0;
    double t1 = 0.0;
    if (!clip_segment(points[i - 1], points[i], box, t0, t1)) continue;
    const WorldPoint from = lerp(points[i - 1], points[i], t0);
    if (current.empty() || t0 > 0.0) {
      if (current.size() >= 2) pieces.push_back(std::move(current));
      current = {from};
    }
    current.push_back(lerp(points[i - 1], points[i], t1));
    if (t1 < 1.0) {
      pieces.push_back(std::move(current));
      current.clear();
    }
  }
  if (current.size() >= 2) pieces.push_back(std::move(current));
  return pieces;
}

std::vector<WorldPoint> clip_ring(std::span<const WorldPoint> ring, const WorldBox& box) {
  if (std::all_of(ring.begin(), ring.end(), [&](const WorldPoint& p) { return inside(p, box); })) {
    return {ring.begin(), ring.end()};
  }
  std::vector<WorldPoint> out(ring.begin(), ring.end());
  const auto at_x = [](double x) {
    return [x](const WorldPoint& a, const WorldPoint& b) {
      return lerp(a, b, (x - a.x) / (b.x - a.x));
    };
  };
  const auto at_y = [](double y) {
    return [y](const WorldPoint& a, const WorldPoint& b) {
      return lerp(a, b, (y - a.y) / (b.y - a.y));
    };
  };
  out = clip_edge(
      out, [&](const WorldPoint& p) { return p.x >= box.low.x; }, at_x(box.low.x));
  out = clip_edge(
      out, [&](const WorldPoint& p) { return p.x <= box.high.x; }, at_x(box.high.x));
  out = clip_edge(
      out, [&](const WorldPoint& p) { return p.y >= box.low.y; }, at_y(box.low.y));
  out = clip_edge(
      out, [&](const WorldPoint& p) { return p.y <= box.high.y; }, at_y(box.high.y));
  if (out.size() < 3) out.clear();
  return out;
}

std::vector<WorldPoint> simplify(std::span<const WorldPoint> points, double tolerance) {
  if (points.size() <= 2) return {points.begin(), points.end()};
  std::vector<bool> keep(points.size(), false);
  keep.front() = keep.back() = true;
  std::vector<std::pair<std::size_t, std::size_t>> stack{{0, points.size() - 1}};
  while (!stack.empty()) {
    const auto [first, last] = stack.back();
    stack.pop_back();
    double farthest = 0.0;
    std::size_t index = first;
    for (std::size_t i = first + 1; i < last; ++i) {
      const double d = distance_to_segment(points[i], points[first], points[last]);
      if (d > farthest) {
        farthest = d;
        index = i;
      }
    }
    if (farthest > tolerance) {
      keep[index] = true;
      stack.emplace_back(first, index);
      stack.emplace_back(index, last);
    }
  }
  std::vector<WorldPoint> out;
  for (std::size_t i = 0; i < points.size(); ++i) {
    if (keep[i]) out.push_back(points[i]);
  }
  return out;
}

double line_length(std::span<const WorldPoint> points) {
  double total = 0.0;
  for (std::size_t i = 1; i < points.size(); ++i)
    total += std::hypot(points[i].x - points[i - 1].x, points[i].y - points[i - 1].y);
  return total;
}

WorldPoint point_along(std::span<const WorldPoint> points, double fraction) {
  if (points.empty()) return {};
  double remaining = line_length(points) * std::clamp(fraction, 0.0, 1.0);
  for (std::size_t i = 1; i < points.size(); ++i) {
    const double step = std::hypot(points[i].x - points[i - 1].x, points[i].y - points[i - 1].y);
    if (step >= remaining && step > 0.0) return lerp(points[i - 1], points[i], remaining / step);
    remaining -= step;
  }
  return points.back();
}

}  // namespace core::basemap
