#pragma once

#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "console/state/attraction_draft.h"
#include "console/state/city_summary.h"
#include "console/state/commands.h"
#include "console/state/edit_history.h"
#include "console/state/map_view.h"
#include "console/state/replay_timeline.h"
#include "console/state/replies.h"
#include "console/state/run_compare.h"
#include "console/state/settings.h"
#include "console/state/tour_draft.h"
#include "shared/edit/revision_diff.h"
#include "shared/model/job.h"
#include "shared/model/run_trace.h"

namespace console::state {

/// Connection to the server, for the status bar.
enum class Connection { Disconnected, Connecting, Connected, Failed };

/// A generation job the console follows and its latest known state: one started here, or
/// another editor's that the city list showed (followed so that its progress and end show here).
struct JobView {
  std::string place_id;
  core::model::Job job;
  bool ended = false;
  bool started_here = true;  ///< false: another editor's job; its city is never opened for them
};

/// The city being edited: the document the server last sent.
struct LoadedCity {
  core::model::City city;
  core::model::Revision revision;
  std::vector<std::string> warnings;
};

/// The publish confirmation: waiting for the dry run, then its summary.
struct PublishDialog {
  bool open = false;
  std::optional<core::edit::RevisionChanges> changes;
  int draft_revision = 0;
};

/// QA replay: the run replayed, optionally a second run of the city compared with it.
struct ReplayState {
  std::optional<core::model::RunTrace> run;
  std::optional<core::model::RunTrace> compare;
  std::optional<RunComparison> comparison;
  std::vector<RunRef> runs;  ///< runs of the loaded city, to pick from
  ReplayTimeline timeline;
};

/// The open city's offline basemap (drawn under the tours when tiles are missing).
struct BasemapState {
  std::string city_id;  ///< the city it was asked for ("" before any)
  std::shared_ptr<const core::basemap::Basemap>
      map;                ///< null while loading or when the server has none
  bool answered = false;  ///< the server answered (with a basemap or with none)
};

/// The bottom tabs.
enum class BottomTab { Attractions, Tours, Replay };

/// Everything the panels draw from. No ImGui types; changed by the panels (UI choices) and by
/// apply_reply (server answers).
struct AppState {
  Settings settings;
  Connection connection = Connection::Disconnected;
  std::string server_label;  ///< the URL connected to
  bool editor = true;
  std::string last_error;  ///< shown in the status bar until the next success
  std::deque<std::string> log;

  std::string city_search;
  std::vector<CitySummary> cities;
  std::vector<core::json::PlaceSummary>
      places;  ///< the server's embedded data set, to generate from
  std::string place_id_input;
  bool force_generate = false;
  std::vector<JobView> jobs;

  std::optional<LoadedCity> city;
  AttractionDraft attractions;
  TourDraft tours;
  EditHistory history;      ///< undo and redo of the two drafts
  std::string find_query;   ///< the map's "find a stop" text
  bool focus_find = false;  ///< the find box takes the keyboard on the next frame (Ctrl+F)
  std::string selected_id;
  bool reveal_selection = false;  ///< the table scrolls to the selection once
  std::string hovered_id;
  int selected_tour = -1;  ///< the tour the map highlights (others dimmed), -1 for none
  MapView map;
  BasemapState basemap;

  PublishDialog publish;
  ReplayState replay;
  BottomTab tab = BottomTab::Attractions;
  bool tab_forced =
      false;  ///< select `tab` on the next frame (headless runs, links between panels)
};

/// Folds a worker reply into the state; may queue follow-up commands: list the runs when a city
/// loads, refresh the city list when a job starts or ends and after save, replan and publish,
/// refresh the runs when a job of the open city ends, follow the jobs of places the list shows
/// as generating. The commands only queue: nothing here waits for the network.
void apply_reply(AppState& state, Reply reply, CommandSink& commands);

/// The job generating list row `row`: the one with the row's job id, else a running job of its
/// place; null when the console follows none.
const JobView* job_for(const AppState& state, const CitySummary& row);

/// Appends a line to the log (the newest kLogLines are kept).
void add_log(AppState& state, std::string line);
inline constexpr std::size_t kLogLines = 200;

/// Selects an attraction (from the map or the table); `reveal` scrolls the table to it.
void select_attraction(AppState& state, const std::string& id, bool reveal);

/// Records the drafts before an edit named `key` (see EditHistory::before_change); panels call it
/// before changing state.attractions or state.tours.
void before_edit(AppState& state, const std::string& key);
/// Undoes (or redoes) the last draft edit; false when there is nothing to undo (redo).
bool undo_edit(AppState& state);
bool redo_edit(AppState& state);

/// The included-first best match of `query` among the open city's attractions (case- and
/// accent-insensitive substring of the name; a name starting with it first, then the higher
/// score), or "" when none matches.
std::string find_stop(const AppState& state, const std::string& query);

/// Selects attraction `id` and centres the map on it (zooming in to at least `min_zoom`).
void show_attraction(AppState& state, const std::string& id, double min_zoom);

/// Highlights tour `index` on the map (or none with -1) and zooms to it (to every tour with -1).
void focus_tour(AppState& state, int index);

/// True when the map shows the replay instead of the edited city.
bool map_shows_replay(const AppState& state);

/// The attraction `id` of the loaded city (or of the replayed run's decisions), or null.
const core::model::Attraction* find_attraction(const AppState& state, const std::string& id);

}  // namespace console::state
