#include "console/draw/fill_spans.h"

#include <algorithm>
#include <cmath>

namespace console::draw {

void SpanFiller::fill(std::span<const Vec2> points,
                      std::span<const std::uint32_t> ring_ends,
                      Vec2 clip_min,
                      Vec2 clip_max,
                      double row_px,
                      std::vector<Span>& out) {
  m_edges.clear();
  std::uint32_t begin = 0;
  for (const std::uint32_t end : ring_ends) {
    for (std::uint32_t i = begin; i < end; ++i) {
      const Vec2& a = points[i];
      const Vec2& b = points[i + 1 < end ? i + 1 : begin];
      if (a.y == b.y) continue;  // horizontal edges cross no row
      const Vec2& top = a.y < b.y ? a : b;
      const Vec2& bottom = a.y < b.y ? b : a;
      m_edges.push_back({top.y, bottom.y, top.x, (bottom.x - top.x) / (bottom.y - top.y)});
    }
    begin = end;
  }
  if (m_edges.empty()) return;
  std::sort(m_edges.begin(), m_edges.end(), [](const Edge& a, const Edge& b) {
    return a.y_top < b.y_top;
  });
  const double y_low = std::max(clip_min.y, m_edges.front().y_top);
  double max_bottom = m_edges.front().y_bottom;
  for (const Edge& e : m_edges) max_bottom = std::max(max_bottom, e.y_bottom);
  const double y_high = std::min(clip_max.y, max_bottom);
  // Rows on a grid anchored at clip_min, so neighbouring polygons share row boundaries.
  double row = clip_min.y + std::floor((y_low - clip_min.y) / row_px) * row_px;
  std::size_t next = 0;
  m_active.clear();
  for (; row < y_high; row += row_px) {
    const double y = row + row_px * 0.5;
    while (next < m_edges.size() && m_edges[next].y_top <= y) m_active.push_back(next++);
    std::erase_if(m_active, [&](std::size_t i) { return m_edges[i].y_bottom <= y; });
    m_crossings.clear();
    for (const std::size_t i : m_active) {
      const Edge& e = m_edges[i];
      if (e.y_top <= y) m_crossings.push_back(e.x_at_top + (y - e.y_top) * e.slope);
    }
    std::sort(m_crossings.begin(), m_crossings.end());
    for (std::size_t k = 0; k + 1 < m_crossings.size(); k += 2) {
      const double x0 = std::max(m_crossings[k], clip_min.x);
      const double x1 = std::min(m_crossings[k + 1], clip_max.x);
      if (x1 > x0) out.push_back({row, x0, x1});
    }
  }
}

bool is_convex(std::span<const Vec2> ring) {
  if (ring.size() < 3) return false;
  int sign = 0;
  for (std::size_t i = 0; i < ring.size(); ++i) {
    const Vec2& a = ring[i];
    const Vec2& b = ring[(i + 1) % ring.size()];
    const Vec2& c = ring[(i + 2) % ring.size()];
    const double cross = (b.x - a.x) * (c.y - b.y) - (b.y - a.y) * (c.x - b.x);
    if (cross == 0.0) continue;
    const int turn = cross > 0 ? 1 : -1;
    if (sign != 0 && turn != sign) return false;
    sign = turn;
  }
  return sign != 0;
}

}  // namespace console::draw
