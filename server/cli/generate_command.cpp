#include <atomic>
#include <chrono>

#include <nlohmann/json.hpp>

#include "server/cli/commands.h"
#include "server/cli/summary.h"
#include "server/service/generation_service.h"
#include "server/service/read_service.h"
#include "server/service/revision_choice.h"
#include "server/support/worker_id.h"
#include "server/wiring/services.h"
#include "shared/errors.h"
#include "shared/json/city_messages.h"

namespace server::cli {
namespace {

const std::atomic<bool> kNotStopping{false};  // the CLI sees its job through

core::model::GeoPoint parse_point(const std::string& text, const std::string& flag) {
  const std::size_t comma = text.find(',');
  try {
    std::size_t used_lat = 0;
    std::size_t used_lon = 0;
    const double lat = std::stod(text.substr(0, comma), &used_lat);
    const double lon = std::stod(text.substr(comma + 1), &used_lon);
    if (comma != std::string::npos && used_lat == comma && used_lon == text.size() - comma - 1)
      return {lat, lon};
  } catch (const std::exception&) {}
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

int print_city(const service::ExistingCity& shown,
               const std::vector<std::string>& warnings,
               bool json,
               std::ostream& out) {
  if (!shown.revision) throw core::NotFoundError("city " + shown.city.id + " has no revision");
  if (json) {
    out << nlohmann::json(core::json::CityDocument{shown.city, *shown.revision, warnings}).dump(2)
        << "\n";
  } else {
    print_summary(out, shown.city, *shown.revision, warnings);
  }
  return 0;
}

}  // namespace

int generate_command(const GenerateArgs& args,
                     const config::Config& config,
                     std::ostream& out,
                     std::ostream& err) {
  const std::string& place_id = args.place_id;
  const core::model::GenerationOptions options = options_from(args);

  // Unknown or malformed places are refused before anything (even the database file) is written.
  wiring::make_place_provider(config)->check_place_id(place_id);
  wiring::Services services = wiring::build_services(config);
  service::GenerationService& generation = *services.generation;
  const service::Submission submission =
      generation.submit({place_id, options, "", {}}, config::Role::Editor);
  if (submission.existing) {
    err << submission.existing->city.name
        << " was generated before; showing the stored tours (--force regenerates)\n";
    return print_city(*submission.existing, {}, args.json, out);
  }
  const auto joining = [&err](const core::model::Job& job) {
    err << "joining job " << job.id << " already " << to_string(job.status) << " for this place\n";
  };
  const service::Finished finished =
      generation.run_or_wait(submission.queued.job,
                             support::worker_id("cli"),
                             std::chrono::seconds(config.lease_seconds),
                             joining,
                             kNotStopping);
  const core::model::Job& job = finished.job;
  if (job.status != core::model::JobStatus::Succeeded || !job.result) {
    const std::string message =
        job.error ? job.error->code + ": " + job.error->message : "job did not finish";
    err << "error: generation failed (job " << job.id << "): " << message << "\n";
    return 1;
  }
  const service::CityView stored =
      services.reads->load_view(job.result->city_id, service::revision_for(config::Role::Editor));
  const int printed = print_city({stored.city, stored.revision}, finished.warnings, args.json, out);
  if (!args.json) print_stages(out, job.stages);
  return printed;
}

}  // namespace server::cli
