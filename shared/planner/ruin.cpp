#include "shared/planner/ruin.h"

#include <algorithm>

namespace core::planner {
namespace {

void take_out(TopState& state, Workspace& work, int node) {
  const int r = state.route_of(node);
  state.remove(r, state.pos_of(node));
  work.removed.push_back(node);
  work.dirty[at(r)] = 1;
  debug_check(state, "ruin");
}

// Lists the removable stops in work.order (second = node).
void collect_stops(const Instance& inst, const TopState& state, Workspace& work) {
  work.order.clear();
  for (const int node : inst.candidates) {
    if (state.route_of(node) >= 0) work.order.emplace_back(0.0, node);
  }
}

void ruin_random(const Instance& inst, TopState& state, Workspace& work, Rng& rng, int count) {
  collect_stops(inst, state, work);
  const int total = static_cast<int>(work.order.size());
  for (int i = 0; i < count && i < total; ++i) {
    const int pick = i + rng.below(total - i);
    std::swap(work.order[at(i)], work.order[at(pick)]);
    take_out(state, work, work.order[at(i)].second);
  }
}

void ruin_related(const Instance& inst, TopState& state, Workspace& work, Rng& rng, int count) {
  collect_stops(inst, state, work);
  if (work.order.empty()) return;
  const int seed = work.order[at(rng.below(static_cast<int>(work.order.size())))].second;
  for (auto& entry : work.order)
    entry.first = inst.d(seed, entry.second) + inst.d(entry.second, seed);
  const auto keep = std::min(work.order.size(), at(count));
  std::partial_sort(
      work.order.begin(), work.order.begin() + static_cast<std::ptrdiff_t>(keep), work.order.end());
  for (std::size_t i = 0; i < keep; ++i) take_out(state, work, work.order[i].second);
}

// A random non-frozen tour with at least one stop, or -1.
int pick_route(const Instance& inst, const TopState& state, Rng& rng) {
  const int k = state.route_count();
  const int first = rng.below(k);
  for (int step = 0; step < k; ++step) {
    const int r = (first + step) % k;
    if (inst.frozen[at(r)] == 0 && state.stop_count(r) > 0) return r;
  }
  return -1;
}

void ruin_segment(
    const Instance& inst, TopState& state, Workspace& work, Rng& rng, int count, bool whole) {
  const int r = pick_route(inst, state, rng);
  if (r < 0) return;
  const int stops = state.stop_count(r);
  const int len = whole ? stops : std::min(count, stops);
  const int first = 1 + rng.below(stops - len + 1);
  for (int i = 0; i < len; ++i) take_out(state, work, state.seq(r)[at(first)]);
}

}  // namespace

void ruin(const Instance& instance,
          TopState& state,
          Workspace& work,
          Rng& rng,
          RuinKind kind,
          int count) {
  work.removed.clear();
  switch (kind) {
  case RuinKind::Random: ruin_random(instance, state, work, rng, count); break;
  case RuinKind::Related: ruin_related(instance, state, work, rng, count); break;
  case RuinKind::Segment: ruin_segment(instance, state, work, rng, count, false); break;
  case RuinKind::Route: ruin_segment(instance, state, work, rng, count, true); break;
  }
}

}  // namespace core::planner
