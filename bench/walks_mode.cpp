// `walks` mode: walks every leg of generated city documents on the city's embedded street network,
// independently of how the tours were planned, and says which tours keep their promise on foot.
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "bench/options.h"
#include "server/offline/embedded_catalogue.h"
#include "server/offline/walking_networks.h"
#include "shared/algo/polyline.h"
#include "shared/json/city_messages.h"

namespace bench {
namespace {

// A leg drawn as a straight segment this long crosses blocks, rivers or hills on a map.
constexpr double kStraightLegM = 150.0;

struct Walked {
  double planned_m = 0.0;
  double street_m = 0.0;
  int tours = 0;
  int over_budget = 0;
  double worst_minutes = 0.0;  // largest total on foot, of its budget
  int worst_budget = 0;
  int straight_legs = 0;
  int unwalkable_legs = 0;  // no path on the network (a point off it)
};

Walked walk(const core::routing::Router& router, const core::model::Revision& revision) {
  Walked walked;
  core::routing::WalkOptions options;
  options.speed_kmh = revision.options.walking_speed_kmh;
  options.step_free = revision.options.step_free;
  core::routing::RouterWorkspace workspace;
  for (const core::model::Tour& tour : revision.tours) {
    const std::vector<core::model::GeoPoint> points = core::model::waypoints(tour);
    double minutes = tour.visit_minutes;
    for (std::size_t i = 0; i + 1 < points.size() && i < tour.legs.size(); ++i) {
      const core::model::TourLeg& leg = tour.legs[i];
      walked.planned_m += leg.distance_m;
      const core::routing::NetworkPath path =
          router.path(points[i], points[i + 1], options, workspace);
      if (!path.found) {
        ++walked.unwalkable_legs;
        walked.street_m += leg.distance_m;
        minutes += leg.walk_minutes;
      } else {
        walked.street_m += path.metres;
        minutes += path.minutes;
      }
      if (leg.distance_m > kStraightLegM && core::algo::decode_polyline(leg.polyline).size() <= 2)
        ++walked.straight_legs;
    }
    ++walked.tours;
    walked.over_budget += minutes > tour.budget_minutes + 0.5 ? 1 : 0;
    if (minutes / tour.budget_minutes > walked.worst_minutes / std::max(1, walked.worst_budget)) {
      walked.worst_minutes = minutes;
      walked.worst_budget = tour.budget_minutes;
    }
  }
  return walked;
}

}  // namespace

int run_walks(const Options& options) {
  std::printf("city,tours,planned_km,street_km,ratio,over_budget_on_foot,worst_minutes,budget,"
              "straight_legs_over_150m,"
              "legs_off_network\n");
  int failures = 0;
  for (const std::string& file : options.files) {
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    const auto document = nlohmann::json::parse(text.str()).get<core::json::CityDocument>();
    const core::model::City& city = document.city;
    const core::model::Revision& revision = document.revision;
    const auto* embedded = server::offline::EmbeddedCatalogue::builtin().find(city.place_id);
    const auto* network =
        embedded ? server::offline::WalkingNetworks::builtin().find(embedded->key) : nullptr;
    if (network == nullptr) {
      std::fprintf(
          stderr, "%s: no embedded street network for %s\n", file.c_str(), city.name.c_str());
      ++failures;
      continue;
    }
    const Walked walked = walk(*network->router, revision);
    std::printf("%s,%d,%.1f,%.1f,%.2f,%d,%.0f,%d,%d,%d\n",
                embedded->key.c_str(),
                walked.tours,
                walked.planned_m / 1000.0,
                walked.street_m / 1000.0,
                walked.planned_m > 0 ? walked.street_m / walked.planned_m : 0.0,
                walked.over_budget,
                walked.worst_minutes,
                walked.worst_budget,
                walked.straight_legs,
                walked.unwalkable_legs);
  }
  return failures == 0 ? 0 : 1;
}

}  // namespace bench
