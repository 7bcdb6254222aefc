#include "shared/routing/graph_codec.h"

#include <cstring>

#include "shared/errors.h"

namespace core::routing {
namespace {

constexpr char kMagic[4] = {'N', 'W', 'G', '1'};

class Writer {
 public:
  void bytes(const void* data, std::size_t size) {
    const auto* p = static_cast<const std::uint8_t*>(data);
    m_out.insert(m_out.end(), p, p + size);
  }
  void u8(std::uint8_t value) { m_out.push_back(value); }
  void fixed(std::uint64_t value, int size) {
    for (int i = 0; i < size; ++i) m_out.push_back(static_cast<std::uint8_t>(value >> (8 * i)));
  }
  void varint(std::uint64_t value) {
    while (value >= 0x80) {
      m_out.push_back(static_cast<std::uint8_t>(value | 0x80));
      value >>= 7;
    }
    m_out.push_back(static_cast<std::uint8_t>(value));
  }
  void svarint(std::int64_t value) {
    varint((static_cast<std::uint64_t>(value) << 1) ^ static_cast<std::uint64_t>(value >> 63));
  }
  void text(const std::string& value) {
    varint(value.size());
    bytes(value.data(), value.size());
  }
  void point_delta(FixedPoint& previous, FixedPoint point) {
    svarint(static_cast<std::int64_t>(point.lat_e7) - previous.lat_e7);
    svarint(static_cast<std::int64_t>(point.lon_e7) - previous.lon_e7);
    previous = point;
  }
  std::vector<std::uint8_t>& out() { return m_out; }

 private:
  std::vector<std::uint8_t> m_out;
};

[[noreturn]] void invalid(const std::string& why) { throw InputError("invalid walking graph: " + why, "invalid_graph"); }

class Reader {
 public:
  explicit Reader(std::span<const std::uint8_t> bytes) : m_bytes(bytes) {}

  std::uint8_t u8() {
    if (m_pos >= m_bytes.size()) invalid("truncated");
    return m_bytes[m_pos++];
  }
  std::uint64_t fixed(int size) {
    std::uint64_t value = 0;
    for (int i = 0; i < size; ++i) value |= static_cast<std::uint64_t>(u8()) << (8 * i);
    return value;
  }
  std::uint64_t varint() {
    std::uint64_t value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      const std::uint8_t byte = u8();
      value |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
      if ((byte & 0x80) == 0) return value;
    }
    invalid("varint too long");
  }
  std::int64_t svarint() {
    const std::uint64_t raw = varint();
    return static_cast<std::int64_t>(raw >> 1) ^ -static_cast<std::int64_t>(raw & 1);
  }
  // A count of items that each take at least `min_bytes`: bounded by what is left.
  std::size_t count(std::size_t min_bytes) {
    const std::uint64_t value = varint();
    if (value > (m_bytes.size() - m_pos) / min_bytes) invalid("count larger than the file");
    return static_cast<std::size_t>(value);
  }
  std::string text() {
    const std::size_t size = count(1);
    std::string value(reinterpret_cast<const char*>(m_bytes.data() + m_pos), size);
    m_pos += size;
    return value;
  }
  std::int32_t coordinate(std::int32_t previous) {
    const std::int64_t value = previous + svarint();
    if (value < INT32_MIN || value > INT32_MAX) invalid("coordinate out of range");
    return static_cast<std::int32_t>(value);
  }
  FixedPoint point_after(FixedPoint previous) {
    const std::int32_t lat = coordinate(previous.lat_e7);
    return {lat, coordinate(previous.lon_e7)};
  }
  std::uint32_t u32(std::uint64_t value, const char* what) {
    if (value > UINT32_MAX) invalid(std::string(what) + " out of range");
    return static_cast<std::uint32_t>(value);
  }
  std::size_t position() const { return m_pos; }

 private:
  std::span<const std::uint8_t> m_bytes;
  std::size_t m_pos = 0;
};

GraphEdge read_edge(Reader& reader, std::uint32_t previous_from, std::size_t node_count) {
  GraphEdge e;
  e.from = reader.u32(previous_from + reader.varint(), "edge start");
  const std::int64_t to = static_cast<std::int64_t>(e.from) + reader.svarint();
  if (e.from >= node_count || to < 0 || static_cast<std::uint64_t>(to) >= node_count) invalid("edge node out of range");
  e.to = static_cast<std::uint32_t>(to);
  e.length_dm = reader.u32(reader.varint(), "edge length");
  e.flags = reader.u8();
  if ((e.flags & (0xFFU ^ kEdgeKnownBits)) != 0 || (e.flags & kEdgePaceMask) == kEdgePaceMask) invalid("unknown edge flags");
  if ((e.flags & kEdgeFerry) != 0) e.ferry_s = reader.u32(reader.varint(), "ferry time");
  return e;
}

}  // namespace

std::uint64_t fnv1a64(std::span<const std::uint8_t> bytes) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (const std::uint8_t byte : bytes) {
    hash ^= byte;
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

std::vector<std::uint8_t> encode_graph(const WalkingGraph& graph, const GraphMetadata& metadata) {
  Writer w;
  w.bytes(kMagic, sizeof kMagic);
  w.fixed(kGraphFormatVersion, 2);
  w.text(metadata.attribution);
  w.text(metadata.source);
  w.text(metadata.source_checksum);
  w.varint(graph.nodes().size());
  w.varint(graph.edges().size());
  w.varint(graph.shape_points().size());
  FixedPoint previous;
  for (const FixedPoint& node : graph.nodes()) w.point_delta(previous, node);
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
    for (std::uint32_t k = begin; k < end; ++k) w.point_delta(at, graph.shape_points()[k]);
  }
  w.fixed(fnv1a64(w.out()), 8);
  return std::move(w.out());
}

DecodedGraph decode_graph(std::span<const std::uint8_t> bytes) {
  if (bytes.size() < sizeof kMagic + 2 + 8 || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0) {
    invalid("not a walking graph file");
  }
  const std::span<const std::uint8_t> body = bytes.first(bytes.size() - 8);
  Reader trailer(bytes.last(8));
  DecodedGraph decoded;
  decoded.checksum = trailer.fixed(8);
  if (fnv1a64(body) != decoded.checksum) invalid("checksum mismatch");
  Reader r(body);
  r.fixed(4);
  const auto version = static_cast<std::uint16_t>(r.fixed(2));
  if (version != kGraphFormatVersion) invalid("format version " + std::to_string(version) + " is not supported");
  decoded.metadata.attribution = r.text();
  decoded.metadata.source = r.text();
  decoded.metadata.source_checksum = r.text();
  const std::size_t node_count = r.count(2);
  const std::size_t edge_count = r.count(5);
  const std::size_t shape_count = r.count(2);
  std::vector<FixedPoint> nodes(node_count);
  FixedPoint previous;
  for (FixedPoint& node : nodes) previous = node = r.point_after(previous);
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
    for (std::size_t k = 0; k < points; ++k) shape.push_back(at = r.point_after(at));
    shape_begin.push_back(static_cast<std::uint32_t>(shape.size()));
  }
  if (shape.size() != shape_count || r.position() != body.size()) invalid("sizes do not match the header");
  decoded.graph = WalkingGraph(std::move(nodes), std::move(edges), std::move(shape_begin), std::move(shape));
  return decoded;
}

}  // namespace core::routing
