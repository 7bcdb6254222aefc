#pragma once

#include <cstdint>

namespace console::draw {

/// An 8-bit sRGB colour with alpha; the draw helpers pack it for ImGui.
struct Rgba {
  std::uint8_t r = 0;
  std::uint8_t g = 0;
  std::uint8_t b = 0;
  std::uint8_t a = 255;

  friend bool operator==(const Rgba&, const Rgba&) = default;
};

/// Number of distinct tour colours before they repeat.
inline constexpr int kTourColourCount = 8;

/// The colour of tour `index` (0-based; cycles after kTourColourCount). Chosen to stay apart from
/// each other, from the map tiles' pastels and from the greys of excluded attractions.
Rgba tour_colour(int index);

/// `colour` with its alpha multiplied by `factor` (0..1).
Rgba faded(Rgba colour, double factor);

/// Excluded attractions: hollow grey rings.
inline constexpr Rgba kExcludedColour{128, 128, 128, 255};
/// Included attractions that no tour visits: filled slate.
inline constexpr Rgba kUnassignedColour{70, 82, 96, 255};
/// Replay: raw candidates before the filter decided.
inline constexpr Rgba kCandidateColour{90, 90, 200, 255};
/// Replay: candidates the filter kept (no tour colour yet: planning has not run).
inline constexpr Rgba kKeptColour{255, 196, 0, 255};
/// Ring around the selected attraction.
inline constexpr Rgba kSelectionColour{255, 255, 255, 255};
/// Offline fallback: canvas background and graticule lines.
inline constexpr Rgba kFallbackBackground{232, 236, 240, 255};
inline constexpr Rgba kGraticuleColour{190, 198, 208, 255};
/// The replay's frame of the city's bounds (and its caption): faint ink, drawn dashed.
inline constexpr Rgba kBoundsColour{20, 20, 20, 120};
/// Text and outlines drawn over the map.
inline constexpr Rgba kInkColour{20, 20, 20, 255};
inline constexpr Rgba kLabelColour{255, 255, 255, 255};

}  // namespace console::draw
