#include <chrono>

#include <nlohmann/json.hpp>

#include "server/cli/commands.h"
#include "server/cli/services.h"
#include "server/cli/summary.h"
#include "server/support/worker_id.h"
#include "shared/errors.h"
#include "shared/json/city_messages.h"

namespace server::cli {
namespace {

core::model::GeoPoint parse_point(const std::string& text, const std::string& flag) {
  const std::size_t comma = text.find(',');
  try {
    std::size_t used_lat = 0;
    std::size_t used_lon = 0;
    const double lat = std::stod(text.substr(0, comma), &used_lat);
    const double lon = std::stod(text.substr(comma + 1), &used_lon);
    if (comma != std::string::npos && used_lat == comma && used_lon == text.size() - comma - 1) return {lat, lon};
  } catch (const std::exception&) {
  }
  throw core::InputError(flag + " must be LAT,LON, got \"" + text + "\"", "invalid_arguments");
}

// The options the flags gave, checked; a problem is named by its flag ("--tours must be ...").
core::model::GenerationOptions options_from(const GenerateArgs& args) {
  using core::model::OptionField;
  core::model::GenerationOptions options = args.options;
  if (args.start) options.start = parse_point(*args.start, flag_of(OptionField::Start));
  if (args.end) options.end = parse_point(*args.end, flag_of(OptionField::End));
  if (const auto problem = core::model::first_problem(options)) {
    throw core::InputError(flag_of(problem->field) + " " + problem->requirement, problem->code);
  }
  return options;
}

// Someone else (a server sharing the database) runs this place: wait for its outcome.
core::model::Job wait_for(storage::Store& store, const support::Clock& clock, core::model::Job job, std::ostream& err) {
  err << "joining job " << job.id << " already " << to_string(job.status) << " for this place\n";
  while (!core::model::finished(job.status)) {
    clock.sleep_for(std::chrono::milliseconds(250));
    job = store.find_job(job.id).value_or(job);
  }
  return job;
}

int print_city(Services& services, const std::string& city_id, const std::vector<std::string>& warnings, bool json,
               std::ostream& out) {
  const auto city = services.store->find_city(city_id);
  const auto number = city ? (city->draft_revision ? city->draft_revision : city->published_revision) : std::nullopt;
  const auto revision = number ? services.store->load_revision(city_id, *number) : std::nullopt;
  if (!revision) throw core::NotFoundError("city " + city_id + " has no revision");
  if (json) {
    out << nlohmann::json(core::json::CityDocument{*city, *revision, warnings}).dump(2) << "\n";
  } else {
    print_summary(out, *city, *revision, warnings);
  }
  return 0;
}

}  // namespace

int generate_command(const GenerateArgs& args, const config::Config& config, std::ostream& out, std::ostream& err) {
  const std::string& place_id = args.place_id;
  const core::model::GenerationOptions options = options_from(args);

  // Unknown or malformed places are refused before anything (even the database file) is written.
  make_place_provider(config)->check_place_id(place_id);
  Services services = build_services(config);
  if (!options.force) {
    if (const auto existing = services.store->find_city_by_place(place_id)) {
      err << existing->name << " was generated before; showing the stored tours (--force regenerates)\n";
      return print_city(services, existing->id, {}, args.json, out);
    }
  }
  const std::string worker = support::worker_id("cli");
  const storage::EnqueueResult queued = services.store->enqueue_job(place_id, options, "");
  core::model::Job job = queued.job;
  std::vector<std::string> warnings;
  auto claimed = services.store->claim_specific_job(job.id, worker, std::chrono::seconds(config.lease_seconds));
  if (claimed) {
    jobs::JobOutcome outcome = services.runner->run(std::move(*claimed), worker);
    job = std::move(outcome.job);
    warnings = std::move(outcome.warnings);
  } else {
    job = wait_for(*services.store, *services.clock, job, err);
  }
  if (job.status != core::model::JobStatus::Succeeded || !job.result) {
    const std::string message = job.error ? job.error->code + ": " + job.error->message : "job did not finish";
    err << "error: generation failed (job " << job.id << "): " << message << "\n";
    return 1;
  }
  const int printed = print_city(services, job.result->city_id, warnings, args.json, out);
  if (!args.json) print_stages(out, job.stages);
  return printed;
}

}  // namespace server::cli
