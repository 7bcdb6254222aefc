#include "shared/routing/osm_input.h"

namespace core::routing {

const std::string* find_tag(const OsmTags& tags, std::string_view key) {
  for (const OsmTag& tag : tags) {
    if (tag.key == key) return &tag.value;
  }
  return nullptr;
}

}  // namespace core::routing
