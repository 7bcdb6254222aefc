#include "shared/routing/foot_profile.h"

#include <algorithm>
#include <array>
#include <string>

namespace core::routing {
namespace {

using namespace std::string_view_literals;

// foot.lua's speeds table: every key=value here is walkable at the walking speed. Plus
// highway=corridor (indoor passages of stations and malls), which foot.lua leaves out.
constexpr std::array kWalkableHighways = {"primary"sv,
                                          "primary_link"sv,
                                          "secondary"sv,
                                          "secondary_link"sv,
                                          "tertiary"sv,
                                          "tertiary_link"sv,
                                          "unclassified"sv,
                                          "residential"sv,
                                          "living_street"sv,
                                          "service"sv,
                                          "track"sv,
                                          "path"sv,
                                          "steps"sv,
                                          "pedestrian"sv,
                                          "platform"sv,
                                          "footway"sv,
                                          "pier"sv,
                                          "corridor"sv};
constexpr std::array kWalkableAmenities = {"parking"sv, "parking_entrance"sv};

// access_tag_whitelist and access_tag_blacklist.
constexpr std::array kAccessWhitelist = {"yes"sv, "foot"sv, "permissive"sv, "designated"sv};
constexpr std::array kAccessBlacklist = {
    "no"sv, "agricultural"sv, "forestry"sv, "private"sv, "delivery"sv, "use_sidepath"sv};

template <std::size_t N>
bool one_of(const std::array<std::string_view, N>& set, std::string_view value) {
  for (const std::string_view item : set) {
    if (item == value) return true;
  }
  return false;
}

bool tag_is(const OsmTags& tags, std::string_view key, std::string_view value) {
  const std::string* found = find_tag(tags, key);
  return found != nullptr && *found == value;
}

bool blacklisted(const std::string* access) {
  return access != nullptr && one_of(kAccessBlacklist, *access);
}

// lib/access.lua resolve_access: of "a;b", the part with the best class (whitelist 3, blacklist 1,
// other 0); a single value as it is.
std::string resolve_access(const std::string& value) {
  if (value.find(';') == std::string::npos) return value;
  std::string best;
  int best_priority = -1;
  std::size_t start = 0;
  while (start <= value.size()) {
    std::size_t end = value.find(';', start);
    if (end == std::string::npos) end = value.size();
    std::string_view part(value.data() + start, end - start);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
    const int priority = one_of(kAccessWhitelist, part)   ? 3
                         : one_of(kAccessBlacklist, part) ? 1
                                                          : 0;
    if (priority > best_priority) {
      best = std::string(part);
      best_priority = priority;
    }
    start = end + 1;
  }
  return best;
}

// Tags.get_forward_backward_by_set over the hierarchy foot, access.
struct DirectedAccess {
  std::optional<std::string> forward;
  std::optional<std::string> backward;
};

DirectedAccess directed_access(const OsmTags& tags) {
  DirectedAccess access;
  for (const std::string_view key : {"foot"sv, "access"sv}) {
    const std::string k(key);
    if (!access.forward) {
      if (const std::string* v = find_tag(tags, k + ":forward")) access.forward = *v;
    }
    if (!access.backward) {
      if (const std::string* v = find_tag(tags, k + ":backward")) access.backward = *v;
    }
    if (!access.forward || !access.backward) {
      if (const std::string* common = find_tag(tags, k)) {
        if (!access.forward) access.forward = *common;
        if (!access.backward) access.backward = *common;
      }
    }
    if (access.forward && access.backward) break;
  }
  if (access.forward) access.forward = resolve_access(*access.forward);
  if (access.backward) access.backward = resolve_access(*access.backward);
  return access;
}

// WayHandlers.blocked_ways with foot.lua's avoid set (impassable, proposed, motorroad).
bool blocked(const OsmTags& tags, const std::string* highway) {
  if (tag_is(tags, "impassable", "yes") || tag_is(tags, "status", "impassable")) return true;
  if (tag_is(tags, "motorroad", "yes")) return true;
  return find_tag(tags, "proposed") != nullptr && (highway == nullptr || *highway == "proposed");
}

bool sidewalk_separate(const OsmTags& tags) {
  for (const std::string_view key :
       {"sidewalk"sv, "sidewalk:both"sv, "sidewalk:left"sv, "sidewalk:right"sv}) {
    if (tag_is(tags, key, "separate")) return true;
  }
  return false;
}

// The speeds table lookup (highway, railway, amenity, man_made).
bool in_speed_table(const OsmTags& tags, const std::string* highway) {
  if (highway != nullptr && one_of(kWalkableHighways, *highway)) return true;
  if (tag_is(tags, "railway", "platform") || tag_is(tags, "man_made", "pier")) return true;
  const std::string* amenity = find_tag(tags, "amenity");
  return amenity != nullptr && one_of(kWalkableAmenities, *amenity);
}

Pace surface_pace(const OsmTags& tags) {
  const std::string* surface = find_tag(tags, "surface");
  if (surface == nullptr) return Pace::Normal;
  if (*surface == "mud" || *surface == "sand") return Pace::Heavy;
  if (*surface == "fine_gravel" || *surface == "gravel" || *surface == "pebblestone")
    return Pace::Rough;
  return Pace::Normal;
}

// WayHandlers.conveying: escalators and moving walkways (steps or footway) go one way unless
// the way says oneway=no.
void apply_conveying(const OsmTags& tags,
                     const std::string* highway,
                     const std::string* oneway,
                     WayRule& rule) {
  const std::string* conveying = find_tag(tags, "conveying");
  if (conveying == nullptr || *conveying == "yes" || *conveying == "reversible") return;
  if (highway == nullptr || (*highway != "steps" && *highway != "footway")) return;
  const std::string* effective = oneway != nullptr ? oneway : find_tag(tags, "oneway");
  if (effective != nullptr && *effective == "no") return;
  if (*conveying == "forward") rule.backward = false;
  if (*conveying == "backward") rule.forward = false;
}

}  // namespace

double pace_factor(Pace pace) {
  switch (pace) {
  case Pace::Rough: return 0.75;
  case Pace::Heavy: return 0.5;
  case Pace::Normal: break;
  }
  return 1.0;
}

WayRule foot_way_rule(const OsmTags& tags) {
  WayRule rule;
  const std::string* highway = find_tag(tags, "highway");
  const std::string* route = find_tag(tags, "route");
  // foot.lua's quick check: one of its prefetched keys must be present.
  constexpr std::array kPrefetch = {
      "bridge"sv, "man_made"sv, "railway"sv, "platform"sv, "amenity"sv, "public_transport"sv};
  bool any = highway != nullptr || route != nullptr;
  for (const std::string_view key : kPrefetch) any = any || find_tag(tags, key) != nullptr;
  if (!any) return rule;
  if (highway != nullptr && (*highway == "motorway" || *highway == "motorway_link")) return rule;
  if (blocked(tags, highway)) return rule;

  rule.forward = rule.backward = true;
  const DirectedAccess access = directed_access(tags);
  if (access.forward && blacklisted(&*access.forward)) rule.forward = false;
  if (access.backward && blacklisted(&*access.backward)) rule.backward = false;
  if (!rule.forward && !rule.backward) return rule;

  if (sidewalk_separate(tags)) {
    // An explicit, non-blacklisted foot/access value keeps that direction open.
    if (!access.forward || blacklisted(&*access.forward)) rule.forward = false;
    if (!access.backward || blacklisted(&*access.backward)) rule.backward = false;
    if (!rule.forward && !rule.backward) return rule;
  }

  const std::string* oneway = find_tag(tags, "oneway:foot");  // oneway_handling = 'specific'
  if (oneway != nullptr && *oneway == "-1") rule.forward = false;
  if (oneway != nullptr && (*oneway == "yes" || *oneway == "1" || *oneway == "true"))
    rule.backward = false;

  if (route != nullptr && *route == "ferry") {
    // WayHandlers.ferries sets the ferry mode in both directions, whatever came before.
    rule.ferry = true;
    rule.forward = rule.backward = true;
    if (const std::string* duration = find_tag(tags, "duration")) {
      if (const auto seconds = parse_osm_duration_s(*duration))
        rule.ferry_seconds = std::max(*seconds, 1.0);
    }
  } else if (!in_speed_table(tags, highway)) {
    // WayHandlers.speed's fallback: a way outside the table is walkable in a direction whose
    // foot/access value is present and not blacklisted.
    const bool forward_ok = access.forward && !blacklisted(&*access.forward);
    const bool backward_ok = access.backward && !blacklisted(&*access.backward);
    rule.forward = rule.forward && forward_ok;
    rule.backward = rule.backward && backward_ok;
  }

  rule.steps = highway != nullptr && *highway == "steps";
  rule.pace = rule.ferry ? Pace::Normal : surface_pace(tags);
  apply_conveying(tags, highway, oneway, rule);
  rule.walkable = rule.forward || rule.backward;
  rule.crossable_area = rule.walkable && tag_is(tags, "area", "yes") && highway != nullptr &&
                        (*highway == "pedestrian" || *highway == "footway");
  return rule;
}

bool foot_node_blocks(const OsmTags& tags) {
  const std::string* access = find_tag(tags, "foot");
  if (access == nullptr) access = find_tag(tags, "access");
  if (access != nullptr) return blacklisted(access);
  const std::string* barrier = find_tag(tags, "barrier");
  if (barrier == nullptr) return false;
  if (*barrier != "yes" && *barrier != "wall" && *barrier != "fence") return false;
  if (tag_is(tags, "bollard", "rising")) return false;
  const std::string* sensory = find_tag(tags, "sensory");
  const bool audible_fence =
      *barrier == "fence" && sensory != nullptr && (*sensory == "audible" || *sensory == "audio");
  return !audible_fence;
}

}  // namespace core::routing
