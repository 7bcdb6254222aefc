#include "shared/algo/polyline.h"

#include <cmath>
#include <cstdint>

#include "shared/errors.h"

namespace core::algo {
namespace {

constexpr double kPrecision = 1e5;

void encode_value(std::int64_t value, std::string& out) {
  // Zig-zag the sign into bit 0, then emit 5-bit groups, least significant first.
  std::uint64_t v = static_cast<std::uint64_t>(value) << 1;
  if (value < 0) v = ~v;
  while (v >= 0x20) {
    out += static_cast<char>((0x20 | (v & 0x1f)) + 63);
    v >>= 5;
  }
  out += static_cast<char>(v + 63);
}

std::int64_t decode_value(const std::string& encoded, std::size_t& pos) {
  std::uint64_t result = 0;
  int shift = 0;
  while (true) {
    if (pos >= encoded.size()) throw InputError("truncated encoded polyline", "invalid_polyline");
    const int chunk = static_cast<unsigned char>(encoded[pos++]) - 63;
    if (chunk < 0 || chunk > 0x3f || shift > 60) {
      throw InputError("malformed encoded polyline", "invalid_polyline");
    }
    result |= static_cast<std::uint64_t>(chunk & 0x1f) << shift;
    shift += 5;
    if ((chunk & 0x20) == 0) break;
  }
  return (result & 1) ? ~static_cast<std::int64_t>(result >> 1)
                      : static_cast<std::int64_t>(result >> 1);
}

}  // namespace

std::string encode_polyline(const std::vector<model::GeoPoint>& points) {
  std::string out;
  std::int64_t previous_lat = 0;
  std::int64_t previous_lon = 0;
  for (const model::GeoPoint& p : points) {
    // llround rounds half away from zero, as Google's reference does; truncation would drift.
    const std::int64_t lat = std::llround(p.lat_deg * kPrecision);
    const std::int64_t lon = std::llround(p.lon_deg * kPrecision);
    encode_value(lat - previous_lat, out);
    encode_value(lon - previous_lon, out);
    previous_lat = lat;
    previous_lon = lon;
  }
  return out;
}

std::vector<model::GeoPoint> decode_polyline(const std::string& encoded) {
  std::vector<model::GeoPoint> points;
  std::size_t pos = 0;
  std::int64_t lat = 0;
  std::int64_t lon = 0;
  while (pos < encoded.size()) {
    lat += decode_value(encoded, pos);
    lon += decode_value(encoded, pos);
    points.push_back(
        {static_cast<double>(lat) / kPrecision, static_cast<double>(lon) / kPrecision});
  }
  return points;
}

}  // namespace core::algo
