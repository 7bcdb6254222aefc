#pragma once

#include <string>
#include <vector>

namespace bench {

/// A TSPLIB instance with EUC_2D or GEO coordinates.
struct TsplibInstance {
  std::string type;       ///< EDGE_WEIGHT_TYPE: "EUC_2D" or "GEO"
  std::vector<double> x;  ///< per city: NODE_COORD x (GEO: latitude, DDD.MM)
  std::vector<double> y;  ///< per city: NODE_COORD y (GEO: longitude, DDD.MM)
};

/// Reads NODE_COORD_SECTION data; throws std::runtime_error on other formats or bad files.
TsplibInstance read_tsplib(const std::string& path);

/// TSPLIB's integer distance between nodes i and j (nint Euclidean, or the GEO formula).
long long tsplib_distance(const TsplibInstance& instance, int i, int j);

}  // namespace bench
