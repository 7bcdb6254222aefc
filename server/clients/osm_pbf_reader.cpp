#include "server/clients/osm_pbf_reader.h"

#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <fstream>
#include <osmium/handler.hpp>
#include <osmium/io/pbf_input.hpp>
#include <osmium/visitor.hpp>

#include "shared/errors.h"
#include "shared/routing/foot_profile.h"

namespace server::clients {
namespace {

using core::routing::OsmData;
using core::routing::OsmTags;

// The node keys foot_node_blocks reads; other node tags are not kept.
constexpr std::array<const char*, 5> kNodeKeys = {
    "barrier", "access", "foot", "bollard", "sensory"};

OsmTags tags_of(const osmium::TagList& list, bool profile_keys_only) {
  OsmTags tags;
  for (const osmium::Tag& tag : list) {
    if (profile_keys_only && std::none_of(kNodeKeys.begin(), kNodeKeys.end(), [&](const char* key) {
          return std::strcmp(key, tag.key()) == 0;
        })) {
      continue;
    }
    tags.push_back({tag.key(), tag.value()});
  }
  return tags;
}

// First pass: walkable ways, and the ids of the nodes they use.
class WayCollector : public osmium::handler::Handler {
 public:
  explicit WayCollector(OsmData& data) : m_data(data) {}
  void way(const osmium::Way& way) {
    OsmTags tags = tags_of(way.tags(), false);
    if (!core::routing::foot_way_rule(tags).walkable) return;
    core::routing::OsmWay out{way.id(), {}, std::move(tags)};
    for (const osmium::NodeRef& ref : way.nodes()) {
      out.node_ids.push_back(ref.ref());
      m_node_ids.push_back(ref.ref());
    }
    m_data.ways.push_back(std::move(out));
  }
  std::vector<std::int64_t> take_node_ids() {
    std::sort(m_node_ids.begin(), m_node_ids.end());
    m_node_ids.erase(std::unique(m_node_ids.begin(), m_node_ids.end()), m_node_ids.end());
    return std::move(m_node_ids);
  }

 private:
  OsmData& m_data;
  std::vector<std::int64_t> m_node_ids;
};

// Second pass: the positions and profile tags of the nodes the ways use.
class NodeCollector : public osmium::handler::Handler {
 public:
  NodeCollector(OsmData& data, const std::vector<std::int64_t>& wanted)
      : m_data(data), m_wanted(wanted) {}
  void node(const osmium::Node& node) {
    if (!node.location().valid() ||
        !std::binary_search(m_wanted.begin(), m_wanted.end(), node.id()))
      return;
    m_data.nodes.push_back(
        {node.id(), node.location().y(), node.location().x(), tags_of(node.tags(), true)});
  }

 private:
  OsmData& m_data;
  const std::vector<std::int64_t>& m_wanted;
};

template <typename Handler>
void read_file(const std::string& path, osmium::osm_entity_bits::type entities, Handler& handler) {
  try {
    osmium::io::Reader reader(osmium::io::File(path, "pbf"), entities);
    osmium::apply(reader, handler);
    reader.close();
  } catch (const std::exception& e) {
    throw core::InputError("cannot read OSM extract " + path + ": " + e.what(), "invalid_extract");
  }
}

}  // namespace

OsmData read_walkable_osm(const std::vector<std::string>& pbf_paths) {
  OsmData data;
  WayCollector ways(data);
  for (const std::string& path : pbf_paths) read_file(path, osmium::osm_entity_bits::way, ways);
  const std::vector<std::int64_t> wanted = ways.take_node_ids();
  NodeCollector nodes(data, wanted);
  for (const std::string& path : pbf_paths) read_file(path, osmium::osm_entity_bits::node, nodes);
  return data;
}

std::string sha256_of_files(const std::vector<std::string>& paths) {
  std::string joined;
  for (const std::string& path : paths) {
    std::ifstream file(path, std::ios::binary);
    if (!file) throw core::InputError("cannot read " + path, "invalid_extract");
    const std::string bytes((std::istreambuf_iterator<char>(file)),
                            std::istreambuf_iterator<char>());
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    if (EVP_Digest(bytes.data(), bytes.size(), digest.data(), &length, EVP_sha256(), nullptr) !=
        1) {
      throw core::InputError("cannot hash " + path, "invalid_extract");
    }
    static constexpr char kHex[] = "0123456789abcdef";
    std::string hex;
    for (unsigned int i = 0; i < length; ++i) {
      hex += kHex[digest[i] >> 4];
      hex += kHex[digest[i] & 0xF];
    }
    joined += (joined.empty() ? "sha256:" : ",sha256:") + hex;
  }
  return joined;
}

}  // namespace server::clients
