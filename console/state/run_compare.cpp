#include "console/state/run_compare.h"

#include <algorithm>
#include <cstdio>

namespace console::state {
namespace {

int kept(const core::model::RunTrace& run) {
  return static_cast<int>(std::count_if(
      run.decisions.begin(), run.decisions.end(), [](const core::model::Attraction& a) {
        return a.included;
      }));
}

// Stage timings are shown with four decimals: less than that is "no measurable time".
constexpr double kMeasurableSeconds = 0.0001;

}  // namespace

core::model::Revision revision_of(const core::model::RunTrace& run) {
  core::model::Revision revision;
  revision.city_id = run.city.id;
  revision.job_id = run.job_id;
  revision.origin = core::model::RevisionOrigin::Generation;
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
  result.total = {"total", 0.0, 0.0, 0, 0, 0.0, 0.0, true, true};
  for (const core::model::StageRecord& stage : a.stages) {
    result.stages.push_back({to_string(stage.stage),
                             stage.seconds,
                             0.0,
                             stage.calls,
                             0,
                             stage.cost_usd,
                             0.0,
                             true,
                             false});
    result.total.seconds_a += stage.seconds;
    result.total.calls_a += stage.calls;
    result.total.cost_a += stage.cost_usd;
  }
  for (const core::model::StageRecord& stage : b.stages) {
    auto it = std::find_if(result.stages.begin(), result.stages.end(), [&](const StageDelta& d) {
      return d.name == to_string(stage.stage);
    });
    if (it == result.stages.end())
      it = result.stages.insert(result.stages.end(), StageDelta{to_string(stage.stage)});
    it->seconds_b = stage.seconds;
    it->calls_b = stage.calls;
    it->cost_b = stage.cost_usd;
    it->in_b = true;
    result.total.seconds_b += stage.seconds;
    result.total.calls_b += stage.calls;
    result.total.cost_b += stage.cost_usd;
  }
  return result;
}

Trend seconds_trend(const StageDelta& stage) {
  if (!stage.in_a || !stage.in_b) return Trend::Unmatched;
  const double change = stage.seconds_b - stage.seconds_a;
  // A hair under the step too: 0.0003 -> 0.0004 is a step of 0.0001 that floating point may miss.
  if (change >= kMeasurableSeconds * 0.999) return Trend::Slower;
  if (change <= -kMeasurableSeconds * 0.999) return Trend::Faster;
  return Trend::Same;
}

std::string seconds_change(const StageDelta& stage) {
  if (!stage.in_b) return "only in A";
  if (!stage.in_a) return "only in B";
  if (seconds_trend(stage) == Trend::Same) return "same";
  const double change = stage.seconds_b - stage.seconds_a;
  char text[64];
  if (stage.seconds_a < kMeasurableSeconds) {
    std::snprintf(text, sizeof text, "%+.4f s", change);
  } else {
    std::snprintf(text, sizeof text, "%+.4f s (%+.0f%%)", change, 100.0 * change / stage.seconds_a);
  }
  return text;
}

}  // namespace console::state
