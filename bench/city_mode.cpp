// `city` mode: a synthetic but city-like walking problem, solved with the product's default effort.
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <vector>

#include "bench/deadline.h"
#include "bench/options.h"
#include "shared/planner/rng.h"
#include "shared/planner/solver.h"

namespace bench {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kEarthRadiusKm = 6371.0;
constexpr double kDetour = 1.3;  // street network vs straight line
constexpr double kWalkKmPerHour = 4.5;

struct Point {
  double lat;
  double lon;
};

double haversine_km(Point a, Point b) {
  const double rad = kPi / 180.0;
  const double dlat = (b.lat - a.lat) * rad;
  const double dlon = (b.lon - a.lon) * rad;
  const double h =
      std::sin(dlat / 2) * std::sin(dlat / 2) +
      std::cos(a.lat * rad) * std::cos(b.lat * rad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2.0 * kEarthRadiusKm * std::asin(std::sqrt(h));
}

// Normal deviate (Box-Muller) from the planner's portable generator.
double normal(core::planner::Rng& rng) {
  const double u = 1.0 - rng.uniform();
  const double v = rng.uniform();
  return std::sqrt(-2.0 * std::log(u)) * std::cos(2.0 * kPi * v);
}

// A dense historic core plus a few neighbourhood clusters, about 5 km across (a Paris-like centre).
std::vector<Point> city_points(int count, core::planner::Rng& rng) {
  const Point centre{48.8566, 2.3522};
  const double km_lat = 1.0 / 111.0;
  const double km_lon = 1.0 / (111.0 * std::cos(centre.lat * kPi / 180.0));
  std::vector<Point> hubs{{0.0, 0.0}};
  for (int h = 0; h < 5; ++h)
    hubs.push_back({2.5 * (rng.uniform() - 0.5) * 2.0, 2.5 * (rng.uniform() - 0.5) * 2.0});
  std::vector<Point> points{centre};  // node 0: the tours' meeting point
  for (int i = 0; i < count; ++i) {
    const bool core = rng.uniform() < 0.4;
    const Point hub = core ? hubs[0] : hubs[static_cast<std::size_t>(1 + rng.below(5))];
    const double spread = core ? 0.8 : 0.5;
    const double x = hub.lat + spread * normal(rng);
    const double y = hub.lon + spread * normal(rng);
    points.push_back({centre.lat + x * km_lat, centre.lon + y * km_lon});
  }
  return points;
}

core::planner::Problem make_city(const Options& options) {
  core::planner::Rng rng(options.seed);
  const std::vector<Point> points = city_points(options.points, rng);
  const int n = static_cast<int>(points.size());
  core::planner::Problem p;
  p.travel = core::planner::CostMatrix(n);
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < n; ++j) {
      const double km =
          haversine_km(points[static_cast<std::size_t>(i)], points[static_cast<std::size_t>(j)]);
      p.travel(i, j) = km * kDetour / kWalkKmPerHour * 60.0;  // minutes
    }
  }
  p.score.assign(static_cast<std::size_t>(n), 0.0);
  p.service.assign(static_cast<std::size_t>(n), 0.0);
  for (int i = 1; i < n; ++i) {
    // Interest is skewed (few landmarks, many minor sights); visits last 10-60 min.
    const double u = rng.uniform();
    p.score[static_cast<std::size_t>(i)] = std::floor(1.0 + 99.0 * u * u * u);
    p.service[static_cast<std::size_t>(i)] = 10.0 + 5.0 * static_cast<double>(rng.below(11));
  }
  p.tour_count = options.tours;
  p.budget.assign(static_cast<std::size_t>(options.tours), options.budget_min);
  p.ends.assign(static_cast<std::size_t>(options.tours), core::planner::TourEnds{0, 0});
  return p;
}

struct Run {
  core::planner::Solution solution;
  double seconds;
};

Run run_once(const core::planner::Problem& problem, const Options& options, bool limited) {
  const Deadline deadline(limited ? options.time_limit_ms : 0);
  core::planner::SolveOptions solve_options;
  solve_options.seed = options.seed;
  solve_options.max_iterations = options.iterations;
  if (limited) {
    solve_options.max_iterations = INT64_MAX;
    solve_options.stop = &deadline;
  }
  core::planner::Solution solution = core::planner::solve(problem, solve_options);
  return {std::move(solution), deadline.elapsed_s()};
}

}  // namespace

int run_city(const Options& options) {
  const core::planner::Problem problem = make_city(options);
  const Run quick = run_once(problem, options, false);
  std::printf("points,tours,budget,seed,score,travel,seconds");
  if (options.time_limit_given) std::printf(",long_ms,long_score,long_seconds,gap_percent");
  std::printf("\n%d,%d,%g,%llu,%.0f,%.1f,%.3f",
              options.points,
              options.tours,
              options.budget_min,
              static_cast<unsigned long long>(options.seed),
              quick.solution.score,
              quick.solution.travel,
              quick.seconds);
  if (options.time_limit_given) {
    const Run slow = run_once(problem, options, true);
    const double gap = (slow.solution.score - quick.solution.score) / slow.solution.score * 100.0;
    std::printf(",%lld,%.0f,%.3f,%.3f",
                static_cast<long long>(options.time_limit_ms),
                slow.solution.score,
                slow.seconds,
                gap);
  }
  std::printf("\n");
  return 0;
}

}  // namespace bench
