#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace core::routing {

/// One OpenStreetMap tag.
struct OsmTag {
  std::string key;
  std::string value;
};

/// The tags of one OSM object, in any order.
using OsmTags = std::vector<OsmTag>;

/// The value of `key` in `tags`, or nullptr when the tag is absent.
const std::string* find_tag(const OsmTags& tags, std::string_view key);

/// An OSM node: its id, its position in 1e-7 degrees (OSM's own precision) and its tags (only
/// those a reader chose to keep; barrier and access tags matter here).
struct OsmNode {
  std::int64_t id = 0;
  std::int32_t lat_e7 = 0;
  std::int32_t lon_e7 = 0;
  OsmTags tags;
};

/// An OSM way: its id, the ids of its nodes in order, and its tags.
struct OsmWay {
  std::int64_t id = 0;
  std::vector<std::int64_t> node_ids;
  OsmTags tags;
};

/// Plain in-memory OSM data, as a reader hands it to the graph builder. Ids may repeat (two
/// extracts of one area): the first node or way with an id wins.
struct OsmData {
  std::vector<OsmNode> nodes;
  std::vector<OsmWay> ways;
};

}  // namespace core::routing
