#include "shared/algo/place_names.h"

#include <algorithm>

#include "shared/algo/romanize.h"
#include "shared/algo/sight_names.h"
#include "shared/model/languages.h"

namespace core::algo {
namespace {

std::string trimmed(std::string_view text) {
  const std::size_t first = text.find_first_not_of(' ');
  if (first == std::string_view::npos) return "";
  return std::string(text.substr(first, text.find_last_not_of(' ') - first + 1));
}

// A name as people read it: no runs of spaces, and OpenStreetMap's ';' between several names
// ("John Rogers;John Bradford") written as a list.
std::string cleaned(std::string_view name) {
  std::string out;
  for (const char c : trimmed(name)) {
    if (c == ';') {
      out += ", ";
    } else if (c != ' ' || (!out.empty() && out.back() != ' ')) {
      out += c;
    }
  }
  return trimmed(out);
}

const std::string* tag(const model::Attraction& a, const std::string& key) {
  const auto it = a.tags.find(key);
  return it == a.tags.end() ? nullptr : &it->second;
}

void add_unique(std::vector<std::string>& names, std::string_view name) {
  std::string clean = trimmed(name);
  if (clean.empty() || std::find(names.begin(), names.end(), clean) != names.end()) return;
  names.push_back(std::move(clean));
}

}  // namespace

std::string localized_name(const model::Attraction& a,
                           std::string_view language,
                           std::string_view local_language) {
  const std::string code = model::primary_language(language);
  const bool local_is_wanted = !local_language.empty() && code == local_language;
  const std::string* local =
      local_is_wanted ? (tag(a, "name") != nullptr ? tag(a, "name") : &a.name) : nullptr;
  for (const std::string* candidate :
       {tag(a, "name:" + code), local, tag(a, "name:en"), tag(a, "name"), &a.name}) {
    if (candidate == nullptr || !is_place_name(*candidate)) continue;
    // Every supported language is written in Latin letters: a fallback name in Cyrillic or Greek
    // would be unreadable (and unspeakable) in the document, so it is romanised.
    return has_romanizable_letters(*candidate) ? romanize(cleaned(*candidate))
                                               : cleaned(*candidate);
  }
  return "";
}

std::vector<std::string> all_names(const model::Attraction& a) {
  std::vector<std::string> names;
  add_unique(names, a.name);
  for (const auto& [key, value] : a.tags) {
    if (key == "name" || key.starts_with("name:")) add_unique(names, value);
  }
  for (const char* key : {"alt_name", "official_name"}) {
    const std::string* list = tag(a, key);
    if (list == nullptr) continue;
    for (std::size_t start = 0; start <= list->size();) {
      const std::size_t end = std::min(list->find(';', start), list->size());
      add_unique(names, std::string_view(*list).substr(start, end - start));
      start = end + 1;
    }
  }
  return names;
}

}  // namespace core::algo
