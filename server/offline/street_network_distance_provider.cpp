#include "server/offline/street_network_distance_provider.h"

#include <cstdio>

#include "server/errors.h"
#include "shared/algo/walking_model.h"

namespace server::offline {
namespace {

core::routing::WalkOptions walk_options(const core::model::GenerationOptions& options) {
  core::routing::WalkOptions walk;
  walk.speed_kmh = options.walking_speed_kmh;
  walk.step_free = options.step_free;
  return walk;
}

core::algo::WalkingModel model_of(const core::model::GenerationOptions& options) {
  return {options.walking_speed_kmh, options.detour_factor};
}

std::string model_text(const core::model::GenerationOptions& options) {
  char text[64];
  std::snprintf(text, sizeof text, "walking model (straight line x %.2f)", options.detour_factor);
  return text;
}

bool enough_of(std::size_t reached, std::size_t points) {
  return static_cast<double>(reached) >= kMinNetworkShare * static_cast<double>(points);
}

// Rows and columns of the points the network does not reach take the model's walks.
void walk_model_for(const std::vector<core::routing::UnsnappedPoint>& unsnapped,
                    const std::vector<core::model::GeoPoint>& points,
                    const core::model::GenerationOptions& options,
                    core::algo::TravelMatrix& matrix) {
  const core::algo::TravelMatrix model = core::algo::walking_matrix(points, model_of(options));
  const int n = static_cast<int>(points.size());
  for (const core::routing::UnsnappedPoint& point : unsnapped) {
    const int u = static_cast<int>(point.index);
    for (int other = 0; other < n; ++other) {
      for (const auto& [from, to] : {std::pair{u, other}, std::pair{other, u}}) {
        matrix.metres(from, to) = model.metres(from, to);
        matrix.minutes(from, to) = model.minutes(from, to);
      }
    }
  }
}

}  // namespace

StreetNetworkDistanceProvider::StreetNetworkDistanceProvider(
    std::vector<std::unique_ptr<pipeline::NetworkSource>> sources)
    : m_sources(std::move(sources)) {}

std::shared_ptr<const core::routing::Router>
StreetNetworkDistanceProvider::network_for(const core::model::City& city,
                                           const std::vector<core::model::GeoPoint>& points,
                                           pipeline::RunContext& context) const {
  for (const auto& source : m_sources) {
    try {
      if (auto network = source->network_for(city, points, context)) return network;
    } catch (const UpstreamError& e) {
      context.notes.push_back(source->name() + " failed: " + e.what());
    }
  }
  return nullptr;
}

std::string StreetNetworkDistanceProvider::sources_text() const {
  std::string text;
  for (const auto& source : m_sources) text += (text.empty() ? "" : " or ") + source->name();
  return text;
}

std::string
StreetNetworkDistanceProvider::describe(const core::model::GenerationOptions& options) const {
  char speed[64];
  std::snprintf(speed, sizeof speed, " at %.1f km/h, else the ", options.walking_speed_kmh);
  return "street network (" + sources_text() + ", foot profile" +
         (options.step_free ? ", step-free" : "") + ")" + speed + model_text(options);
}

core::algo::TravelMatrix
StreetNetworkDistanceProvider::matrix(const core::model::City& city,
                                      const std::vector<core::model::GeoPoint>& points,
                                      const core::model::GenerationOptions& options,
                                      pipeline::RunContext& context) {
  const std::shared_ptr<const core::routing::Router> router = network_for(city, points, context);
  if (router == nullptr) {
    context.notes.push_back("no street network for " + city.name + ": " + model_text(options));
    return core::algo::walking_matrix(points, model_of(options));
  }
  core::routing::RouterWorkspace workspace;
  core::routing::NetworkMatrix network = router->matrix(points, walk_options(options), workspace);
  const std::size_t reached = points.size() - network.unsnapped.size();
  if (!enough_of(reached, points.size())) {
    context.notes.push_back("the street network reaches only " + std::to_string(reached) + " of " +
                            std::to_string(points.size()) + " points: " + model_text(options));
    return core::algo::walking_matrix(points, model_of(options));
  }
  std::string note = "street network: " + std::to_string(points.size()) + " points";
  if (!network.unsnapped.empty()) {
    walk_model_for(network.unsnapped, points, options, network.travel);
    note += ", " + std::to_string(network.unsnapped.size()) +
            " more than 300 m from a walkable way (the model walks to and from them)";
  }
  context.notes.push_back(note);
  return std::move(network.travel);
}

void StreetNetworkDistanceProvider::legs(const core::model::City& city,
                                         std::vector<core::model::Tour>& tours,
                                         const core::model::GenerationOptions& options,
                                         pipeline::RunContext& context) {
  std::vector<core::model::GeoPoint> all;
  for (const core::model::Tour& tour : tours) {
    const auto points = core::model::waypoints(tour);
    all.insert(all.end(), points.begin(), points.end());
  }
  if (all.empty()) return;
  const std::shared_ptr<const core::routing::Router> router = network_for(city, all, context);
  if (router == nullptr) return;  // the planner's straight legs are the model's walks
  const core::routing::WalkOptions walk = walk_options(options);
  core::routing::RouterWorkspace workspace;
  std::size_t reached = 0;
  for (const core::model::GeoPoint& point : all)
    reached += router->snap(point, walk).has_value() ? 1U : 0U;
  // The plan walked the model here (see matrix()): paths of another source would break its times.
  if (!enough_of(reached, all.size())) return;
  for (core::model::Tour& tour : tours) {
    const std::vector<core::model::GeoPoint> points = core::model::waypoints(tour);
    for (std::size_t i = 0; i + 1 < points.size() && i < tour.legs.size(); ++i) {
      core::routing::NetworkPath path = router->path(points[i], points[i + 1], walk, workspace);
      if (path.found) tour.legs[i] = {path.metres, path.minutes, std::move(path.polyline)};
    }
    core::model::recompute_totals(tour);
  }
}

}  // namespace server::offline
