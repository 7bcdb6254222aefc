#include "shared/planner/tsp_construct.h"

#include <algorithm>
#include <numeric>
#include <tuple>

namespace core::planner {
namespace {

std::size_t at(int i) {
  return static_cast<std::size_t>(i);
}

int find_root(std::vector<int>& parent, int v) {
  while (parent[at(v)] != v) {
    parent[at(v)] = parent[at(parent[at(v)])];
    v = parent[at(v)];
  }
  return v;
}

// Links of the greedy matching: adjacency (two slots per node, -1 when free).
std::vector<int> greedy_links(const CostMatrix& m, const std::vector<int>& neighbours, int count) {
  const int n = m.size();
  std::vector<std::tuple<double, int, int>> edges;
  for (int i = 0; i < n; ++i) {
    for (int k = 0; k < count; ++k) {
      const int j = neighbours[at(i * count + k)];
      if (j > i) edges.emplace_back(m(i, j) + m(j, i), i, j);
      if (j >= 0 && j < i) edges.emplace_back(m(i, j) + m(j, i), j, i);
    }
  }
  std::sort(edges.begin(), edges.end());
  std::vector<int> link(at(2 * n), -1);
  std::vector<int> parent(at(n));
  std::iota(parent.begin(), parent.end(), 0);
  for (const auto& [cost, i, j] : edges) {
    if (link[at(2 * i + 1)] >= 0 || link[at(2 * j + 1)] >= 0) continue;
    const int ri = find_root(parent, i);
    const int rj = find_root(parent, j);
    if (ri == rj) continue;
    parent[at(ri)] = rj;
    link[at(2 * i + (link[at(2 * i)] >= 0 ? 1 : 0))] = j;
    link[at(2 * j + (link[at(2 * j)] >= 0 ? 1 : 0))] = i;
  }
  return link;
}

// Appends the fragment that starts at end node `v` to `order`; returns its other end.
int walk_fragment(const std::vector<int>& link,
                  int v,
                  std::vector<char>& used,
                  std::vector<int>& order) {
  int prev = -1;
  for (;;) {
    used[at(v)] = 1;
    order.push_back(v);
    int next = link[at(2 * v)] != prev ? link[at(2 * v)] : link[at(2 * v + 1)];
    if (next < 0 || next == prev || used[at(next)] != 0) return v;
    prev = v;
    v = next;
  }
}

}  // namespace

std::vector<int>
greedy_tour(const CostMatrix& matrix, const std::vector<int>& neighbours, int count) {
  const int n = matrix.size();
  const std::vector<int> link = greedy_links(matrix, neighbours, count);
  std::vector<int> ends;
  for (int v = 0; v < n; ++v) {
    if (link[at(2 * v + 1)] < 0) ends.push_back(v);
  }
  std::vector<char> used(at(n), 0);
  std::vector<int> order;
  order.reserve(at(n));
  int tail = ends.empty() ? -1 : walk_fragment(link, ends.front(), used, order);
  while (static_cast<int>(order.size()) < n) {
    int best = -1;
    for (const int v : ends) {
      if (used[at(v)] == 0 && (best < 0 || matrix(tail, v) < matrix(tail, best))) best = v;
    }
    tail = walk_fragment(link, best, used, order);
  }
  return order;
}

}  // namespace core::planner
