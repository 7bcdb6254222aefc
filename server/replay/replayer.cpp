#include "server/replay/replayer.h"

#include <cstdio>

#include "server/pipeline/pipeline.h"
#include "server/replay/replay_place_provider.h"
#include "server/replay/replay_transport.h"
#include "server/wiring/providers.h"
#include "shared/edit/revision_diff.h"

namespace server::replay {
namespace {

std::vector<std::string> describe_differences(const core::model::RunTrace& trace,
                                              const std::vector<core::model::Tour>& replayed) {
  std::vector<std::string> lines;
  core::model::Revision recorded;
  recorded.attractions = trace.decisions;
  recorded.tours = trace.tours;
  core::model::Revision again = recorded;
  again.tours = replayed;
  const core::edit::RevisionChanges changes = core::edit::compare_revisions(recorded, again);
  if (changes.tours_before != changes.tours_after) {
    lines.push_back("tours: recorded " + std::to_string(changes.tours_before) + ", replayed " +
                    std::to_string(changes.tours_after));
  }
  for (const core::edit::TourChange& tour : changes.tours) {
    std::string line = "tour " + std::to_string(tour.index + 1) + ":";
    for (const std::string& name : tour.added) line += " +" + name;
    for (const std::string& name : tour.removed) line += " -" + name;
    if (tour.reordered) line += " same stops in another order";
    lines.push_back(line);
  }
  for (std::size_t i = 0; i < std::min(trace.tours.size(), replayed.size()); ++i) {
    if (trace.tours[i] == replayed[i]) continue;
    char text[160];
    std::snprintf(text,
                  sizeof text,
                  "tour %zu: %.1f walking minutes recorded, %.1f replayed",
                  i + 1,
                  trace.tours[i].walk_minutes,
                  replayed[i].walk_minutes);
    if (lines.empty() || trace.tours[i].stops == replayed[i].stops) lines.emplace_back(text);
  }
  return lines;
}

// What a generation took from the city's previous revision (editor fields, locked tours), if
// anything.
std::optional<core::model::Revision> previous_revision(const core::model::RunTrace& trace) {
  if (trace.editor_input.empty() && trace.locked_tours.empty()) return std::nullopt;
  core::model::Revision previous;
  previous.attractions = trace.editor_input;
  previous.tours = trace.locked_tours;
  return previous;
}

// A replan's input as recorded: the replanned revision's attractions and locked tours.
pipeline::ReplanRequest replan_request(const core::model::RunTrace& trace) {
  pipeline::ReplanRequest request{trace.job_id, trace.city, {}, trace.options};
  request.base.number = trace.base_revision;
  request.base.attractions = trace.decisions;
  request.base.tours = trace.locked_tours;
  return request;
}

}  // namespace

ReplayReport replay_run(const core::model::RunTrace& trace, const config::Config& config) {
  const wiring::ProviderChoice choice = wiring::ProviderChoice::from_settings(trace.settings);
  std::vector<std::shared_ptr<ReplayTransport>> transports;
  const wiring::TransportFactory factory = [&](const std::string& service) {
    transports.push_back(std::make_shared<ReplayTransport>(trace.calls, service));
    return transports.back();
  };
  config::Config replay_config = config;  // keys are never checked by recorded answers
  replay_config.google_places_api_key = "replay";
  replay_config.perplexity_api_key = "replay";
  clients::PriceTable prices = clients::PriceTable::defaults();
  wiring::Providers providers = wiring::make_providers(
      choice, replay_config, factory, [](auto) {}, prices);
  // Offline runs replay their recorded candidates; Google runs re-parse the recorded answers.
  ReplayPlaceProvider recorded_places(trace);
  pipeline::PlaceProvider& places =
      choice.places == core::model::PlaceSource::Google ? *providers.places : recorded_places;
  const pipeline::Pipeline pipeline(
      places,
      *providers.filter,
      *providers.distances,
      {pipeline::StageRetry{}.max_attempts, std::chrono::milliseconds(0)},
      trace.settings);
  pipeline::RunContext context;
  context.call_budget = static_cast<int>(trace.calls.size()) + 1;
  context.concurrency =
      config.generation_concurrency;  // answers are served by request, not by order
  const pipeline::GenerationResult result =
      trace.origin == core::model::RevisionOrigin::Replan
          ? pipeline.replan(replan_request(trace), context)
          : pipeline.run(
                {trace.job_id, trace.place_id, trace.options}, previous_revision(trace), context);
  ReplayReport report;
  report.tours = result.trace.tours;
  report.identical = report.tours == trace.tours;
  if (!report.identical) report.differences = describe_differences(trace, report.tours);
  for (const auto& transport : transports) report.unused_calls += transport->unused();
  return report;
}

}  // namespace server::replay
