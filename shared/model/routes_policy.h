#pragma once

#include <array>

#include "shared/model/enum_names.h"

namespace core::model {

/// What Google Routes is asked for (ROUTES_POLICY). A full matrix costs one billed element per
/// pair of points, so it is asked for only when the city is small enough.
enum class RoutesPolicy {
  Off,     ///< no Routes call: the base provider (street network or walking model) everywhere
  Legs,    ///< the base provider to plan, computeRoutes walking paths for the final tours' legs
  Matrix,  ///< computeRouteMatrix to plan (up to a maximum of points), then final legs
};

template <>
struct EnumNames<RoutesPolicy> {
  static constexpr const char* kWhat = "routes policy";
  static constexpr std::array kNames{EnumName<RoutesPolicy>{RoutesPolicy::Off, "off"},
                                     EnumName<RoutesPolicy>{RoutesPolicy::Legs, "legs"},
                                     EnumName<RoutesPolicy>{RoutesPolicy::Matrix, "matrix"}};
};

}  // namespace core::model
