#include "shared/algo/tour_titles.h"

#include <algorithm>
#include <numeric>
#include <set>
#include <string>

namespace core::algo {
namespace {

// Stop names, most interesting first (ties: tour order), each name once.
std::vector<std::string> names_by_interest(const model::Tour& tour) {
  std::vector<std::size_t> order(tour.stops.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&tour](std::size_t x, std::size_t y) {
    return tour.stops[x].interest_score > tour.stops[y].interest_score;
  });
  std::vector<std::string> names;
  for (const std::size_t i : order) {
    const std::string& name = tour.stops[i].name;
    if (!name.empty() && std::find(names.begin(), names.end(), name) == names.end())
      names.push_back(name);
  }
  return names;
}

std::string title_for(const model::Tour& tour, const std::set<std::string>& taken) {
  const std::vector<std::string> names = names_by_interest(tour);
  if (names.empty()) return "Tour " + std::to_string(tour.index + 1);
  if (names.size() == 1 && taken.count(names.front()) == 0) return names.front();
  for (std::size_t second = 1; second < names.size(); ++second) {
    std::string title = names.front() + " & " + names[second];
    if (taken.count(title) == 0) return title;
  }
  return names.front() + " (" + std::to_string(tour.index + 1) + ")";
}

}  // namespace

void title_tours(std::vector<model::Tour>& tours) {
  std::set<std::string> taken;
  for (std::size_t i = 0; i < tours.size(); ++i) {
    tours[i].index = static_cast<int>(i);
    tours[i].title = title_for(tours[i], taken);
    taken.insert(tours[i].title);
  }
}

}  // namespace core::algo
