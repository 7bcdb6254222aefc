// Exact Team Orienteering optimum by enumeration, for instances where one path can visit only a
// few dozen nodes. It checks published reference values: Chao's 1996 figures were computed with
// unrounded budgets, and some cannot be reached with the one-decimal tmax of the files.
//
// Stage 1 (labels): a sparse Held-Karp over node sets, layer by layer (sets of 1, 2, ... nodes).
// A label (set, last) holds the shortest path from the start depot through `set` ending at
// `last`. A label is kept only if cost + d(last, end) <= tmax: with Euclidean distances the
// triangle inequality makes every prefix of a feasible path satisfy this, so nothing feasible is
// lost, and every set that has a label is feasible for one path.
// Stage 2 (packing): the feasible sets, sorted by score, are combined into m disjoint sets by a
// depth-first search in non-increasing score order, bounded by partial + (paths left) x score.
#include "bench/top_exact.h"

#include <algorithm>
#include <bit>
#include <limits>

namespace bench {
namespace {

struct Label {
  std::uint64_t set = 0;
  int last = 0;
  double cost = 0.0;  // start depot -> ... -> last, summed in visiting order
};

bool label_order(const Label& a, const Label& b) {
  return a.set != b.set ? a.set < b.set : a.last < b.last;
}

struct Instance {
  std::vector<int> rows;           // file row of each reachable scoring node
  std::vector<double> score;       // per reachable node
  std::vector<double> from_start;  // d(start, node)
  std::vector<double> to_end;      // d(node, end)
  std::vector<double> between;     // k x k
  double tmax = 0.0;
  int k() const { return static_cast<int>(rows.size()); }
  double d(int a, int b) const { return between[static_cast<std::size_t>(a * k() + b)]; }
};

Instance reachable_nodes(const TopFile& f) {
  Instance in;
  in.tmax = f.tmax;
  const int start = 0;
  const int end = f.n - 1;
  for (int i = 1; i < end; ++i) {
    if (f.score[static_cast<std::size_t>(i)] > 0 &&
        euclid(f, start, i) + euclid(f, i, end) <= f.tmax)
      in.rows.push_back(i);
  }
  const int k = in.k();
  in.between.resize(static_cast<std::size_t>(k * k));
  for (int a = 0; a < k; ++a) {
    in.score.push_back(f.score[static_cast<std::size_t>(in.rows[static_cast<std::size_t>(a)])]);
    in.from_start.push_back(euclid(f, start, in.rows[static_cast<std::size_t>(a)]));
    in.to_end.push_back(euclid(f, in.rows[static_cast<std::size_t>(a)], end));
    for (int b = 0; b < k; ++b) {
      in.between[static_cast<std::size_t>(a * k + b)] =
          euclid(f, in.rows[static_cast<std::size_t>(a)], in.rows[static_cast<std::size_t>(b)]);
    }
  }
  return in;
}

// Stage 1. layers[p] holds the labels of sets of p+1 nodes, sorted by (set, last). Returns false
// when the label limit is reached.
bool enumerate_paths(const Instance& in,
                     std::size_t max_states,
                     std::vector<std::vector<Label>>& layers,
                     std::size_t& states) {
  const int k = in.k();
  std::vector<Label> layer;
  for (int a = 0; a < k; ++a)
    layer.push_back({std::uint64_t{1} << a, a, in.from_start[static_cast<std::size_t>(a)]});
  states = layer.size();
  std::vector<Label> grown;
  while (!layer.empty()) {
    grown.clear();
    for (const Label& label : layer) {
      for (int next = 0; next < k; ++next) {
        const std::uint64_t bit = std::uint64_t{1} << next;
        if ((label.set & bit) != 0) continue;
        const double cost = label.cost + in.d(label.last, next);
        if (cost + in.to_end[static_cast<std::size_t>(next)] <= in.tmax)
          grown.push_back({label.set | bit, next, cost});
      }
      if (states + grown.size() > max_states) return false;
    }
    std::sort(grown.begin(), grown.end(), [](const Label& a, const Label& b) {
      return label_order(a, b) || (!label_order(b, a) && a.cost < b.cost);
    });
    // Keep the cheapest label of each (set, last): the first after sorting.
    grown.erase(std::unique(grown.begin(),
                            grown.end(),
                            [](const Label& a, const Label& b) {
                              return a.set == b.set && a.last == b.last;
                            }),
                grown.end());
    layers.push_back(std::move(layer));
    layer = grown;
    states += layer.size();
  }
  return true;
}

struct FeasibleSet {
  std::uint64_t set = 0;
  double score = 0.0;
};

std::vector<FeasibleSet> feasible_sets(const Instance& in,
                                       const std::vector<std::vector<Label>>& layers) {
  std::vector<FeasibleSet> sets;
  for (const auto& layer : layers) {
    for (std::size_t i = 0; i < layer.size(); ++i) {
      if (i > 0 && layer[i - 1].set == layer[i].set) continue;
      double score = 0.0;
      for (std::uint64_t rest = layer[i].set; rest != 0; rest &= rest - 1)
        score += in.score[static_cast<std::size_t>(std::countr_zero(rest))];
      sets.push_back({layer[i].set, score});
    }
  }
  std::stable_sort(sets.begin(), sets.end(), [](const FeasibleSet& a, const FeasibleSet& b) {
    return a.score > b.score;
  });
  return sets;
}

// Stage 2: branch and bound over disjoint sets taken in non-increasing score order.
class Packing {
 public:
  Packing(const std::vector<FeasibleSet>& sets, int paths, std::uint64_t max_nodes)
      : sets_(sets), paths_(paths), max_nodes_(max_nodes),
        chosen_(static_cast<std::size_t>(paths)) {}

