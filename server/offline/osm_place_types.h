#pragma once

#include <map>
#include <string>
#include <vector>

namespace server::offline {

/// Google-style place types for an OpenStreetMap object, from its main tag ("tourism=museum",
/// "shop=books"; "heuristic=<category>" for name-derived rows), its sub tag
/// ("religion=christian", "memorial=plaque") and its other tags (a bust, a grave or a
/// stolperstein is a "plaque": a minor memorial). The first type is the primary one. Only real
/// tags are read: the data set's ground-truth category column is never used.
std::vector<std::string> place_types_for(const std::string& main_tag,
                                         const std::string& sub_tag,
                                         const std::map<std::string, std::string>& tags = {});

}  // namespace server::offline
