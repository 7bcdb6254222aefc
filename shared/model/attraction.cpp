#include "shared/model/attraction.h"

#include <cstdint>

namespace core::model {

std::string attraction_id(const std::string& source_id) {
  // FNV-1a: tiny, stable across platforms and releases, good enough to tell a city's stops apart.
  std::uint64_t hash = 14695981039346656037ULL;
  for (const char c : source_id) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ULL;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id = "a";
  for (int shift = 60; shift >= 0; shift -= 4) {
    id += kHex[(hash >> shift) & 0xFU];
  }
  return id;
}

bool effective_included(const Attraction& attraction) {
  return attraction.editor.included.value_or(attraction.included);
}

const std::string& effective_name(const Attraction& attraction) {
  return attraction.editor.name ? *attraction.editor.name : attraction.name;
}

const std::string& effective_description(const Attraction& attraction) {
  return attraction.editor.description ? *attraction.editor.description : attraction.summary;
}

int effective_visit_minutes(const Attraction& attraction) {
  return attraction.editor.visit_minutes.value_or(attraction.visit_minutes);
}

double effective_score(const Attraction& attraction) {
  return attraction.editor.interest_score.value_or(attraction.interest_score);
}

}  // namespace core::model
