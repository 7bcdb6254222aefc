#pragma once

#include <map>
#include <string>

#include "shared/algo/place_kind.h"
#include "shared/model/attraction.h"

namespace core::algo {

/// What a candidate's source tags say beyond its place types.
struct TagReading {
  std::string drop;  ///< not a stop, and why (rule first: "office building (office=government)");
                     ///< empty: a stop
  std::string note;  ///< a fact for the reason of a kept stop ("private: seen from outside")
};

/// Reads the secondary tags (OpenStreetMap) and fields (Google) of a candidate whose types make
/// it a sight of kind `kind`: closure rules first (closure_reason), then shopping malls, office
/// buildings, commercial galleries (a gallery that is a shop, or with no public or cultural
/// signal), and shops, restaurants or bars that are also tagged as sights but have no sight
/// signal (heritage, a historic tag, a Wikipedia article, name translations, many ratings). A
/// famous bookshop, a market hall or a station hall with such signals stays a sight.
TagReading read_tags(const model::Attraction& attraction, PlaceKind kind);

/// Why a candidate cannot be a stop whoever judged it (the LLM included): closed permanently or
/// temporarily (Google businessStatus), demolished or gone (lifecycle tags), disused unless it is
/// a historic monument, private or no access unless it is a well-known landmark seen from
/// outside. Empty when it may be a stop.
std::string closure_reason(const model::Attraction& attraction);

/// True for a place well known on its own: Wikidata and Wikipedia, a heritage listing, 3 or more
/// name translations, or 1,000 or more Google ratings.
bool is_well_known(const model::Attraction& attraction);

/// The memorial's kind when OpenStreetMap tags make it a minor one (memorial or memorial:type
/// plaque, bust, grave, stolperstein, stone...; a tombstone): "bust"; empty for other memorials
/// (statues, war memorials) and for what is not a memorial.
std::string minor_memorial_kind(const std::map<std::string, std::string>& tags);

}  // namespace core::algo