  /// Returns false when the node limit was reached (best() is then a lower bound).
  bool run() {
    search(0, 0, 0.0, 0);
    return nodes_ <= max_nodes_;
  }
  double best() const { return best_; }
  const std::vector<std::uint64_t>& best_sets() const { return best_sets_; }
  std::uint64_t nodes() const { return nodes_; }

 private:
  void search(int level, std::uint64_t used, double partial, std::size_t from) {
    if (++nodes_ > max_nodes_) return;
    if (partial > best_) {
      best_ = partial;
      best_sets_.assign(chosen_.begin(), chosen_.begin() + level);
    }
    if (level == paths_) return;
    const double paths_left = paths_ - level;
    for (std::size_t i = from; i < sets_.size() && nodes_ <= max_nodes_; ++i) {
      if (partial + sets_[i].score * paths_left <= best_) break;  // sorted: nothing better follows
      if ((sets_[i].set & used) != 0) continue;
      chosen_[static_cast<std::size_t>(level)] = sets_[i].set;
      search(level + 1, used | sets_[i].set, partial + sets_[i].score, i + 1);
    }
  }

  const std::vector<FeasibleSet>& sets_;
  int paths_;
  std::uint64_t max_nodes_;
  std::vector<std::uint64_t> chosen_;
  std::vector<std::uint64_t> best_sets_;
  double best_ = 0.0;
  std::uint64_t nodes_ = 0;
};

const Label* find_label(const std::vector<Label>& layer, std::uint64_t set, int last) {
  const Label key{set, last, 0.0};
  const auto it = std::lower_bound(layer.begin(), layer.end(), key, label_order);
  return it != layer.end() && it->set == set && it->last == last ? &*it : nullptr;
}

// The visiting order of a feasible set, read back from the labels: the cheapest feasible last
// node, then at each step the predecessor whose label cost plus the edge gives exactly the cost
// (the same additions in the same order, so the comparison is exact).
std::vector<int>
path_of(const Instance& in, const std::vector<std::vector<Label>>& layers, std::uint64_t set) {
  std::vector<int> order;
  const auto length = [&](const Label& label) {
    return label.cost + in.to_end[static_cast<std::size_t>(label.last)];
  };
  const Label* current = nullptr;
  for (std::uint64_t rest = set; rest != 0; rest &= rest - 1) {
    const int last = std::countr_zero(rest);
    const Label* label =
        find_label(layers[static_cast<std::size_t>(std::popcount(set) - 1)], set, last);
    if (label != nullptr && (current == nullptr || length(*label) < length(*current)))
      current = label;
  }
  while (current != nullptr) {
    order.push_back(current->last);
    const std::uint64_t before = current->set & ~(std::uint64_t{1} << current->last);
    const Label* previous = nullptr;
    for (std::uint64_t rest = before; rest != 0 && previous == nullptr; rest &= rest - 1) {
      const int prev = std::countr_zero(rest);
      const Label* label =
          find_label(layers[static_cast<std::size_t>(std::popcount(before) - 1)], before, prev);
      if (label != nullptr && label->cost + in.d(prev, current->last) == current->cost)
        previous = label;
    }
    current = previous;
  }
  std::reverse(order.begin(), order.end());
  for (int& node : order) node = in.rows[static_cast<std::size_t>(node)];
  return order;
}

}  // namespace

ExactResult solve_top_exact(const TopFile& f, const ExactLimits& limits) {
  ExactResult result;
  const Instance in = reachable_nodes(f);
  result.reachable = in.k();
  result.paths.assign(static_cast<std::size_t>(f.m), {});
  if (in.k() > 64) {
    result.reason = "more than 64 reachable scoring nodes";
    return result;
  }
  std::vector<std::vector<Label>> layers;
  if (!enumerate_paths(in, limits.max_states, layers, result.states)) {
    result.reason = "more than " + std::to_string(limits.max_states) + " path labels";
    return result;
  }
  const std::vector<FeasibleSet> sets = feasible_sets(in, layers);
  result.feasible_sets = sets.size();
  Packing packing(sets, f.m, limits.max_search_nodes);
  result.solved = packing.run();
  if (!result.solved)
    result.reason = "more than " + std::to_string(limits.max_search_nodes) + " search steps";
  result.search_nodes = packing.nodes();
  result.optimum = packing.best();
  for (std::size_t p = 0; p < packing.best_sets().size(); ++p)
    result.paths[p] = path_of(in, layers, packing.best_sets()[p]);
  return result;
}

}  // namespace bench
