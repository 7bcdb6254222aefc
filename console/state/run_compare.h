#pragma once

#include <string>
#include <vector>

#include "shared/edit/revision_diff.h"
#include "shared/model/revision.h"
#include "shared/model/run_trace.h"

namespace console::state {

/// One pipeline stage's figures in two runs (zero where a run lacks the stage).
struct StageDelta {
  std::string name;
  double seconds_a = 0.0;
  double seconds_b = 0.0;
  int calls_a = 0;
  int calls_b = 0;
  double cost_a = 0.0;
  double cost_b = 0.0;
  bool in_a = false;  ///< run A recorded this stage
  bool in_b = false;  ///< run B recorded this stage
};

/// Two runs of one city side by side: what B changes relative to A (tours' stops added,
/// dropped, reordered; attractions newly kept or dropped by the filter) and the stage figures.
struct RunComparison {
  core::edit::RevisionChanges changes;
  std::vector<StageDelta> stages;  ///< A's stages in order, then stages only B has
  StageDelta total;                ///< "total": the sums over every stage of each run
  int candidates_a = 0;
  int candidates_b = 0;
  int kept_a = 0;
  int kept_b = 0;
};

/// The revision a run produced (its decisions and final tours), for core::edit's comparison.
core::model::Revision revision_of(const core::model::RunTrace& run);

/// Compares run `b` against run `a` with core::edit::compare_revisions.
RunComparison compare_runs(const core::model::RunTrace& a, const core::model::RunTrace& b);

/// How B's time for a stage compares with A's, at the four decimals the timings are shown with.
enum class Trend { Faster, Same, Slower, Unmatched };

/// Faster or Slower when B's seconds differ from A's by at least 0.0001 s, else Same;
/// Unmatched when one run lacks the stage.
Trend seconds_trend(const StageDelta& stage);

/// B's time for a stage against A's: "+0.0120 s (+35%)", "-0.0030 s (-10%)", "same"; without a
/// percentage when A took no measurable time; "only in B" / "only in A" when one run lacks it.
std::string seconds_change(const StageDelta& stage);

}  // namespace console::state
