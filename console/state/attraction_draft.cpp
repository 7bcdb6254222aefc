#include "console/state/attraction_draft.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "shared/errors.h"

namespace console::state {
namespace {

std::size_t slot(AttractionField field) {
  return static_cast<std::size_t>(field);
}

std::string lower(const std::string& text) {
  std::string out = text;
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) {
    return static_cast<char>(std::tolower(c));
  });
  return out;
}

bool matches(const DraftRow& row, const RowQuery& query, const std::string& needle) {
  switch (query.filter) {
  case RowFilter::Included:
    if (!row.included) return false;
    break;
  case RowFilter::Excluded:
    if (row.included) return false;
    break;
  case RowFilter::Edited:
    if (!row.any_dirty()) return false;
    break;
  case RowFilter::All: break;
  }
  if (needle.empty()) return true;
  return lower(row.name).find(needle) != std::string::npos ||
         lower(row.description).find(needle) != std::string::npos ||
         lower(row.reason).find(needle) != std::string::npos;
}

// Negative for a before b; rows outside every tour sort after the tours.
int compare(const DraftRow& a, const DraftRow& b, RowSort sort) {
  const auto three_way = [](auto x, auto y) { return x < y ? -1 : (y < x ? 1 : 0); };
  switch (sort) {
  case RowSort::Included: return three_way(a.included, b.included);
  case RowSort::Name: return three_way(lower(a.name), lower(b.name));
  case RowSort::VisitMinutes: return three_way(a.visit_minutes, b.visit_minutes);
  case RowSort::Score: return three_way(a.score, b.score);
  case RowSort::Tour: {
    const auto key = [](const DraftRow& r) {
      return std::pair(r.tour < 0 ? 1 << 20 : r.tour, r.stop_number);
    };
    return three_way(key(a), key(b));
  }
  }
  return 0;
}

}  // namespace

bool DraftRow::any_dirty() const {
  return std::any_of(dirty.begin(), dirty.end(), [](bool d) { return d; });
}

bool DraftRow::any_error() const {
  return std::any_of(errors.begin(), errors.end(), [](const std::string& e) { return !e.empty(); });
}

void AttractionDraft::reset(const core::model::Revision& revision) {
  m_base.options = revision.options;
  m_base.attractions = revision.attractions;
  m_base.tours.clear();
  m_rows.clear();
  m_index.clear();
  for (const core::model::Attraction& a : revision.attractions) {
    DraftRow row;
    row.id = a.id;
    row.included = core::model::effective_included(a);
    row.name = core::model::effective_name(a);
    row.description = core::model::effective_description(a);
    row.visit_minutes = core::model::effective_visit_minutes(a);
    row.score = core::model::effective_score(a);
    row.reason = a.reason;
    m_index.emplace(a.id, m_rows.size());
    m_rows.push_back(std::move(row));
  }
  for (const core::model::Tour& tour : revision.tours) {
    for (std::size_t s = 0; s < tour.stops.size(); ++s) {
      if (DraftRow* r = row(tour.stops[s].attraction_id)) {
        r->tour = tour.index;
        r->stop_number = static_cast<int>(s) + 1;
      }
    }
  }
}

const DraftRow* AttractionDraft::find(const std::string& id) const {
  const auto it = m_index.find(id);
  return it == m_index.end() ? nullptr : &m_rows[it->second];
}

DraftRow* AttractionDraft::row(const std::string& id) {
  const auto it = m_index.find(id);
  return it == m_index.end() ? nullptr : &m_rows[it->second];
}

void AttractionDraft::set_included(const std::string& id, bool value) {
  if (DraftRow* r = row(id)) {
    r->included = value;
    update(*r, AttractionField::Included);
  }
}

void AttractionDraft::set_name(const std::string& id, const std::string& value) {
  if (DraftRow* r = row(id)) {
    r->name = value;
    update(*r, AttractionField::Name);
  }
}

void AttractionDraft::set_description(const std::string& id, const std::string& value) {
  if (DraftRow* r = row(id)) {
    r->description = value;
    update(*r, AttractionField::Description);
  }
}

void AttractionDraft::set_visit_minutes(const std::string& id, int value) {
  if (DraftRow* r = row(id)) {
    r->visit_minutes = value;
    update(*r, AttractionField::VisitMinutes);
  }
}

