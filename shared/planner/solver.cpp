#include "shared/planner/solver.h"

#include "shared/planner/instance.h"
#include "shared/planner/report.h"
#include "shared/planner/top_search.h"

namespace core::planner {

Solution solve(const Problem& problem, const SolveOptions& options) {
  validate_problem(problem);
  const Instance instance = build_instance(problem);
  const TopState best = search_tours(instance, options);
  return make_solution(problem, instance, best);
}

}  // namespace core::planner
