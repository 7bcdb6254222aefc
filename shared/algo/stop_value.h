#pragma once

namespace core::algo {

/// Interest points that double a stop's value. Scores are 0..100: a plain sum lets three fillers
/// of 45 (135) outweigh a headline sight of 93. Doubling every 15 points makes the 93 worth almost
/// six fillers of 45 and four ordinary sights of 63, while two good sights (83 each) still beat one
/// headline: the order an editor chooses in.
inline constexpr double kValueDoublingPoints = 15.0;

/// What visiting a stop of interest `score` (0..100) is worth to the planner: 100 at 100, halved
/// for every kValueDoublingPoints below (63 at 90, 25 at 70, 10 at 50). Never below zero.
double stop_value(double score);

/// Longest time a tour spends at one stop, for a tour budget of `minutes_per_tour`: a sixth of the
/// budget (30 of 180 minutes), at least 15. A stop is the tour's time at the place (the story, the
/// facade or the view, a short look inside), not a full inside visit: a museum's two hours would
/// make it a museum day, not a walk.
int max_stop_minutes(int minutes_per_tour);

/// `minutes` limited to max_stop_minutes(minutes_per_tour).
int stop_minutes(int minutes, int minutes_per_tour);

}  // namespace core::algo
