#include "console/state/app_state.h"

#include <algorithm>

namespace console::state {
namespace {

JobView& job_view(AppState& state, const std::string& job_id) {
  const auto it = std::find_if(state.jobs.begin(), state.jobs.end(), [&](const JobView& j) { return j.job.id == job_id; });
  if (it != state.jobs.end()) return *it;
  JobView view;
  view.job.id = job_id;
  state.jobs.push_back(std::move(view));
  return state.jobs.back();
}

struct Apply {
  AppState& state;
  CommandSink& commands;

  void operator()(ConnectedReply& r) {
    state.connection = Connection::Connected;
    state.server_label = r.server_url;
    state.editor = r.editor;
    state.cities = std::move(r.cities);
    state.last_error.clear();
    add_log(state, "connected to " + state.server_label + (state.editor ? "" : " (read-only key: no drafts)"));
  }
  void operator()(CitiesReply& r) {
    if (r.query == state.city_search) state.cities = std::move(r.cities);
  }
  void operator()(JobAcceptedReply& r) {
    JobView& view = job_view(state, r.job_id);
    view.place_id = r.place_id;
    view.job.place_id = r.place_id;
    add_log(state, "generating " + r.place_id + " (job " + r.job_id + ")");
  }
  void operator()(JobUpdateReply& r) {
    JobView& view = job_view(state, r.job.id);
    if (view.place_id.empty()) view.place_id = r.job.place_id;
    view.job = std::move(r.job);
    view.ended = r.ended;
    if (!r.ended) return;
    commands.push(ListCitiesCommand{state.city_search});
    if (view.job.status == core::model::JobStatus::Succeeded && view.job.result) {
      add_log(state, view.place_id + " generated: revision " + std::to_string(view.job.result->revision));
      commands.push(LoadCityCommand{view.job.result->city_id, std::nullopt});
    } else if (view.job.status == core::model::JobStatus::Failed) {
      state.last_error = view.place_id + ": " + (view.job.error ? view.job.error->message : "generation failed");
    }
  }
  void operator()(AlreadyGeneratedReply& r) {
    add_log(state, r.place_id + " is already generated (tick \"force\" to regenerate)");
    commands.push(LoadCityCommand{r.city_id, std::nullopt});
  }
  void operator()(CityReply& r) {
    const bool same_city = state.city && state.city->city.id == r.city.id;
    if (!same_city) {
      state.map.fitted = false;
      state.selected_id.clear();
      state.replay = {};
    }
    state.attractions.reset(r.revision);
    state.tours.reset(r.revision);
    if (!state.selected_id.empty() && !state.attractions.find(state.selected_id)) state.selected_id.clear();
    add_log(state, (r.note.empty() ? "loaded " : r.note + ": ") + r.city.name + ", revision " +
                       std::to_string(r.revision.number));
    for (const std::string& warning : r.warnings) add_log(state, "warning: " + warning);
    const std::string city_id = r.city.id;
    const int latest = std::max(r.city.draft_revision.value_or(0), r.city.published_revision.value_or(0));
    state.city = LoadedCity{std::move(r.city), std::move(r.revision), std::move(r.warnings)};
    state.last_error.clear();
    if (!same_city) commands.push(ListRunsCommand{city_id, std::max(latest, state.city->revision.number)});
  }
  void operator()(PublishPreviewReply& r) {
    if (!state.city || state.city->city.id != r.city_id) return;
    state.publish.changes = std::move(r.changes);
    state.publish.draft_revision = r.draft_revision;
  }
  void operator()(PublishedReply& r) {
    state.publish = {};
    add_log(state, "published revision " + std::to_string(r.revision));
    commands.push(LoadCityCommand{r.city_id, std::nullopt});
    commands.push(ListCitiesCommand{state.city_search});
  }
  void operator()(RunReply& r) {
    add_log(state, "run trace " + r.trace.job_id + " loaded");
    if (r.slot == RunSlot::Primary) {
      state.replay.run = std::move(r.trace);
      state.replay.timeline = {};
    } else {
      state.replay.compare = std::move(r.trace);
    }
    state.replay.comparison.reset();
    if (state.replay.run && state.replay.compare) state.replay.comparison = compare_runs(*state.replay.run, *state.replay.compare);
  }
  void operator()(RunsReply& r) {
    if (state.city && state.city->city.id == r.city_id) state.replay.runs = std::move(r.runs);
  }
  void operator()(FailureReply& r) {
    std::string text = r.action + " failed: " + r.message;
    if (!r.code.empty()) text += " (" + r.code + (r.http_status ? ", HTTP " + std::to_string(r.http_status) : "") + ")";
    if (r.action == "connect") state.connection = Connection::Failed;
    if (r.code == "unreachable" && state.connection == Connection::Connected) state.connection = Connection::Failed;
    if (r.action == "preview publish" || r.action == "publish") state.publish = {};
    state.last_error = text;
    add_log(state, text);
  }
};

}  // namespace

void apply_reply(AppState& state, Reply reply, CommandSink& commands) { std::visit(Apply{state, commands}, reply); }

void add_log(AppState& state, std::string line) {
  state.log.push_back(std::move(line));
  while (state.log.size() > kLogLines) state.log.pop_front();
}

void select_attraction(AppState& state, const std::string& id, bool reveal) {
  state.selected_id = id;
  state.reveal_selection = reveal;
}

bool map_shows_replay(const AppState& state) { return state.tab == BottomTab::Replay && state.replay.run.has_value(); }

const core::model::Attraction* find_attraction(const AppState& state, const std::string& id) {
  const auto in = [&](const std::vector<core::model::Attraction>& list) -> const core::model::Attraction* {
    const auto it = std::find_if(list.begin(), list.end(), [&](const core::model::Attraction& a) { return a.id == id; });
    return it == list.end() ? nullptr : &*it;
  };
  if (map_shows_replay(state)) return in(state.replay.run->decisions);
  return state.city ? in(state.city->revision.attractions) : nullptr;
}

}  // namespace console::state
