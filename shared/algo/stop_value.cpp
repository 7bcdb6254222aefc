#include "shared/algo/stop_value.h"

#include <algorithm>
#include <cmath>

namespace core::algo {

double stop_value(double score) {
  return 100.0 * std::exp2((std::clamp(score, 0.0, 100.0) - 100.0) / kValueDoublingPoints);
}

int max_stop_minutes(int minutes_per_tour) {
  return std::max(15, minutes_per_tour / 6);
}

int stop_minutes(int minutes, int minutes_per_tour) {
  return std::min(minutes, max_stop_minutes(minutes_per_tour));
}

}  // namespace core::algo
