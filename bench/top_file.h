#pragma once

#include <string>
#include <vector>

namespace bench {

/// A Chao-format Team Orienteering instance: row 0 is the start depot, row n-1 the end depot.
struct TopFile {
  int n = 0;
  int m = 0;
  double tmax = 0.0;
  std::vector<double> x, y, score;
};

/// Reads a Chao-format TOP file (`n`, `m`, `tmax` header, then n rows `x y score`); throws on
/// error.
TopFile read_top(const std::string& path);

/// Unrounded Euclidean distance between rows `a` and `b`: the travel time of the benchmark.
double euclid(const TopFile& f, int a, int b);

/// Checks `paths` (node rows in visiting order, one per team member) against the file data: no
/// depot as a stop, no node twice, each non-empty path within tmax summed in visiting order with
/// unrounded distances. Returns the collected score; throws std::runtime_error on any violation.
double verify_paths(const TopFile& f, const std::vector<std::vector<int>>& paths);

}  // namespace bench
