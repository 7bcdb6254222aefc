#include "server/clients/osm_basemap_reader.h"

#include <osmium/area/assembler.hpp>
#include <osmium/area/multipolygon_manager.hpp>
#include <osmium/handler.hpp>
#include <osmium/handler/node_locations_for_ways.hpp>
#include <osmium/index/map/flex_mem.hpp>
#include <osmium/io/pbf_input.hpp>
#include <osmium/visitor.hpp>
#include <unordered_set>

#include "shared/basemap/osm_classes.h"
#include "shared/errors.h"

namespace server::clients {
namespace {

using core::basemap::BasemapSource;
using Index = osmium::index::map::FlexMem<osmium::unsigned_object_id_type, osmium::Location>;
using LocationHandler = osmium::handler::NodeLocationsForWays<Index>;

core::routing::OsmTags tags_of(const osmium::TagList& list) {
  core::routing::OsmTags tags;
  for (const osmium::Tag& tag : list) tags.push_back({tag.key(), tag.value()});
  return tags;
}

template <typename NodeRefs>
std::vector<core::model::GeoPoint> points_of(const NodeRefs& refs) {
  std::vector<core::model::GeoPoint> points;
  points.reserve(refs.size());
  for (const osmium::NodeRef& ref : refs) {
    if (ref.location().valid()) points.push_back({ref.location().lat(), ref.location().lon()});
  }
  return points;
}

// Ways that draw as lines, and assembled areas that draw filled, skipping ids already read.
class BasemapCollector : public osmium::handler::Handler {
 public:
  explicit BasemapCollector(BasemapSource& out) : m_out(out) {}

  void way(const osmium::Way& way) {
    if (way.tags().empty() || !m_ways.insert(way.id()).second) return;
    core::routing::OsmTags tags = tags_of(way.tags());
    if (!core::basemap::classify_line(tags)) return;
    std::vector<core::model::GeoPoint> points = points_of(way.nodes());
    if (points.size() >= 2) m_out.lines.push_back({std::move(points), std::move(tags)});
  }

  void area(const osmium::Area& area) {
    if (!m_areas.insert(area.id()).second) return;
    core::routing::OsmTags tags = tags_of(area.tags());
    if (!core::basemap::classify_area(tags)) return;
    core::basemap::SourceArea out{{}, std::move(tags)};
    for (const osmium::OuterRing& outer : area.outer_rings()) {
      out.rings.push_back(ring_points(outer));
      for (const osmium::InnerRing& inner : area.inner_rings(outer))
        out.rings.push_back(ring_points(inner));
    }
    std::erase_if(out.rings, [](const auto& ring) { return ring.size() < 3; });
    if (!out.rings.empty()) m_out.areas.push_back(std::move(out));
  }

 private:
  // A ring without its closing point (the builder closes rings itself).
  template <typename Ring>
  static std::vector<core::model::GeoPoint> ring_points(const Ring& ring) {
    std::vector<core::model::GeoPoint> points = points_of(ring);
    if (points.size() > 1 && points.front() == points.back()) points.pop_back();
    return points;
  }

  BasemapSource& m_out;
  std::unordered_set<osmium::object_id_type> m_ways;
  std::unordered_set<osmium::object_id_type> m_areas;
};

void read_file(const std::string& path, BasemapCollector& collector) {
  try {
    const osmium::io::File file(path, "pbf");
    osmium::area::Assembler::config_type config;
    config.create_empty_areas = false;
    osmium::area::MultipolygonManager<osmium::area::Assembler> manager{config};
    osmium::relations::read_relations(file, manager);
    Index index;
    LocationHandler locations{index};
    locations.ignore_errors();  // extracts are cut: ways may reference nodes outside them
    osmium::io::Reader reader(file, osmium::io::read_meta::no);
    osmium::apply(reader,
                  locations,
                  collector,
                  manager.handler([&collector](const osmium::memory::Buffer& areas) {
                    osmium::apply(areas, collector);
                  }));
    reader.close();
  } catch (const std::exception& e) {
    throw core::InputError("cannot read OSM extract " + path + ": " + e.what(), "invalid_extract");
  }
}

}  // namespace

BasemapSource read_basemap_osm(const std::vector<std::string>& pbf_paths) {
  BasemapSource source;
  BasemapCollector collector(source);
  for (const std::string& path : pbf_paths) read_file(path, collector);
  return source;
}

}  // namespace server::clients
