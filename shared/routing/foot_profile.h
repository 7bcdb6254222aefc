#pragma once

#include <optional>
#include <string_view>

#include "shared/routing/osm_input.h"

namespace core::routing {

/// How fast a way's surface lets one walk, relative to the walking speed (OSRM foot.lua's
/// surface_speeds: gravel 0.75, mud or sand 0.5).
enum class Pace : std::uint8_t {
  Normal,  ///< x 1
  Rough,   ///< x 0.75: fine_gravel, gravel, pebblestone
  Heavy,   ///< x 0.5: mud, sand
};

/// Speed multiplier of `pace` (1, 0.75 or 0.5).
double pace_factor(Pace pace);

/// What the foot profile makes of one way. `forward` is the direction of the way's node list.
struct WayRule {
  bool walkable = false;  ///< at least one direction can be walked (or sailed)
  bool forward = false;
  bool backward = false;
  bool steps = false;                   ///< highway=steps
  bool ferry = false;                   ///< route=ferry
  std::optional<double> ferry_seconds;  ///< the ferry way's `duration` tag, whole way
  bool crossable_area = false;          ///< a pedestrian area (area=yes) that may be crossed
  Pace pace = Pace::Normal;
};

/// OSRM's foot.lua (profiles/foot.lua and lib/way_handlers.lua) for one way: walkable highway
/// values and the other keys of its speed table; `foot` before `access` (with :forward and
/// :backward, and `a;b` lists resolved as foot.lua does); sidewalk=separate closes the carriageway
/// unless foot access is explicit; only `oneway:foot` binds; route=ferry; impassable, motorroad
/// and proposed ways blocked; conveying steps. Beyond foot.lua: never motorways, even foot=yes;
/// highway=corridor walkable.
WayRule foot_way_rule(const OsmTags& tags);

/// True if a node blocks walkers (foot.lua process_node): a blacklisted foot/access value, or,
/// without any, barrier=yes/wall/fence (not a rising bollard, not an audible fence).
bool foot_node_blocks(const OsmTags& tags);

/// Seconds of an OSM `duration` value: "MM", "HH:MM", "HH:MM:SS" or ISO 8601 "PT1H30M"
/// (as OSRM's parseDuration); nullopt when it is none of these.
std::optional<double> parse_osm_duration_s(std::string_view text);

/// Speed of a ferry with no duration tag (foot.lua's route_speeds.ferry), km/h.
inline constexpr double kFerrySpeedKmh = 5.0;

}  // namespace core::routing
