#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "shared/basemap/basemap.h"

namespace core::basemap {

/// The layout version encode_basemap writes and decode_basemap reads.
inline constexpr std::uint16_t kBasemapFormatVersion = 1;

/**
 * The bytes of a basemap file (".nbm"). Little-endian; varint = unsigned LEB128, svarint =
 * zig-zag varint, string = varint byte count + UTF-8.
 *
 *   magic "NBM1" | u16 version | attribution | source | source_checksum
 *   | bounds: 4 x svarint (low.x, low.y, high.x, high.y) in grid units
 *   | varint feature_count | varint ring_count | varint point_count | varint label_count
 *   | features: u8 kind, u8 flags, u8 min_zoom, u8 max_zoom, varint rings, per ring varint
 *     points then each point as svarint dx, dy from the previous point of the file (the first
 *     from bounds.low)
 *   | labels: u8 kind, u8 min_zoom, svarint dx, dy from the previous label (the first from
 *     bounds.low), string text
 *   | u64 FNV-1a-64 of every byte before it
 */
std::vector<std::uint8_t> encode_basemap(const Basemap& basemap);

/// Reads bytes written by encode_basemap and computes each feature's box. Throws
/// core::InputError (code "invalid_basemap") on a wrong magic or version, a checksum mismatch,
/// truncation, an unknown kind or flag, or counts that do not add up.
Basemap decode_basemap(std::span<const std::uint8_t> bytes);

}  // namespace core::basemap
