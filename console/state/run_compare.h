#pragma once

#include <string>
#include <vector>

#include "shared/edit/revision_diff.h"
#include "shared/model/revision.h"
#include "shared/model/run_trace.h"

namespace console::state {

/// One pipeline stage's figures in two runs.
struct StageDelta {
  std::string name;
  double seconds_a = 0.0;
  double seconds_b = 0.0;
  int calls_a = 0;
  int calls_b = 0;
  double cost_a = 0.0;
  double cost_b = 0.0;
};

/// Two runs of one city side by side: what B changes relative to A (tours' stops added,
/// dropped, reordered; attractions newly kept or dropped by the filter) and the stage figures.
struct RunComparison {
  core::edit::RevisionChanges changes;
  std::vector<StageDelta> stages;  ///< A's stages in order, then stages only B has
  int candidates_a = 0;
  int candidates_b = 0;
  int kept_a = 0;
  int kept_b = 0;
};

/// The revision a run produced (its decisions and final tours), for core::edit's comparison.
core::model::Revision revision_of(const core::model::RunTrace& run);

/// Compares run `b` against run `a` with core::edit::compare_revisions.
RunComparison compare_runs(const core::model::RunTrace& a, const core::model::RunTrace& b);

}  // namespace console::state
