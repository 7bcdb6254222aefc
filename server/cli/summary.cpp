#include "server/cli/summary.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "shared/json/model_json.h"

namespace server::cli {
namespace {

// `value` with `decimals` digits after the point.
std::string fixed(double value, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

void print_reasons(std::ostream& out, const std::map<std::string, int>& counts) {
  std::vector<std::pair<std::string, int>> sorted(counts.begin(), counts.end());
  std::stable_sort(sorted.begin(), sorted.end(), [](const auto& x, const auto& y) {
    return x.second > y.second;
  });
  for (std::size_t i = 0; i < sorted.size() && i < 5; ++i) {
    out << "    " << sorted[i].second << " x " << sorted[i].first << "\n";
  }
}

void print_tour(std::ostream& out, const core::model::Tour& tour) {
  out << "\nTour " << tour.index + 1 << ": " << tour.title << "\n"
      << "  " << tour.stops.size() << " stops, " << fixed(tour.walk_distance_m / 1000.0, 1)
      << " km walking (" << fixed(tour.walk_minutes, 0) << " min) + " << tour.visit_minutes
      << " min of visits = " << fixed(tour.total_minutes, 0) << " of " << tour.budget_minutes
      << " min\n";
  const std::size_t first_leg = tour.start ? 1 : 0;
  for (std::size_t i = 0; i < tour.stops.size(); ++i) {
    const core::model::TourStop& stop = tour.stops[i];
    out << "  " << (i + 1 < 10 ? " " : "") << i + 1 << ". " << stop.name << " ("
        << stop.visit_minutes << " min";
    const std::size_t leg = first_leg + i - 1;
    if (i + first_leg > 0 && leg < tour.legs.size()) {
      out << ", " << fixed(tour.legs[leg].distance_m, 0) << " m walk before";
    }
    out << ")" << (stop.locked ? " [locked]" : "") << "\n";
  }
}

}  // namespace

void print_stages(std::ostream& out, const std::vector<core::model::StageRecord>& stages) {
  out << "\nStages (time, external calls, estimated cost):\n";
  double seconds = 0.0;
  double cost = 0.0;
  int calls = 0;
  for (const core::model::StageRecord& stage : stages) {
    char line[160];
    std::snprintf(line,
                  sizeof line,
                  "  %-12s %7.3f s %4d calls  $%.4f",
                  to_string(stage.stage),
                  stage.seconds,
                  stage.calls,
                  stage.cost_usd);
    out << line << (stage.note.empty() ? "" : "  " + stage.note) << "\n";
    seconds += stage.seconds;
    cost += stage.cost_usd;
    calls += stage.calls;
  }
  char total[120];
  std::snprintf(
      total, sizeof total, "  %-12s %7.3f s %4d calls  $%.4f", "total", seconds, calls, cost);
  out << total << "\n";
}

std::string reason_family(const std::string& reason) {
  const std::size_t cut = std::min({reason.find(" ("), reason.find(" \""), reason.find(';')});
  return reason.substr(0, cut);
}

void print_summary(std::ostream& out,
                   const core::model::City& city,
                   const core::model::Revision& revision,
                   const std::vector<std::string>& warnings) {
  out << city.name << ", " << city.country_code << " (" << city.place_id << ")\n"
      << "  city id " << city.id << ", revision " << revision.number << " ("
      << to_string(revision.status) << ")\n";
  if (!city.note.empty()) out << "  data: " << city.note << "\n";
  std::map<std::string, int> kept_reasons;
  std::map<std::string, int> dropped_reasons;
  int kept = 0;
  for (const core::model::Attraction& a : revision.attractions) {
    const bool included = core::model::effective_included(a);
    kept += included ? 1 : 0;
    ++(included ? kept_reasons : dropped_reasons)[reason_family(a.reason)];
  }
  out << "\nCandidates: " << revision.attractions.size() << ", kept " << kept << ", dropped "
      << revision.attractions.size() - static_cast<std::size_t>(kept) << "\n  kept:\n";
  print_reasons(out, kept_reasons);
  out << "  dropped:\n";
  print_reasons(out, dropped_reasons);
  for (const core::model::Tour& tour : revision.tours) print_tour(out, tour);
  for (const std::string& warning : warnings) out << "\nwarning: " << warning << "\n";
}

}  // namespace server::cli