void AttractionDraft::set_score(const std::string& id, double value) {
  if (DraftRow* r = row(id)) {
    r->score = value;
    update(*r, AttractionField::Score);
  }
}

void AttractionDraft::revert(const std::string& id) {
  const auto it = m_index.find(id);
  if (it == m_index.end()) return;
  const core::model::Attraction& a = m_base.attractions[it->second];
  DraftRow& r = m_rows[it->second];
  r.included = core::model::effective_included(a);
  r.name = core::model::effective_name(a);
  r.description = core::model::effective_description(a);
  r.visit_minutes = core::model::effective_visit_minutes(a);
  r.score = core::model::effective_score(a);
  r.dirty = {};
  r.errors = {};
}

void AttractionDraft::update(DraftRow& r, AttractionField field) {
  const core::model::Attraction& a = m_base.attractions[m_index.at(r.id)];
  bool& dirty = r.dirty[slot(field)];
  switch (field) {
  case AttractionField::Included: dirty = r.included != core::model::effective_included(a); break;
  case AttractionField::Name: dirty = r.name != core::model::effective_name(a); break;
  case AttractionField::Description:
    dirty = r.description != core::model::effective_description(a);
    break;
  case AttractionField::VisitMinutes:
    dirty = r.visit_minutes != core::model::effective_visit_minutes(a);
    break;
  case AttractionField::Score:
    dirty = std::abs(r.score - core::model::effective_score(a)) > 1e-9;
    break;
  }
  std::string& error = r.errors[slot(field)];
  error.clear();
  if (!dirty) return;
  // Validate with the server's own code on a one-attraction scratch revision: the same messages
  // the PATCH would return, before anything is sent.
  core::model::Revision scratch;
  scratch.options = m_base.options;
  scratch.attractions = {a};
  try {
    core::edit::apply_attraction_patch(scratch, a.id, patch_of(r, false, field), {});
  } catch (const core::Error& e) {
    error = e.what();
  }
}

core::edit::AttractionPatch
AttractionDraft::patch_of(const DraftRow& r, bool dirty_only, AttractionField only) const {
  const auto wanted = [&](AttractionField f) { return dirty_only ? r.dirty[slot(f)] : f == only; };
  core::edit::AttractionPatch patch;
  if (wanted(AttractionField::Included)) {
    patch.included.emplace(r.included);
    const core::model::Attraction& a = m_base.attractions[m_index.at(r.id)];
    if (!r.included && a.editor.locked_tour)
      patch.locked_tour.emplace(std::nullopt);  // null: clear the lock
  }
  if (wanted(AttractionField::Name)) patch.name.emplace(r.name);
  if (wanted(AttractionField::Description)) patch.description.emplace(r.description);
  if (wanted(AttractionField::VisitMinutes)) patch.visit_minutes.emplace(r.visit_minutes);
  if (wanted(AttractionField::Score)) patch.interest_score.emplace(r.score);
  return patch;
}

int AttractionDraft::dirty_count() const {
  return static_cast<int>(
      std::count_if(m_rows.begin(), m_rows.end(), [](const DraftRow& r) { return r.any_dirty(); }));
}

int AttractionDraft::error_count() const {
  return static_cast<int>(
      std::count_if(m_rows.begin(), m_rows.end(), [](const DraftRow& r) { return r.any_error(); }));
}

std::vector<std::pair<std::string, core::edit::AttractionPatch>> AttractionDraft::patches() const {
  std::vector<std::pair<std::string, core::edit::AttractionPatch>> out;
  for (const DraftRow& r : m_rows) {
    if (r.any_dirty() && !r.any_error())
      out.emplace_back(r.id, patch_of(r, true, AttractionField::Included));
  }
  return out;
}

std::vector<std::size_t> visible_rows(const std::vector<DraftRow>& rows, const RowQuery& query) {
  const std::string needle = lower(query.text);
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (matches(rows[i], query, needle)) out.push_back(i);
  }
  std::stable_sort(out.begin(), out.end(), [&](std::size_t a, std::size_t b) {
    const int order = compare(rows[a], rows[b], query.sort);
    return query.ascending ? order < 0 : order > 0;
  });
  return out;
}

}  // namespace console::state
