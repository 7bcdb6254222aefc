#include "shared/algo/sight_merge.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "shared/algo/geo.h"
#include "shared/algo/name_similarity.h"
#include "shared/algo/place_kind.h"
#include "shared/algo/place_names.h"
#include "shared/algo/sight_names.h"

namespace core::algo {
namespace {

constexpr double kSameWikidataRadiusM = 300.0;
constexpr double kSameNameRadiusM = 150.0;
constexpr double kSameBuildingRadiusM = 30.0;
constexpr double kSameBuildingNoIdsRadiusM = 10.0;
constexpr double kSharedNameRadiusM = 120.0;
constexpr double kPiecesRadiusM = 1500.0;  // a hill fort's ramparts run for kilometres
constexpr double kLinkRadiusM = 300.0;     // no other link reaches further
// Points of popularity signals (interest_score) by which a part must beat its container to be
// the stop: a Wikipedia article's worth.
constexpr double kClearlyBetterKnown = 10.0;
constexpr int kMinutesPerPart = 5;
constexpr int kMinutesForParts = 10;

enum class Link { None, Duplicate, Inside, Contains, SharedName };

// An included candidate as the merge sees it.
struct Member {
  std::size_t index = 0;  // into the attractions
  PlaceKind kind = PlaceKind::Other;
  std::vector<NameKey> keys;  // one per name the sources give it
  std::string folded;         // its shown name, folded
  double known = 0.0;         // its score above its kind's base: the popularity signals
  bool open_area = false;     // a park, garden or square: museums and churches inside stay apart
};

struct Edge {
  std::size_t x = 0;  // member indices
  std::size_t y = 0;
  Link link = Link::None;
  double metres = 0.0;
};

bool is_open_area(const model::Attraction& a, PlaceKind kind) {
  if (kind == PlaceKind::Park || kind == PlaceKind::Garden) return true;
  const auto leisure = a.tags.find("leisure");
  const auto historic = a.tags.find("historic");
  return (leisure != a.tags.end() && (leisure->second == "park" || leisure->second == "garden")) ||
         (historic != a.tags.end() && historic->second == "park");
}

// A part lies inside its container; in a park or square only what is not a building of its own.
bool can_be_part(const Member& part, const Member& container) {
  return !container.open_area || !is_building_kind(part.kind);
}

bool names_match(const Member& x, const Member& y, const NameKey& city, EditRows& rows) {
  if (same_name(x.folded, y.folded, rows) && !numerals_disagree(x.keys.front(), y.keys.front()))
    return true;
  for (const NameKey& a : x.keys) {
    for (const NameKey& b : y.keys) {
      if (same_sight_name(a, b, city)) return true;
    }
  }
  return false;
}

// Memorials, statues, plaques and artworks name people: two of them sharing a first name honour
// two people.
bool names_a_person(PlaceKind kind) {
  return kind == PlaceKind::Memorial || kind == PlaceKind::Monument || kind == PlaceKind::Plaque ||
         kind == PlaceKind::Artwork;
}

bool names_share_a_word(const Member& x, const Member& y, const NameKey& city) {
  // Two churches sharing a saint's name are two churches; a tower and its church are one sight.
  if (x.kind == y.kind && is_building_kind(x.kind)) return false;
  if (names_a_person(x.kind) && names_a_person(y.kind)) return false;
  // A park named after the church beside it keeps the church a stop of its own, as inside it.
  if ((x.open_area && is_building_kind(y.kind)) || (y.open_area && is_building_kind(x.kind)))
    return false;
  for (const NameKey& a : x.keys) {
    for (const NameKey& b : y.keys) {
      if (share_distinctive_word(a, b, city)) return true;
    }
  }
  return false;
}

Link link_of(const Member& x,
             const Member& y,
             const model::Attraction& a,
             const model::Attraction& b,
             double metres,
             const NameKey& city,
             EditRows& rows) {
  const bool both_ids = !a.wikidata.empty() && !b.wikidata.empty();
  // A shared Wikidata id 1.6 km apart is two sites of one institution (Monaco's NMNM villas).
  if (both_ids && a.wikidata == b.wikidata)
    return metres <= kSameWikidataRadiusM ? Link::Duplicate : Link::None;
  // Different Wikidata ids are different things, however alike their names; one may still be
  // part of the other.
  if (!both_ids && metres <= kSameNameRadiusM && names_match(x, y, city, rows))
    return Link::Duplicate;
  if (!a.within.empty() && a.within == b.source_id && can_be_part(x, y)) return Link::Inside;
  if (!b.within.empty() && b.within == a.source_id && can_be_part(y, x)) return Link::Contains;
  if (!both_ids) {
    // One building mapped twice as point and outline (Copenhagen's "Nationalmuseet" and "National
    // Museum of Denmark", 9 m apart); without any id only near-identical positions count.
    const double twin_radius =
        a.wikidata.empty() && b.wikidata.empty() ? kSameBuildingNoIdsRadiusM : kSameBuildingRadiusM;
    if (is_building_kind(x.kind) && x.kind == y.kind && metres <= twin_radius)
      return Link::Duplicate;
  }
  if (metres <= kSharedNameRadiusM && names_share_a_word(x, y, city)) return Link::SharedName;
  return Link::None;
}

// Walls, ramparts, earthworks and parks are mapped in pieces under one name (a hill fort's two
// "Äußerer Ringwall" ways, 1.1 km apart): with no id on either, one name and one kind within a
// short walk are one sight, not two stops of the same name. Fortifications count (they are walls
// as often as keeps); museums, churches and towers of one name are distinct buildings.
bool pieces_of_one_structure(const Member& x,
                             const Member& y,
                             const model::Attraction& a,
                             const model::Attraction& b,
                             double metres) {
  const bool can_be_in_pieces = !is_building_kind(x.kind) || x.kind == PlaceKind::Castle;
  return a.wikidata.empty() && b.wikidata.empty() && x.kind == y.kind && can_be_in_pieces &&
         metres <= kPiecesRadiusM && x.folded == y.folded;
}

std::size_t find_root(std::vector<std::size_t>& parent, std::size_t i) {
  while (parent[i] != i) i = parent[i] = parent[parent[i]];
  return i;
}

std::vector<Member> members_of(const std::vector<model::Attraction>& attractions) {
  std::vector<Member> members;
  for (std::size_t i = 0; i < attractions.size(); ++i) {
    const model::Attraction& a = attractions[i];
    if (!a.included) continue;
    Member m;
    m.index = i;
    m.kind = classify(a);
    for (const std::string& name : all_names(a)) m.keys.push_back(name_key(name));
    if (m.keys.empty()) m.keys.push_back({});
    m.folded = fold_name(a.name);
    m.known = a.interest_score - profile(m.kind).base_score;
    m.open_area = is_open_area(a, m.kind);
    members.push_back(std::move(m));
  }
  return members;
}

std::string distance_text(double metres) {
  return std::to_string(std::lround(metres)) + " m";
}

std::string reason_for(const Edge* edge, bool member_is_x, const std::string& stop, double metres) {
  const std::string quoted = "\"" + stop + "\"";
  if (edge == nullptr) return "part of " + quoted + " (" + distance_text(metres) + " away)";
  const bool inside = (edge->link == Link::Inside) == member_is_x;
  switch (edge->link) {
  case Link::Duplicate: return "duplicate of " + quoted + " (" + distance_text(metres) + " away)";
  case Link::SharedName:
    return "part of " + quoted + " (shares its name, " + distance_text(metres) + " away)";
  default:
    return "part of " + quoted +
           (inside ? " (inside its outline)" : " (" + quoted + " lies inside it)");
  }
}

// How a member ranks as the stop of its sight: its popularity signals, and kClearlyBetterKnown
// more when it contains another candidate (the castle, not the museum in it, unless the museum
// is clearly better known); then its score; then its id.
struct Rank {
  double known = 0.0;
  double score = 0.0;
  std::string_view id;

