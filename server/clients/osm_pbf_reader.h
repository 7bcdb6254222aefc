#pragma once

#include <string>
#include <vector>

#include "shared/routing/osm_input.h"

namespace server::clients {

/// Reads the walkable ways (under the foot profile) of `.osm.pbf` extracts and the nodes they
/// use, with the node tags the profile reads (barrier, access, foot, bollard, sensory), in file
/// order: the graph builder keeps the first node and way of each id, so earlier files win where
/// extracts overlap. Throws core::InputError naming the file when one cannot be read.
core::routing::OsmData read_walkable_osm(const std::vector<std::string>& pbf_paths);

/// "sha256:<hex>" of each file's bytes, joined by ","; throws core::InputError if one cannot be
/// read.
std::string sha256_of_files(const std::vector<std::string>& paths);

}  // namespace server::clients
