#include "shared/routing/graph_codec.h"

#include <cstring>

#include "shared/errors.h"
#include "shared/formats/byte_codec.h"

namespace core::routing {
namespace {

constexpr char kMagic[4] = {'N', 'W', 'G', '1'};

using formats::ByteReader;
using formats::ByteWriter;

[[noreturn]] void invalid(const std::string& why) {
  throw InputError("invalid walking graph: " + why, "invalid_graph");
}

ByteReader reader_of(std::span<const std::uint8_t> bytes) {
  return {bytes, "invalid walking graph", "invalid_graph"};
}

void point_delta(ByteWriter& w, FixedPoint& previous, FixedPoint point) {
  w.svarint(static_cast<std::int64_t>(point.lat_e7) - previous.lat_e7);
  w.svarint(static_cast<std::int64_t>(point.lon_e7) - previous.lon_e7);
  previous = point;
}

FixedPoint point_after(ByteReader& r, FixedPoint previous) {
  const std::int32_t lat = r.coordinate(previous.lat_e7);
  return {lat, r.coordinate(previous.lon_e7)};
}

GraphEdge read_edge(ByteReader& reader, std::uint32_t previous_from, std::size_t node_count) {
  GraphEdge e;
  e.from = reader.u32(previous_from + reader.varint(), "edge start");
  const std::int64_t to = static_cast<std::int64_t>(e.from) + reader.svarint();
  if (e.from >= node_count || to < 0 || static_cast<std::uint64_t>(to) >= node_count)
    invalid("edge node out of range");
  e.to = static_cast<std::uint32_t>(to);
  e.length_dm = reader.u32(reader.varint(), "edge length");
  e.flags = reader.u8();
  if ((e.flags & (0xFFU ^ kEdgeKnownBits)) != 0 || (e.flags & kEdgePaceMask) == kEdgePaceMask)
    invalid("unknown edge flags");
  if ((e.flags & kEdgeFerry) != 0) e.ferry_s = reader.u32(reader.varint(), "ferry time");
  return e;
}

}  // namespace

std::uint64_t fnv1a64(std::span<const std::uint8_t> bytes) {
  return formats::fnv1a64(bytes);
}

std::vector<std::uint8_t> encode_graph(const WalkingGraph& graph, const GraphMetadata& metadata) {
  ByteWriter w;
  w.bytes(kMagic, sizeof kMagic);
  w.fixed(kGraphFormatVersion, 2);
  w.text(metadata.attribution);
  w.text(metadata.source);
  w.text(metadata.source_checksum);
  w.varint(graph.nodes().size());
  w.varint(graph.edges().size());
  w.varint(graph.shape_points().size());
  FixedPoint previous;
  for (const FixedPoint& node : graph.nodes()) point_delta(w, previous, node);
  std::uint32_t previous_from = 0;
  for (std::uint32_t i = 0; i < graph.edges().size(); ++i) {
    const GraphEdge& e = graph.edges()[i];
    w.varint(e.from - previous_from);  // edges are sorted by from
    previous_from = e.from;
    w.svarint(static_cast<std::int64_t>(e.to) - e.from);
    w.varint(e.length_dm);
    w.u8(e.flags);
    if ((e.flags & kEdgeFerry) != 0) w.varint(e.ferry_s);
    const std::uint32_t begin = graph.shape_begin()[i];
    const std::uint32_t end = graph.shape_begin()[i + 1];
    w.varint(end - begin);
    FixedPoint at = graph.nodes()[e.from];
    for (std::uint32_t k = begin; k < end; ++k) point_delta(w, at, graph.shape_points()[k]);
  }
  w.fixed(fnv1a64(w.out()), 8);
  return std::move(w.out());
}

DecodedGraph decode_graph(std::span<const std::uint8_t> bytes) {
  if (bytes.size() < sizeof kMagic + 2 + 8 ||
      std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0) {
    invalid("not a walking graph file");
  }
  const std::span<const std::uint8_t> body = bytes.first(bytes.size() - 8);
  ByteReader trailer = reader_of(bytes.last(8));
  DecodedGraph decoded;
  decoded.checksum = trailer.fixed(8);
  if (fnv1a64(body) != decoded.checksum) invalid("checksum mismatch");
  ByteReader r = reader_of(body);
  r.fixed(4);
  const auto version = static_cast<std::uint16_t>(r.fixed(2));
  if (version != kGraphFormatVersion)
    invalid("format version " + std::to_string(version) + " is not supported");
  decoded.metadata.attribution = r.text();
  decoded.metadata.source = r.text();
  decoded.metadata.source_checksum = r.text();
  const std::size_t node_count = r.count(2);
  const std::size_t edge_count = r.count(5);
  const std::size_t shape_count = r.count(2);
  std::vector<FixedPoint> nodes(node_count);
  FixedPoint previous;
  for (FixedPoint& node : nodes) previous = node = point_after(r, previous);
  std::vector<GraphEdge> edges(edge_count);
  std::vector<std::uint32_t> shape_begin{0};
  std::vector<FixedPoint> shape;
  shape.reserve(shape_count);
  std::uint32_t previous_from = 0;
  for (GraphEdge& e : edges) {
    e = read_edge(r, previous_from, node_count);
    previous_from = e.from;
    const std::size_t points = r.count(2);
    if (shape.size() + points > shape_count) invalid("more shape points than announced");
    FixedPoint at = nodes[e.from];
    for (std::size_t k = 0; k < points; ++k) shape.push_back(at = point_after(r, at));
    shape_begin.push_back(static_cast<std::uint32_t>(shape.size()));
  }
  if (shape.size() != shape_count || r.position() != body.size())
    invalid("sizes do not match the header");
  decoded.graph =
      WalkingGraph(std::move(nodes), std::move(edges), std::move(shape_begin), std::move(shape));
  return decoded;
}

}  // namespace core::routing
