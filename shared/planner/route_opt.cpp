#include "shared/planner/route_opt.h"

#include <algorithm>

namespace core::planner {
namespace {

// One sweep of 2-opt over `seq` (reverse seq[i..j]), applying every improving move met on the
// way; returns true if any. Prefix sums are refreshed after each move (asymmetric deltas).
bool two_opt(const Instance& inst, std::vector<int>& seq, Workspace& work) {
  const int last = static_cast<int>(seq.size()) - 1;
  const double* fwd = work.fwd.data();
  const double* bwd = work.bwd.data();
  bool improved = false;
  for (int i = 1; i < last - 1; ++i) {
    const int a = seq[at(i - 1)];
    const int b = seq[at(i)];
    const double ab = inst.d(a, b);
    for (int j = i + 1; j < last; ++j) {
      const int c = seq[at(j)];
      const int e = seq[at(j + 1)];
      const double delta =
          inst.d(a, c) + inst.d(b, e) - ab - inst.d(c, e) + (bwd[j] - bwd[i]) - (fwd[j] - fwd[i]);
      if (delta < -kEpsilon) {
        std::reverse(seq.begin() + i, seq.begin() + j + 1);
        prefix_travel(inst, seq, work);
        improved = true;
        --i;  // re-examine position i with its new stop
        break;
      }
    }
  }
  return improved;
}

// Moves seq[i..i+len) to just before seq[k] (k outside the segment), reversed if asked.
void move_segment(std::vector<int>& seq, int i, int len, int k, bool reversed) {
  int first = 0;
  if (k < i) {
    std::rotate(seq.begin() + k, seq.begin() + i, seq.begin() + i + len);
    first = k;
  } else {
    std::rotate(seq.begin() + i, seq.begin() + i + len, seq.begin() + k);
    first = k - len;
  }
  if (reversed) std::reverse(seq.begin() + first, seq.begin() + first + len);
}

// One sweep of Or-opt for segments of `len` stops, applying every improving move met on the way;
// returns true if any.
bool or_opt(const Instance& inst, std::vector<int>& seq, Workspace& work, int len) {
  const int last = static_cast<int>(seq.size()) - 1;
  bool improved = false;
  for (int i = 1; i + len <= last; ++i) {
    const int p = seq[at(i - 1)];
    const int f = seq[at(i)];
    const int l = seq[at(i + len - 1)];
    const int nx = seq[at(i + len)];
    const double removal = inst.d(p, f) + inst.d(l, nx) - inst.d(p, nx);
    if (removal <= kEpsilon) continue;  // with detours >= 0 no new place can be cheaper
    const double twist = (work.bwd[at(i + len - 1)] - work.bwd[at(i)]) -
                         (work.fwd[at(i + len - 1)] - work.fwd[at(i)]);
    for (int k = 1; k <= last; ++k) {
      if (k >= i && k <= i + len) continue;
      const int x = seq[at(k - 1)];
      const int y = seq[at(k)];
      const double base = inst.d(x, y) + removal;
      const double forward = inst.d(x, f) + inst.d(l, y) - base;
      const double backward = inst.d(x, l) + inst.d(f, y) + twist - base;
      if (forward < -kEpsilon || backward < -kEpsilon) {
        move_segment(seq, i, len, k, backward < forward);
        prefix_travel(inst, seq, work);
        improved = true;
        break;
      }
    }
  }
  return improved;
}

}  // namespace

void prefix_travel(const Instance& instance, const std::vector<int>& seq, Workspace& work) {
  work.fwd[0] = 0.0;
  work.bwd[0] = 0.0;
  for (std::size_t p = 0; p + 1 < seq.size(); ++p) {
    work.fwd[p + 1] = work.fwd[p] + instance.d(seq[p], seq[p + 1]);
    work.bwd[p + 1] = work.bwd[p] + instance.d(seq[p + 1], seq[p]);
  }
}

bool optimise_route(const Instance& instance, TopState& state, int r, Workspace& work) {
  std::vector<int>& seq = state.edit(r);
  if (seq.size() < 4) return false;
  bool changed = false;
  prefix_travel(instance, seq, work);
  for (bool improved = true; improved;) {
    improved = two_opt(instance, seq, work);
    for (int len = 1; len <= 3; ++len) improved = or_opt(instance, seq, work, len) || improved;
    changed = changed || improved;
  }
  if (changed) state.refresh(r);
  debug_check(state, "route reordering");
  return changed;
}

}  // namespace core::planner
