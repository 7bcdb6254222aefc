#include "console/state/tour_draft.h"

#include "shared/algo/walking_model.h"
#include "shared/errors.h"

namespace console::state {

void TourDraft::reset(const core::model::Revision& revision) {
  m_base = revision;
  m_loaded.clear();
  for (const core::model::Tour& tour : revision.tours) {
    DraftTour draft;
    draft.order_locked = tour.order_locked;
    for (const core::model::TourStop& stop : tour.stops)
      draft.stops.push_back({stop.attraction_id, stop.name, stop.locked});
    m_loaded.push_back(std::move(draft));
  }
  m_tours = m_loaded;
  refresh();
}

bool TourDraft::valid(int tour, int index, bool allow_end) const {
  if (tour < 0 || tour >= static_cast<int>(m_tours.size())) return false;
  const int size = static_cast<int>(m_tours[static_cast<std::size_t>(tour)].stops.size());
  return index >= 0 && (allow_end ? index <= size : index < size);
}

bool TourDraft::move(int from_tour, int from_index, int to_tour, int to_index) {
  if (!valid(from_tour, from_index, false) || !valid(to_tour, to_index, true)) return false;
  auto& source = m_tours[static_cast<std::size_t>(from_tour)].stops;
  auto& target = m_tours[static_cast<std::size_t>(to_tour)].stops;
  // Within one tour the target index counts the stop being moved: removing it shifts the rest.
  if (from_tour == to_tour && to_index > from_index) --to_index;
  if (from_tour == to_tour && to_index == from_index) return true;
  DraftStop stop = source[static_cast<std::size_t>(from_index)];
  source.erase(source.begin() + from_index);
  target.insert(target.begin() + to_index, std::move(stop));
  refresh();
  return true;
}

void TourDraft::set_locked(int tour, int index, bool locked) {
  if (!valid(tour, index, false)) return;
  m_tours[static_cast<std::size_t>(tour)].stops[static_cast<std::size_t>(index)].locked = locked;
  refresh();
}

void TourDraft::set_order_locked(int tour, bool locked) {
  if (tour < 0 || tour >= static_cast<int>(m_tours.size())) return;
  m_tours[static_cast<std::size_t>(tour)].order_locked = locked;
  refresh();
}

void TourDraft::revert() {
  m_tours = m_loaded;
  refresh();
}

std::vector<core::edit::TourEdit> TourDraft::edits() const {
  std::vector<core::edit::TourEdit> out;
  for (const DraftTour& tour : m_tours) {
    core::edit::TourEdit edit;
    edit.order_locked = tour.order_locked;
    for (const DraftStop& stop : tour.stops)
      edit.stops.push_back({stop.attraction_id, stop.locked});
    out.push_back(std::move(edit));
  }
  return out;
}

void TourDraft::refresh() {
  m_preview = {};
  if (!dirty()) {
    m_preview.tours = m_base.tours;
    return;
  }
  // Same code as the server's PUT /tours: the totals and warnings the editor will get.
  core::model::Revision scratch = m_base;
  const core::algo::WalkingModel walking{m_base.options.walking_speed_kmh,
                                         m_base.options.detour_factor};
  try {
    m_preview.warnings = core::edit::apply_tour_edits(scratch, edits(), walking);
    m_preview.tours = std::move(scratch.tours);
  } catch (const core::Error& e) {
    m_preview.error = e.what();
    m_preview.tours = m_base.tours;
  }
}

}  // namespace console::state
