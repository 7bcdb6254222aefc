#include "console/draw/palette.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace console::draw {
namespace {

// Sasha Trubetskoy's "20 distinct colours", the eight most saturated: readable on light tiles.
constexpr std::array<Rgba, kTourColourCount> kTourColours{{
    {230, 25, 75, 255},   // red
    {0, 130, 200, 255},   // blue
    {60, 180, 75, 255},   // green
    {145, 30, 180, 255},  // purple
    {245, 130, 48, 255},  // orange
    {0, 128, 128, 255},   // teal
    {240, 50, 230, 255},  // magenta
    {128, 0, 0, 255},     // maroon
}};

}  // namespace

Rgba tour_colour(int index) {
  const int slot = ((index % kTourColourCount) + kTourColourCount) % kTourColourCount;
  return kTourColours[static_cast<std::size_t>(slot)];
}

Rgba faded(Rgba colour, double factor) {
  const double alpha = std::clamp(factor, 0.0, 1.0) * colour.a;
  colour.a = static_cast<std::uint8_t>(std::lround(alpha));
  return colour;
}

}  // namespace console::draw
