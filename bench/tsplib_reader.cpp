#include "bench/tsplib_reader.h"

#include <cmath>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace bench {
namespace {

std::string trim(const std::string& s) {
  const auto first = s.find_first_not_of(" \t\r");
  if (first == std::string::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t\r") - first + 1);
}

// TSPLIB's GEO conversion: DDD.MM (degrees.minutes) to radians, with TSPLIB's PI.
double geo_radians(double v) {
  const double pi = 3.141592;
  const double deg = std::trunc(v);
  return pi * (deg + 5.0 * (v - deg) / 3.0) / 180.0;
}

}  // namespace

TsplibInstance read_tsplib(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path);
  TsplibInstance inst;
  int dimension = 0;
  std::string line;
  while (std::getline(in, line)) {
    const std::string t = trim(line);
    if (t.rfind("NODE_COORD_SECTION", 0) == 0) break;
    const auto colon = t.find(':');
    if (colon == std::string::npos) continue;
    const std::string key = trim(t.substr(0, colon));
    const std::string value = trim(t.substr(colon + 1));
    if (key == "DIMENSION") dimension = std::stoi(value);
    if (key == "EDGE_WEIGHT_TYPE") inst.type = value;
  }
  if (inst.type != "EUC_2D" && inst.type != "GEO")
    throw std::runtime_error(path + ": unsupported EDGE_WEIGHT_TYPE " + inst.type);
  if (dimension <= 0) throw std::runtime_error(path + ": missing DIMENSION");
  inst.x.resize(static_cast<std::size_t>(dimension));
  inst.y.resize(static_cast<std::size_t>(dimension));
  for (int k = 0; k < dimension; ++k) {
    int id = 0;
    double x = 0.0, y = 0.0;
    if (!(in >> id >> x >> y) || id < 1 || id > dimension)
      throw std::runtime_error(path + ": bad NODE_COORD_SECTION");
    inst.x[static_cast<std::size_t>(id - 1)] = x;
    inst.y[static_cast<std::size_t>(id - 1)] = y;
  }
  return inst;
}

long long tsplib_distance(const TsplibInstance& inst, int i, int j) {
  const auto a = static_cast<std::size_t>(i);
  const auto b = static_cast<std::size_t>(j);
  if (inst.type == "GEO") {
    if (i == j) return 0;
    const double lat_i = geo_radians(inst.x[a]), lon_i = geo_radians(inst.y[a]);
    const double lat_j = geo_radians(inst.x[b]), lon_j = geo_radians(inst.y[b]);
    const double q1 = std::cos(lon_i - lon_j);
    const double q2 = std::cos(lat_i - lat_j);
    const double q3 = std::cos(lat_i + lat_j);
    return static_cast<long long>(6378.388 * std::acos(0.5 * ((1.0 + q1) * q2 - (1.0 - q1) * q3)) +
                                  1.0);
  }
  const double dx = inst.x[a] - inst.x[b];
  const double dy = inst.y[a] - inst.y[b];
  return static_cast<long long>(std::sqrt(dx * dx + dy * dy) + 0.5);
}

}  // namespace bench
