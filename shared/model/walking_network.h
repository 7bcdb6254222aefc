#pragma once

#include <array>

#include "shared/model/enum_names.h"

namespace core::model {

/// What the walks between stops are measured on (WALKING_NETWORK, a trace's "network" setting).
enum class WalkingNetwork {
  Osm,    ///< OpenStreetMap street networks (embedded graphs, Overpass for Google cities), else the
          ///< model
  Model,  ///< straight line x detour factor everywhere
};

template <>
struct EnumNames<WalkingNetwork> {
  static constexpr const char* kWhat = "walking network";
  static constexpr std::array kNames{EnumName<WalkingNetwork>{WalkingNetwork::Osm, "osm"},
                                     EnumName<WalkingNetwork>{WalkingNetwork::Model, "model"}};
};

}  // namespace core::model
