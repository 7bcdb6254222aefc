#include "shared/basemap/basemap_codec.h"

#include <cstring>

#include "shared/formats/byte_codec.h"

namespace core::basemap {
namespace {

using formats::ByteReader;
using formats::ByteWriter;

constexpr char kMagic[4] = {'N', 'B', 'M', '1'};
constexpr std::size_t kTrailerBytes = 8;

void write_delta(ByteWriter& w, GridPoint& previous, GridPoint point) {
  w.svarint(static_cast<std::int64_t>(point.x) - previous.x);
  w.svarint(static_cast<std::int64_t>(point.y) - previous.y);
  previous = point;
}

GridPoint read_delta(ByteReader& r, GridPoint previous) {
  const std::int32_t x = r.coordinate(previous.x);
  return {x, r.coordinate(previous.y)};
}

FeatureKind read_kind(ByteReader& r) {
  const std::uint8_t kind = r.u8();
  if (kind >= kFeatureKindCount) r.fail("unknown feature kind " + std::to_string(kind));
  return static_cast<FeatureKind>(kind);
}

// Reads one feature's header and rings into `out`; `previous` carries the point deltas on.
void read_feature(ByteReader& r,
                  Basemap& out,
                  GridPoint& previous,
                  std::size_t ring_total,
                  std::size_t point_total) {
  Feature f;
  f.kind = read_kind(r);
  f.flags = r.u8();
  if ((f.flags & ~kKnownFlags) != 0) r.fail("unknown feature flags");
  f.min_zoom = r.u8();
  f.max_zoom = r.u8();
  f.first_ring = static_cast<std::uint32_t>(out.ring_ends.size());
  f.ring_count = r.u32(r.count(1), "ring count");
  if (out.ring_ends.size() + f.ring_count > ring_total) r.fail("more rings than announced");
  for (std::uint32_t k = 0; k < f.ring_count; ++k) {
    const std::size_t count = r.count(2);
    if (out.points.size() + count > point_total) r.fail("more points than announced");
    for (std::size_t i = 0; i < count; ++i) {
      previous = read_delta(r, previous);
      out.points.push_back(previous);
      f.box.add(previous);
    }
    out.ring_ends.push_back(static_cast<std::uint32_t>(out.points.size()));
  }
  out.features.push_back(f);
}

}  // namespace

std::vector<std::uint8_t> encode_basemap(const Basemap& basemap) {
  ByteWriter w;
  w.bytes(kMagic, sizeof kMagic);
  w.fixed(kBasemapFormatVersion, 2);
  w.text(basemap.metadata.attribution);
  w.text(basemap.metadata.source);
  w.text(basemap.metadata.source_checksum);
  for (const std::int32_t v :
       {basemap.bounds.low.x, basemap.bounds.low.y, basemap.bounds.high.x, basemap.bounds.high.y}) {
    w.svarint(v);
  }
  w.varint(basemap.features.size());
  w.varint(basemap.ring_ends.size());
  w.varint(basemap.points.size());
  w.varint(basemap.labels.size());
  GridPoint previous = basemap.bounds.low;
  for (const Feature& f : basemap.features) {
    w.u8(static_cast<std::uint8_t>(f.kind));
    w.u8(f.flags);
    w.u8(f.min_zoom);
    w.u8(f.max_zoom);
    w.varint(f.ring_count);
    for (std::uint32_t k = 0; k < f.ring_count; ++k) {
      const std::span<const GridPoint> ring = basemap.ring(f.first_ring + k);
      w.varint(ring.size());
      for (const GridPoint& p : ring) write_delta(w, previous, p);
    }
  }
  previous = basemap.bounds.low;
  for (const Label& label : basemap.labels) {
    w.u8(static_cast<std::uint8_t>(label.kind));
    w.u8(label.min_zoom);
    write_delta(w, previous, label.at);
    w.text(label.text);
  }
  w.fixed(formats::fnv1a64(w.out()), kTrailerBytes);
  return std::move(w.out());
}

Basemap decode_basemap(std::span<const std::uint8_t> bytes) {
  ByteReader whole(bytes, "invalid basemap", "invalid_basemap");
  if (bytes.size() < sizeof kMagic + 2 + kTrailerBytes ||
      std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0) {
    whole.fail("not a basemap file");
  }
  const std::span<const std::uint8_t> body = bytes.first(bytes.size() - kTrailerBytes);
  ByteReader trailer(bytes.last(kTrailerBytes), "invalid basemap", "invalid_basemap");
  if (formats::fnv1a64(body) != trailer.fixed(kTrailerBytes)) whole.fail("checksum mismatch");
  ByteReader r(body, "invalid basemap", "invalid_basemap");
  r.fixed(4);
  const auto version = static_cast<std::uint16_t>(r.fixed(2));
  if (version != kBasemapFormatVersion)
    r.fail("format version " + std::to_string(version) + " is not supported");
  Basemap out;
  out.metadata.attribution = r.text();
  out.metadata.source = r.text();
  out.metadata.source_checksum = r.text();
  out.bounds.low = {r.coordinate(0), r.coordinate(0)};
  out.bounds.high = {r.coordinate(0), r.coordinate(0)};
  const std::size_t feature_count = r.count(5);
  const std::size_t ring_count = r.count(1);
  const std::size_t point_count = r.count(2);
  const std::size_t label_count = r.count(5);
  out.features.reserve(feature_count);
  out.ring_ends.reserve(ring_count);
  out.points.reserve(point_count);
  GridPoint previous = out.bounds.low;
  for (std::size_t i = 0; i < feature_count; ++i)
    read_feature(r, out, previous, ring_count, point_count);
  if (out.ring_ends.size() != ring_count || out.points.size() != point_count)
    r.fail("counts do not match the header");
  previous = out.bounds.low;
  out.labels.resize(label_count);
  for (Label& label : out.labels) {
    label.kind = read_kind(r);
    label.min_zoom = r.u8();
    previous = label.at = read_delta(r, previous);
    label.text = r.text();
  }
  if (r.position() != body.size()) r.fail("bytes left after the labels");
  return out;
}

}  // namespace core::basemap
