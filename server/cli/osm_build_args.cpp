#include "server/cli/osm_build_args.h"

#include <charconv>
#include <cstdio>
#include <filesystem>

#include "shared/errors.h"

namespace server::cli {

core::model::BoundingBox parse_bbox(const std::string& text) {
  double values[4] = {0, 0, 0, 0};
  std::size_t start = 0;
  for (int i = 0; i < 4; ++i) {
    const std::size_t end = i < 3 ? text.find(',', start) : text.size();
    if (end == std::string::npos) break;
    const auto [ptr, error] = std::from_chars(text.data() + start, text.data() + end, values[i]);
    if (error != std::errc() || ptr != text.data() + end) {
      throw core::InputError("--bbox must be S,W,N,E in degrees, got \"" + text + "\"",
                             "invalid_arguments");
    }
    start = end + 1;
  }
  if (start != text.size() + 1 || values[0] >= values[2] || values[1] >= values[3]) {
    throw core::InputError("--bbox must be S,W,N,E with S < N and W < E, got \"" + text + "\"",
                           "invalid_arguments");
  }
  return {{values[0], values[1]}, {values[2], values[3]}};
}

const offline::EmbeddedCity& embedded_city(const std::string& key) {
  for (const offline::EmbeddedCity& city : offline::EmbeddedCatalogue::builtin().cities()) {
    if (city.key == key) return city;
  }
  throw core::InputError("--city: no embedded city \"" + key + "\" (see narrando-server cities)",
                         "invalid_arguments");
}

std::string bbox_string(const core::model::BoundingBox& box) {
  char text[96];
  std::snprintf(text,
                sizeof text,
                "%.5f,%.5f,%.5f,%.5f",
                box.low.lat_deg,
                box.low.lon_deg,
                box.high.lat_deg,
                box.high.lon_deg);
  return text;
}

std::string source_text(const std::vector<std::string>& paths, const std::string& bbox) {
  std::string text;
  for (const std::string& path : paths) {
    text += (text.empty() ? "" : "+") + std::filesystem::path(path).filename().string();
  }
  return text + "; bbox " + bbox;
}

}  // namespace server::cli
