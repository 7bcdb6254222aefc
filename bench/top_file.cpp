// Chao-format TOP files, shared by the `top` and `top-exact` modes.
#include "bench/top_file.h"

#include <cmath>
#include <fstream>
#include <stdexcept>

namespace bench {

TopFile read_top(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path);
  TopFile f;
  std::string key;
  in >> key >> f.n >> key >> f.m >> key >> f.tmax;
  if (!in || f.n < 2 || f.m < 1) throw std::runtime_error("bad TOP header in " + path);
  for (int i = 0; i < f.n; ++i) {
    double x = 0, y = 0, s = 0;
    if (!(in >> x >> y >> s)) throw std::runtime_error("truncated TOP file " + path);
    f.x.push_back(x);
    f.y.push_back(y);
    f.score.push_back(s);
  }
  return f;
}

double euclid(const TopFile& f, int a, int b) {
  const double dx = f.x[static_cast<std::size_t>(a)] - f.x[static_cast<std::size_t>(b)];
  const double dy = f.y[static_cast<std::size_t>(a)] - f.y[static_cast<std::size_t>(b)];
  return std::sqrt(dx * dx + dy * dy);
}

double verify_paths(const TopFile& f, const std::vector<std::vector<int>>& paths) {
  if (static_cast<int>(paths.size()) != f.m) throw std::runtime_error("wrong number of paths");
  std::vector<char> seen(static_cast<std::size_t>(f.n), 0);
  double total = 0.0;
  for (const auto& tour : paths) {
    double length = 0.0;
    int prev = 0;
    for (const int node : tour) {
      if (node <= 0 || node >= f.n - 1) throw std::runtime_error("path visits a depot or bad node");
      if (seen[static_cast<std::size_t>(node)] != 0) throw std::runtime_error("node visited twice");
      seen[static_cast<std::size_t>(node)] = 1;
      length += euclid(f, prev, node);
      total += f.score[static_cast<std::size_t>(node)];
      prev = node;
    }
    length += euclid(f, prev, f.n - 1);
    // An empty path is a team member who stays home; it is feasible even when the two depots
    // alone are farther apart than tmax (Chao's value-0 instances).
    if (!tour.empty() && length > f.tmax) {
      throw std::runtime_error("path length " + std::to_string(length) + " exceeds tmax " +
                               std::to_string(f.tmax));
    }
  }
  return total;
}

}  // namespace bench
