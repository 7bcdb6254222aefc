#pragma once

#include <stb_image.h>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "console/draw/map_transform.h"
#include "console/draw/palette.h"

namespace console::testing {

/// A PNG read back for pixel checks.
struct Image {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> rgba;

  /// Reads `path`; width stays 0 when it cannot.
  static Image load(const std::string& path) {
    Image image;
    int channels = 0;
    stbi_uc* pixels = stbi_load(path.c_str(), &image.width, &image.height, &channels, 4);
    if (!pixels) return {};
    image.rgba.assign(pixels, pixels + static_cast<std::size_t>(image.width * image.height * 4));
    stbi_image_free(pixels);
    return image;
  }

  /// The pixel at (x, y), black outside the image.
  draw::Rgba at(int x, int y) const {
    if (x < 0 || y < 0 || x >= width || y >= height) return {0, 0, 0, 255};
    const std::size_t i = (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                           static_cast<std::size_t>(x)) *
                          4;
    return {rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3]};
  }
};

/// True if `a` and `b` differ by at most `tolerance` in each of R, G and B.
inline bool same_colour(draw::Rgba a, draw::Rgba b, int tolerance = 12) {
  return std::abs(a.r - b.r) <= tolerance && std::abs(a.g - b.g) <= tolerance &&
         std::abs(a.b - b.b) <= tolerance;
}

/// Pixels of `colour` within `radius` of `centre`.
inline int count_colour(const Image& image, draw::Vec2 centre, double radius, draw::Rgba colour) {
  int count = 0;
  const int r = static_cast<int>(std::ceil(radius));
  for (int dy = -r; dy <= r; ++dy) {
    for (int dx = -r; dx <= r; ++dx) {
      if (dx * dx + dy * dy > radius * radius) continue;
      const int x = static_cast<int>(std::lround(centre.x)) + dx;
      const int y = static_cast<int>(std::lround(centre.y)) + dy;
      if (same_colour(image.at(x, y), colour)) ++count;
    }
  }
  return count;
}

/// The map transform the console used, from its sidecar (`<png>.json`).
inline draw::MapTransform transform_from(const nlohmann::json& sidecar) {
  const nlohmann::json& map = sidecar.at("map");
  draw::MapTransform transform;
  transform.centre = {map.at("centre").at("x").get<double>(),
                      map.at("centre").at("y").get<double>()};
  transform.zoom = map.at("zoom").get<double>();
  transform.origin = {map.at("canvas").at("x").get<double>(),
                      map.at("canvas").at("y").get<double>()};
  transform.size = {map.at("canvas").at("width").get<double>(),
                    map.at("canvas").at("height").get<double>()};
  return transform;
}

/// Distance from `p` to the segment a-b, in pixels.
inline double segment_distance(draw::Vec2 p, draw::Vec2 a, draw::Vec2 b) {
  const draw::Vec2 ab = b - a;
  const double length2 = ab.x * ab.x + ab.y * ab.y;
  double t = length2 > 0.0 ? ((p.x - a.x) * ab.x + (p.y - a.y) * ab.y) / length2 : 0.0;
  t = std::fmax(0.0, std::fmin(1.0, t));
  const draw::Vec2 closest = a + ab * t;
  return std::hypot(p.x - closest.x, p.y - closest.y);
}

}  // namespace console::testing
