#pragma once

#include <array>
#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "shared/edit/draft_edits.h"
#include "shared/model/revision.h"

namespace console::state {

/// The editable columns of the attractions table.
enum class AttractionField { Included, Name, Description, VisitMinutes, Score };
inline constexpr std::size_t kAttractionFieldCount = 5;

/// One table row: the effective values as edited, the tour that visits it, and per field a dirty
/// mark and the validation message of the server's own rules (empty when valid).
struct DraftRow {
  std::string id;
  bool included = false;
  std::string name;
  std::string description;
  int visit_minutes = 0;
  double score = 0.0;
  int tour = -1;        ///< 0-based tour visiting it in the loaded revision, -1 for none
  int stop_number = 0;  ///< 1-based position in that tour, 0 for none
  std::string reason;   ///< the filter's (or editor's) reason
  std::array<bool, kAttractionFieldCount> dirty{};
  std::array<std::string, kAttractionFieldCount> errors{};

  /// True if any field differs from the loaded revision.
  bool any_dirty() const;
  /// True if any field fails validation.
  bool any_error() const;
};

/// A copy of a revision's attractions for the table: edits change the copy only, mark the field
/// dirty and validate it with core::edit's rules; patches() gives what Save sends. Pure.
class AttractionDraft {
 public:
  /// Replaces every row with `revision`'s attractions (the server's answer wins); clears marks.
  void reset(const core::model::Revision& revision);
  /// Rows in the revision's order.
  const std::vector<DraftRow>& rows() const { return m_rows; }
  /// The row of attraction `id`, or null.
  const DraftRow* find(const std::string& id) const;

  /// Setters of one field of row `id` (unknown ids are ignored). Each re-validates the field.
  void set_included(const std::string& id, bool value);
  void set_name(const std::string& id, const std::string& value);
  void set_description(const std::string& id, const std::string& value);
  void set_visit_minutes(const std::string& id, int value);
  void set_score(const std::string& id, double value);
  /// Puts row `id` back to the loaded values.
  void revert(const std::string& id);

  /// Rows with at least one dirty field.
  int dirty_count() const;
  /// Rows with at least one invalid field (Save is refused while any).
  int error_count() const;
  /// One PATCH per dirty row holding only its dirty fields (excluding a locked stop also clears
  /// its lock, which the server requires). Rows with errors are left out.
  std::vector<std::pair<std::string, core::edit::AttractionPatch>> patches() const;

 private:
  DraftRow* row(const std::string& id);
  void update(DraftRow& row, AttractionField field);
  core::edit::AttractionPatch
  patch_of(const DraftRow& row, bool dirty_only, AttractionField field) const;

  core::model::Revision m_base;  ///< options and attractions of the loaded revision (no tours)
  std::vector<DraftRow> m_rows;
  std::map<std::string, std::size_t, std::less<>> m_index;
};

/// Which rows the table lists.
enum class RowFilter { All, Included, Excluded, Edited };

/// Sort keys of the table.
enum class RowSort { Included, Name, VisitMinutes, Score, Tour };

/// Filter text, row filter and sort order of the table.
struct RowQuery {
  std::string text;  ///< case-insensitive substring of name, description or reason
  RowFilter filter = RowFilter::All;
  RowSort sort = RowSort::Score;
  bool ascending = false;
};

/// Indices into `rows` that match `query`, in its order (ties keep the revision's order).
std::vector<std::size_t> visible_rows(const std::vector<DraftRow>& rows, const RowQuery& query);

}  // namespace console::state