  bool operator<(const Rank& other) const {
    if (known != other.known) return known < other.known;
    if (score != other.score) return score < other.score;
    return id > other.id;
  }
};

std::vector<Rank> ranks_of(const std::vector<Member>& members,
                           const std::vector<Edge>& edges,
                           const std::vector<model::Attraction>& attractions) {
  std::vector<Rank> ranks;
  for (const Member& m : members) {
    const model::Attraction& a = attractions[m.index];
    ranks.push_back({m.known, a.interest_score, a.id});
  }
  std::vector<bool> container(members.size(), false);
  for (const Edge& e : edges) {
    if (e.link == Link::Contains) container[e.x] = true;
    if (e.link == Link::Inside) container[e.y] = true;
  }
  for (std::size_t m = 0; m < members.size(); ++m) {
    if (container[m]) ranks[m].known += kClearlyBetterKnown;
  }
  return ranks;
}

const Edge* edge_between(const std::vector<Edge>& edges, std::size_t p, std::size_t q) {
  for (const Edge& e : edges) {
    if ((e.x == p && e.y == q) || (e.x == q && e.y == p)) return &e;
  }
  return nullptr;
}

// One stop: `cluster` holds the stop's member first, then the members of its own sight (mapped
// more than once: duplicates), then its parts.
void merge_cluster(const std::vector<std::size_t>& cluster,
                   std::size_t duplicates,
                   const std::vector<Member>& members,
                   const std::vector<Edge>& edges,
                   std::vector<model::Attraction>& attractions,
                   PartsByStop& parts) {
  const std::size_t stop_member = cluster.front();
  model::Attraction& stop = attractions[members[stop_member].index];
  int added_minutes = 0;
  for (std::size_t k = 1; k < cluster.size(); ++k) {
    const std::size_t m = cluster[k];
    model::Attraction& member = attractions[members[m].index];
    const double metres = haversine_m(member.location, stop.location);
    stop.interest_score = std::max(stop.interest_score, member.interest_score);
    member.included = false;
    const Edge* direct = edge_between(edges, m, stop_member);
    if (k <= duplicates) {
      member.reason = "duplicate of \"" + stop.name + "\" (" + distance_text(metres) + " away)";
      continue;
    }
    member.reason = reason_for(direct, direct != nullptr && direct->x == m, stop.name, metres);
    const int minutes =
        std::min({kMinutesPerPart, member.visit_minutes, kMinutesForParts - added_minutes});
    added_minutes += std::max(0, minutes);
    stop.visit_minutes += std::max(0, minutes);
    parts[stop.id].push_back(member.name);
  }
}

// The sights: duplicates join transitively (one thing mapped several times); a part joins the
// best-ranked sight it is directly linked to, never through another part (a church that shares a
// name with a house in a garden is not part of the garden). Each cluster lists its stop first,
// then its duplicates, then its parts; the count of duplicates comes with it.
std::vector<std::pair<std::vector<std::size_t>, std::size_t>>
clusters_of(const std::vector<Member>& members,
            const std::vector<Edge>& edges,
            const std::vector<Rank>& ranks) {
  std::vector<std::size_t> parent(members.size());
  std::iota(parent.begin(), parent.end(), 0);
  for (const Edge& e : edges) {
    if (e.link == Link::Duplicate) parent[find_root(parent, e.y)] = find_root(parent, e.x);
  }
  std::map<std::size_t, std::vector<std::size_t>> things;
  for (std::size_t m = 0; m < members.size(); ++m) things[find_root(parent, m)].push_back(m);
  std::vector<std::vector<std::size_t>> ordered;
  for (auto& [root, thing] : things) {
    std::sort(thing.begin(), thing.end(), [&](std::size_t p, std::size_t q) {
      return ranks[q] < ranks[p];
    });
    ordered.push_back(std::move(thing));
  }
  std::sort(ordered.begin(), ordered.end(), [&](const auto& p, const auto& q) {
    return ranks[q.front()] < ranks[p.front()];
  });
  std::vector<std::size_t> thing_of(members.size());
  for (std::size_t t = 0; t < ordered.size(); ++t) {
    for (const std::size_t m : ordered[t]) thing_of[m] = t;
  }
  std::vector<bool> taken(ordered.size(), false);
  std::vector<std::pair<std::vector<std::size_t>, std::size_t>> clusters;
  for (std::size_t t = 0; t < ordered.size(); ++t) {
    if (taken[t]) continue;
    taken[t] = true;
    std::vector<std::size_t> cluster = ordered[t];
    for (const Edge& e : edges) {
      if (e.link == Link::Duplicate) continue;
      const bool x_here = thing_of[e.x] == t;
      if (x_here == (thing_of[e.y] == t)) continue;
      const std::size_t other = thing_of[x_here ? e.y : e.x];
      if (taken[other]) continue;
      taken[other] = true;
      cluster.insert(cluster.end(), ordered[other].begin(), ordered[other].end());
    }
    const auto parts_begin = cluster.begin() + static_cast<long>(ordered[t].size());
    std::sort(parts_begin, cluster.end(), [&](std::size_t p, std::size_t q) {
      return ranks[q] < ranks[p];
    });
    if (cluster.size() > 1) clusters.emplace_back(std::move(cluster), ordered[t].size() - 1);
  }
  return clusters;
}

}  // namespace

PartsByStop merge_sights(std::vector<model::Attraction>& attractions,
                         const std::string& city_name) {
  const NameKey city = name_key(city_name);
  const std::vector<Member> members = members_of(attractions);
  std::vector<Edge> edges;
  EditRows rows;  // reused by every pair: the pair loop allocates only for the edges it finds
  for (std::size_t x = 0; x < members.size(); ++x) {
    const model::Attraction& a = attractions[members[x].index];
    for (std::size_t y = x + 1; y < members.size(); ++y) {
      const model::Attraction& b = attractions[members[y].index];
      const double metres = haversine_m(a.location, b.location);
      // Two plaques or statues of one person under one name anywhere in the city: one stop is
      // enough (the others tell the same story again).
      if (names_a_person(members[x].kind) && members[x].kind == members[y].kind &&
          members[x].folded == members[y].folded && a.wikidata == b.wikidata) {
        edges.push_back({x, y, Link::Duplicate, metres});
        continue;
      }
      if (pieces_of_one_structure(members[x], members[y], a, b, metres)) {
        edges.push_back({x, y, Link::Duplicate, metres});
        continue;
      }
      if (metres > kLinkRadiusM) continue;
      const Link link = link_of(members[x], members[y], a, b, metres, city, rows);
      if (link != Link::None) edges.push_back({x, y, link, metres});
    }
  }
  const std::vector<Rank> ranks = ranks_of(members, edges, attractions);
  PartsByStop parts;
  for (const auto& [cluster, duplicates] : clusters_of(members, edges, ranks)) {
    merge_cluster(cluster, duplicates, members, edges, attractions, parts);
  }
  return parts;
}

void distinguish_names(std::vector<model::Attraction>& attractions) {
  std::map<std::string, std::vector<model::Attraction*>> by_name;
  for (model::Attraction& a : attractions) {
    if (a.included) by_name[fold_name(a.name)].push_back(&a);
  }
  for (auto& [folded, same] : by_name) {
    if (same.size() < 2) continue;
    for (model::Attraction* a : same) {
      const auto local = a->tags.find("name");
      if (local != a->tags.end() && is_place_name(local->second) &&
          fold_name(local->second) != folded) {
        a->name = local->second;
      }
    }
  }
}

}  // namespace core::algo
