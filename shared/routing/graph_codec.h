#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "shared/routing/walking_graph.h"

namespace core::routing {

/// The attribution every graph file carries (its data is a derived database of OpenStreetMap).
inline constexpr const char* kOsmAttribution = "© OpenStreetMap contributors, ODbL 1.0";
/// The layout version encode_graph writes and decode_graph reads.
inline constexpr std::uint16_t kGraphFormatVersion = 1;

/// What a graph file says about itself.
struct GraphMetadata {
  std::string attribution = kOsmAttribution;
  std::string source;           ///< where the data came from, e.g. extract file names and the bbox
  std::string source_checksum;  ///< checksum of the source extracts, e.g. "sha256:<hex>[,<hex>]"

  friend bool operator==(const GraphMetadata&, const GraphMetadata&) = default;
};

/**
 * The bytes of a walking graph file (".nwg"). Little-endian; "varint" is unsigned LEB128,
 * "svarint" a zig-zag signed varint; strings are a varint byte count then UTF-8.
 *
 *   magic "NWG1" (4 bytes) | format version u16 | attribution | source | source_checksum
 *   | varint node_count | varint edge_count | varint shape_point_count
 *   | nodes: node_count x (svarint dlat_e7, svarint dlon_e7), deltas from the previous node
 *     (the first from 0,0); nodes are in Hilbert order, so deltas are small
 *   | edges: edge_count x (varint from - previous from (edges are sorted by from),
 *     svarint to - from, varint length_dm, u8 flags, [varint ferry_s if kEdgeFerry],
 *     varint shape count, shape count x (svarint dlat_e7, svarint dlon_e7) from the previous
 *     point, starting at the `from` node)
 *   | u64 FNV-1a-64 of every byte before it
 */
std::vector<std::uint8_t> encode_graph(const WalkingGraph& graph, const GraphMetadata& metadata);

/// A decoded graph file.
struct DecodedGraph {
  WalkingGraph graph;
  GraphMetadata metadata;
  std::uint64_t checksum = 0;  ///< the file's trailing FNV-1a-64
};

/// Reads bytes written by encode_graph. Throws core::InputError (code "invalid_graph") on a wrong
/// magic or version, a checksum mismatch, truncation, or indices out of range.
DecodedGraph decode_graph(std::span<const std::uint8_t> bytes);

/// FNV-1a-64 of `bytes`.
std::uint64_t fnv1a64(std::span<const std::uint8_t> bytes);

}  // namespace core::routing
