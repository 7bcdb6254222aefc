#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "console/state/settings.h"
#include "shared/edit/draft_edits.h"

namespace console::state {

/// Which replay slot a run trace goes to: the one replayed, or the one compared with it.
enum class RunSlot { Primary, Compare };

/// (Re)connects to `settings.server_url` with `settings.api_key`, then lists the cities.
struct ConnectCommand {
  Settings settings;
};
/// GET /api/cities?q=query. Only the newest queued listing runs.
struct ListCitiesCommand {
  std::string query;
};
/// POST /api/generate-city (asynchronous), then follows the job's server-sent events.
struct GenerateCityCommand {
  std::string place_id;
  bool force = false;
};
/// Follows a job this console did not start (another editor's, seen in the city list) through its
/// server-sent events, as it follows its own.
struct FollowJobCommand {
  std::string job_id;
};
/// GET /api/cities/{id} (the draft if any, else the published revision, or `revision`).
struct LoadCityCommand {
  std::string city_id;
  std::optional<int> revision;
};
/// One PATCH per attraction, then reloads the city.
struct SaveAttractionsCommand {
  std::string city_id;
  std::vector<std::pair<std::string, core::edit::AttractionPatch>> patches;
};
/// PUT /api/cities/{id}/tours, then reloads the city.
struct SaveToursCommand {
  std::string city_id;
  std::vector<core::edit::TourEdit> tours;
};
/// POST /api/cities/{id}/replan (the server keeps locks); the answer replaces the city.
struct ReplanCommand {
  std::string city_id;
};
/// POST /api/cities/{id}/publish; `dry_run` only asks what would change.
struct PublishCommand {
  std::string city_id;
  bool dry_run = true;
};
/// GET /api/cities/{id}/runs/{job} into `slot`.
struct LoadRunCommand {
  std::string city_id;
  std::string job_id;
  RunSlot slot = RunSlot::Primary;
};
/// GET /api/cities/{id}/runs: the generation runs of a city that can be replayed.
struct ListRunsCommand {
  std::string city_id;
};

/// GET /api/cities/{id}/basemap, decoded on the worker.
struct LoadBasemapCommand {
  std::string city_id;
};

/// Everything a panel can ask of the network worker.
using Command = std::variant<ConnectCommand,
                             ListCitiesCommand,
                             GenerateCityCommand,
                             FollowJobCommand,
                             LoadCityCommand,
                             SaveAttractionsCommand,
                             SaveToursCommand,
                             ReplanCommand,
                             PublishCommand,
                             LoadRunCommand,
                             ListRunsCommand,
                             LoadBasemapCommand>;

/// Where panels put their commands during a frame; the app hands them to the worker after it.
class CommandSink {
 public:
  /// Queues `command`.
  void push(Command command) { m_commands.push_back(std::move(command)); }
  /// Everything queued since the last take(), oldest first.
  std::vector<Command> take() { return std::exchange(m_commands, {}); }
  /// True if nothing is queued.
  bool empty() const { return m_commands.empty(); }

 private:
  std::vector<Command> m_commands;
};

/// A short name of the command for the status bar: "connect", "save attractions", ...
const char* command_name(const Command& command);

}  // namespace console::state
