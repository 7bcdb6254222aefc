#include "server/pipeline/budget_check.h"

#include <cmath>
#include <string>

#include "shared/algo/budget_repair.h"
#include "shared/algo/tour_shape.h"
#include "shared/algo/tour_titles.h"

namespace server::pipeline {
namespace {

constexpr double kToleranceMinutes = 1e-6;

bool over_budget(const core::model::Tour& tour) {
  return tour.total_minutes > tour.budget_minutes + kToleranceMinutes;
}

bool pinned(const core::model::Tour& tour) {
  if (tour.order_locked) return true;
  for (const core::model::TourStop& stop : tour.stops) {
    if (stop.locked) return true;
  }
  return false;
}

std::string joined(const std::vector<std::string>& names) {
  std::string text;
  for (const std::string& name : names) text += (text.empty() ? "\"" : ", \"") + name + "\"";
  return text;
}

}  // namespace

void keep_within_budgets(const core::model::City& city,
                         std::vector<core::model::Tour>& tours,
                         DistanceProvider& distances,
                         const core::model::GenerationOptions& options,
                         RunContext& context) {
  std::vector<std::size_t> repaired;
  for (std::size_t t = 0; t < tours.size(); ++t) {
    core::model::recompute_totals(tours[t]);
    if (!over_budget(tours[t])) continue;
    const long measured = std::lround(tours[t].total_minutes);
    const std::vector<std::string> dropped = core::algo::drop_until_within_budget(tours[t]);
    context.notes.push_back("\"" + tours[t].title + "\" took " + std::to_string(measured) + " of " +
                            std::to_string(tours[t].budget_minutes) +
                            " min on the measured walks: dropped " + joined(dropped));
    repaired.push_back(t);
  }
  if (repaired.empty()) return;
  // The joined legs still pass the dropped stops; the provider's own legs for the new order are
  // shorter where the walk can cut across.
  std::vector<core::model::Tour> direct;
  for (const std::size_t t : repaired) direct.push_back(tours[t]);
  distances.legs(city, direct, options, context);
  for (std::size_t i = 0; i < repaired.size(); ++i) {
    core::model::recompute_totals(direct[i]);
    if (!over_budget(direct[i])) tours[repaired[i]] = std::move(direct[i]);
  }
  std::erase_if(tours, [&context](const core::model::Tour& tour) {
    if (pinned(tour) || tour.stops.size() >= static_cast<std::size_t>(core::algo::kMinStopsPerTour))
      return false;
    context.notes.push_back("\"" + tour.title + "\" dropped: under " +
                            std::to_string(core::algo::kMinStopsPerTour) +
                            " stops within its budget");
    return true;
  });
  core::algo::title_tours(tours);
}

}  // namespace server::pipeline
