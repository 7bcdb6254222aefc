#include "shared/edit/revision_diff.h"

#include <algorithm>
#include <map>
#include <set>

namespace core::edit {
namespace {

using Names = std::map<std::string, std::string, std::less<>>;

Names names_of(const model::Revision& revision) {
  Names names;
  for (const model::Attraction& a : revision.attractions) names[a.id] = model::effective_name(a);
  return names;
}

std::vector<std::string> ids_of(const model::Tour* tour) {
  std::vector<std::string> ids;
  if (tour) {
    for (const model::TourStop& stop : tour->stops) ids.push_back(stop.attraction_id);
  }
  return ids;
}

const model::Tour* tour_at(const model::Revision& revision, std::size_t index) {
  return index < revision.tours.size() ? &revision.tours[index] : nullptr;
}

TourChange compare_tour(const model::Tour* before,
                        const model::Tour* after,
                        std::size_t index,
                        const Names& names_before,
                        const Names& names_after) {
  TourChange change;
  change.index = static_cast<int>(index);
  change.title = after ? after->title : before->title;
  change.minutes_before = before ? before->total_minutes : 0.0;
  change.minutes_after = after ? after->total_minutes : 0.0;
  const std::vector<std::string> old_ids = ids_of(before);
  const std::vector<std::string> new_ids = ids_of(after);
  const std::set<std::string> old_set(old_ids.begin(), old_ids.end());
  const std::set<std::string> new_set(new_ids.begin(), new_ids.end());
  for (const std::string& id : new_ids) {
    if (!old_set.contains(id))
      change.added.push_back(names_after.count(id) ? names_after.at(id) : id);
  }
  for (const std::string& id : old_ids) {
    if (!new_set.contains(id))
      change.removed.push_back(names_before.count(id) ? names_before.at(id) : id);
  }
  change.reordered = change.added.empty() && change.removed.empty() && old_ids != new_ids;
  return change;
}

}  // namespace

RevisionChanges compare_revisions(const model::Revision& before, const model::Revision& after) {
  RevisionChanges changes;
  changes.tours_before = static_cast<int>(before.tours.size());
  changes.tours_after = static_cast<int>(after.tours.size());
  const Names names_before = names_of(before);
  const Names names_after = names_of(after);
  const std::size_t tour_count = std::max(before.tours.size(), after.tours.size());
  for (std::size_t i = 0; i < tour_count; ++i) {
    TourChange change =
        compare_tour(tour_at(before, i), tour_at(after, i), i, names_before, names_after);
    if (!change.added.empty() || !change.removed.empty() || change.reordered)
      changes.tours.push_back(change);
  }
  std::map<std::string, const model::Attraction*, std::less<>> old_by_id;
  for (const model::Attraction& a : before.attractions) old_by_id[a.id] = &a;
  for (const model::Attraction& a : after.attractions) {
    const auto it = old_by_id.find(a.id);
    const bool was_included = it != old_by_id.end() && model::effective_included(*it->second);
    const bool is_included = model::effective_included(a);
    if (is_included && !was_included) changes.newly_included.push_back(model::effective_name(a));
    if (!is_included && was_included) changes.newly_excluded.push_back(model::effective_name(a));
    if (it != old_by_id.end() && model::effective_name(*it->second) != model::effective_name(a)) {
      changes.renamed.push_back(model::effective_name(*it->second) + " -> " +
                                model::effective_name(a));
    }
  }
  return changes;
}

}  // namespace core::edit
