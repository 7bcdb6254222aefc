#pragma once

#include <string>
#include <vector>

namespace server::offline {

/// Google-style place types for an OpenStreetMap object, from its main tag ("tourism=museum",
/// "shop=books"; "heuristic=<category>" for name-derived rows) and its sub tag
/// ("religion=christian", "memorial=plaque"). The first type is the primary one. Only real tags
/// are read: the data set's ground-truth category column is never used.
std::vector<std::string> place_types_for(const std::string& main_tag, const std::string& sub_tag);

}  // namespace server::offline
