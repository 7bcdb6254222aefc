#include "console/state/run_compare.h"

#include <algorithm>

namespace console::state {
namespace {

int kept(const core::model::RunTrace& run) {
  return static_cast<int>(std::count_if(run.decisions.begin(), run.decisions.end(),
                                        [](const core::model::Attraction& a) { return a.included; }));
}

}  // namespace

core::model::Revision revision_of(const core::model::RunTrace& run) {
  core::model::Revision revision;
  revision.city_id = run.city.id;
  revision.job_id = run.job_id;
  revision.origin = "generation";
  revision.options = run.options;
  revision.attractions = run.decisions;
  revision.tours = run.tours;
  return revision;
}

RunComparison compare_runs(const core::model::RunTrace& a, const core::model::RunTrace& b) {
  RunComparison result;
  result.changes = core::edit::compare_revisions(revision_of(a), revision_of(b));
  result.candidates_a = static_cast<int>(a.candidates.size());
  result.candidates_b = static_cast<int>(b.candidates.size());
  result.kept_a = kept(a);
  result.kept_b = kept(b);
  for (const core::model::StageRecord& stage : a.stages) {
    result.stages.push_back({stage.name, stage.seconds, 0.0, stage.calls, 0, stage.cost_usd, 0.0});
  }
  for (const core::model::StageRecord& stage : b.stages) {
    auto it = std::find_if(result.stages.begin(), result.stages.end(),
                           [&](const StageDelta& d) { return d.name == stage.name; });
    if (it == result.stages.end()) it = result.stages.insert(result.stages.end(), StageDelta{stage.name});
    it->seconds_b = stage.seconds;
    it->calls_b = stage.calls;
    it->cost_b = stage.cost_usd;
  }
  return result;
}

}  // namespace console::state
