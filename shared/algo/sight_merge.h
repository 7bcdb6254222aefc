#pragma once

#include <map>
#include <string>
#include <vector>

#include "shared/model/attraction.h"

namespace core::algo {

/// What merging left for the descriptions: each stop's parts, by the stop's attraction id.
using PartsByStop = std::map<std::string, std::vector<std::string>>;

/// Makes one stop of each sight among the included candidates (scores and minutes set). Two
/// candidates are one sight when they are the same thing mapped twice (the same Wikidata id
/// within 300 m; names equal after normalisation (sight_names.h) in any of their languages within
/// 150 m, unless their Wikidata ids differ; two buildings of one kind within 30 m, 10 m without
/// any Wikidata id; memorials, plaques, statues or artworks of one kind under the very same name
/// anywhere in the city), or when one is part of the other (it lies inside the other's outline,
/// where a park or square keeps the museums and churches in it apart; or it is within 120 m and
/// shares a distinctive name word). Names whose numerals differ are never one sight ("Alexander I",
/// "Alexander II"). Duplicates join transitively; a part joins only a sight it is linked to
/// itself. The stop is the best-known member (Wikidata, Wikipedia, translations, ratings); a
/// sight that contains another wins unless the other is clearly better known. It takes the best
/// score; each part adds up to 5 minutes (10 in all). The others are dropped with "duplicate of
/// \"<stop>\" (<d> m away)" or "part of \"<stop>\" (...)". `city_name` is left out of names
/// before they are compared. Returns the parts' names by stop, best first.
PartsByStop merge_sights(std::vector<model::Attraction>& attractions, const std::string& city_name);

/// Included stops that show the same name although they are different sights (two sites of one
/// museum have one English name) show their local names instead, when those differ.
void distinguish_names(std::vector<model::Attraction>& attractions);

}  // namespace core::algo
