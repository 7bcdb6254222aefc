// contract_chains: degree-2 vertices disappear into their edges' shapes.
#include <cassert>

#include "shared/routing/segment_graph.h"
#include "shared/routing/walking_graph.h"

namespace core::routing {
namespace {

constexpr std::uint32_t kNone = UINT32_MAX;

// Incident segments of every vertex (CSR), in segment order.
struct Incidence {
  std::vector<std::uint32_t> begin;
  std::vector<std::uint32_t> segments;

  std::uint32_t degree(std::uint32_t v) const { return begin[v + 1] - begin[v]; }
};

Incidence incidence_of(const SegmentGraph& graph) {
  Incidence inc;
  inc.begin.assign(graph.vertices.size() + 1, 0);
  for (const Segment& s : graph.segments) {
    ++inc.begin[s.a + 1];
    ++inc.begin[s.b + 1];
  }
  for (std::size_t i = 1; i < inc.begin.size(); ++i) inc.begin[i] += inc.begin[i - 1];
  inc.segments.assign(inc.begin.back(), 0);
  std::vector<std::uint32_t> fill(inc.begin.begin(), inc.begin.end() - 1);
  for (std::uint32_t i = 0; i < graph.segments.size(); ++i) {
    inc.segments[fill[graph.segments[i].a]++] = i;
    inc.segments[fill[graph.segments[i].b]++] = i;
  }
  return inc;
}

// The segment's flags when walked away from vertex `from`.
std::uint8_t oriented(const Segment& s, std::uint32_t from) {
  return s.a == from ? s.flags : reversed_flags(s.flags);
}

std::uint32_t other_end(const Segment& s, std::uint32_t v) {
  return s.a == v ? s.b : s.a;
}

// A vertex stays a graph node unless exactly two segments meet there and walking through it
// changes nothing (same direction rules, steps, ferry, area and pace).
std::vector<bool> graph_nodes(const SegmentGraph& graph, const Incidence& inc) {
  std::vector<bool> keep(graph.vertices.size(), true);
  for (std::uint32_t v = 0; v < graph.vertices.size(); ++v) {
    if (inc.degree(v) != 2) continue;
    const Segment& in = graph.segments[inc.segments[inc.begin[v]]];
    const Segment& out = graph.segments[inc.segments[inc.begin[v] + 1]];
    keep[v] = oriented(in, other_end(in, v)) != oriented(out, v);
  }
  return keep;
}

class ChainWalker {
 public:
  ChainWalker(const SegmentGraph& graph,
              const Incidence& inc,
              const std::vector<bool>& keep,
              ChainSet& out)
      : m_graph(graph), m_inc(inc), m_keep(keep), m_out(out), m_used(graph.segments.size(), false) {
  }

  bool used(std::uint32_t segment) const { return m_used[segment]; }

  // Walks from graph node `start` along `first` until the next graph node.
  void walk(std::uint32_t start, std::uint32_t first) {
    Chain chain;
    chain.from = start;
    chain.flags = oriented(m_graph.segments[first], start);
    chain.inner_begin = static_cast<std::uint32_t>(m_out.inner.size());
    std::uint32_t at = start;
    std::uint32_t segment = first;
    while (true) {
      m_used[segment] = true;
      const Segment& s = m_graph.segments[segment];
      chain.length_m += s.length_m;
      chain.ferry_s += s.ferry_s;
      at = other_end(s, at);
      if (m_keep[at]) break;
      m_out.inner.push_back(at);
      const std::uint32_t* pair = &m_inc.segments[m_inc.begin[at]];
      segment = pair[0] == segment ? pair[1] : pair[0];
      assert(!m_used[segment]);
    }
    chain.to = at;
    chain.inner_end = static_cast<std::uint32_t>(m_out.inner.size());
    m_out.chains.push_back(chain);
  }

 private:
  const SegmentGraph& m_graph;
  const Incidence& m_inc;
  const std::vector<bool>& m_keep;
  ChainSet& m_out;
  std::vector<bool> m_used;
};

}  // namespace

std::uint8_t reversed_flags(std::uint8_t flags) {
  const unsigned forward = flags & kEdgeForward;
  const unsigned backward = flags & kEdgeBackward;
  const unsigned rest = flags & (0xFFU ^ (kEdgeForward | kEdgeBackward));
  return static_cast<std::uint8_t>(rest | (forward << 1) | (backward >> 1));
}

ChainSet contract_chains(const SegmentGraph& graph) {
  const Incidence inc = incidence_of(graph);
  std::vector<bool> keep = graph_nodes(graph, inc);
  ChainSet out;
  ChainWalker walker(graph, inc, keep, out);
  for (std::uint32_t v = 0; v < graph.vertices.size(); ++v) {
    if (!keep[v]) continue;
    for (std::uint32_t i = inc.begin[v]; i < inc.begin[v + 1]; ++i) {
      if (!walker.used(inc.segments[i])) walker.walk(v, inc.segments[i]);
    }
  }
  // What is left are rings of degree-2 vertices: each becomes a loop at its first vertex.
  for (std::uint32_t i = 0; i < graph.segments.size(); ++i) {
    if (walker.used(i)) continue;
    const std::uint32_t start = graph.segments[i].a;
    keep[start] = true;
    walker.walk(start, i);
  }
  return out;
}

}  // namespace core::routing
