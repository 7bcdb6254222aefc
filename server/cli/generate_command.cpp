#include <chrono>
#include <thread>

#include <nlohmann/json.hpp>

#include "server/cli/args.h"
#include "server/cli/commands.h"
#include "server/cli/services.h"
#include "server/cli/summary.h"
#include "server/support/worker_id.h"
#include "shared/errors.h"
#include "shared/json/documents.h"
#include "shared/json/model_json.h"

namespace server::cli {
namespace {

constexpr const char* kGenerateUsage =
    "usage: narrando-server generate <place_id> [options]\n"
    "  place_id              a Google place id, or geonames:<id> (see `narrando-server cities`)\n"
    "  --tours K             number of tours (default 4)\n"
    "  --minutes M           minutes per tour, walking and visits (default 180)\n"
    "  --speed KMH           walking speed (default 4.5)\n"
    "  --detour F            street distance / straight line (default 1.3)\n"
    "  --start LAT,LON       where every tour starts (and ends, unless --end)\n"
    "  --end LAT,LON         where every tour ends\n"
    "  --language L          language of names and descriptions: de, en, es, fr, it, pt (default en)\n"
    "  --max-attractions N   candidates kept after filtering (default 80)\n"
    "  --max-leg M           longest walk between two stops, metres (default 2000)\n"
    "  --radius M            every stop within M metres of its tour's central stop (default 1500)\n"
    "  --step-free           walk without steps (where the walking network knows them)\n"
    "  --seed S              planner seed (default 1)\n"
    "  --force               regenerate a city that already exists\n"
    "  --json                print the city document as JSON instead of a summary\n";

core::model::GeoPoint parse_point(const std::string& text, const char* flag) {
  const std::size_t comma = text.find(',');
  try {
    std::size_t used_lat = 0;
    std::size_t used_lon = 0;
    const double lat = std::stod(text.substr(0, comma), &used_lat);
    const double lon = std::stod(text.substr(comma + 1), &used_lon);
    if (comma != std::string::npos && used_lat == comma && used_lon == text.size() - comma - 1) return {lat, lon};
  } catch (const std::exception&) {
  }
  throw core::InputError(std::string("--") + flag + " must be LAT,LON, got \"" + text + "\"", "invalid_arguments");
}

core::model::GenerationOptions options_from(const Args& args) {
  core::model::GenerationOptions options;
  const auto as_int = [](long long value) { return static_cast<int>(std::clamp<long long>(value, -1, 1'000'000)); };
  if (auto v = args.integer("tours")) options.tours = as_int(*v);
  if (auto v = args.integer("minutes")) options.minutes_per_tour = as_int(*v);
  if (auto v = args.number("speed")) options.walking_speed_kmh = *v;
  if (auto v = args.number("detour")) options.detour_factor = *v;
  if (auto v = args.value("start")) options.start = parse_point(*v, "start");
  if (auto v = args.value("end")) options.end = parse_point(*v, "end");
  if (auto v = args.value("language")) options.language = *v;
  if (auto v = args.integer("max-attractions")) options.max_attractions = as_int(*v);
  if (auto v = args.number("max-leg")) options.max_leg_m = *v;
  if (auto v = args.number("radius")) options.tour_radius_m = *v;
  options.step_free = args.has("step-free");
  if (auto v = args.integer("seed")) options.seed = static_cast<std::uint64_t>(std::max(0LL, *v));
  options.force = args.has("force");
  core::model::validate(options);
  return options;
}

// Someone else (a server sharing the database) runs this place: wait for its outcome.
core::model::Job wait_for(storage::Store& store, core::model::Job job, std::ostream& err) {
  err << "joining job " << job.id << " already " << to_string(job.status) << " for this place\n";
  while (job.status == core::model::JobStatus::Queued || job.status == core::model::JobStatus::Running) {
    std::this_thread::sleep_for(std::chrono::milliseconds(250));
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
    nlohmann::json document = core::json::city_document(*city, *revision);
    document["warnings"] = warnings;
    out << document.dump(2) << "\n";
  } else {
    print_summary(out, *city, *revision, warnings);
  }
  return 0;
}

}  // namespace

int generate_command(const std::vector<std::string>& args, const config::Config& config, std::ostream& out,
                     std::ostream& err) {
  const Args parsed(args,
                    {"tours", "minutes", "speed", "detour", "start", "end", "language", "max-attractions", "max-leg",
                     "radius", "seed"},
                    {"json", "force", "step-free", "help"});
  if (parsed.has("help")) {
    out << kGenerateUsage;
    return 0;
  }
  if (parsed.positionals().size() != 1) throw core::InputError(std::string("expected one place_id\n") + kGenerateUsage);
  const std::string& place_id = parsed.positionals().front();
  const core::model::GenerationOptions options = options_from(parsed);

  // Unknown or malformed places are refused before anything (even the database file) is written.
  make_place_provider(config)->check_place_id(place_id);
  Services services = build_services(config);
  if (!options.force) {
    if (const auto existing = services.store->find_city_by_place(place_id)) {
      err << existing->name << " was generated before; showing the stored tours (--force regenerates)\n";
      return print_city(services, existing->id, {}, parsed.has("json"), out);
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
    job = wait_for(*services.store, job, err);
  }
  if (job.status != core::model::JobStatus::Succeeded || !job.result) {
    const std::string message = job.error ? job.error->code + ": " + job.error->message : "job did not finish";
    err << "error: generation failed (job " << job.id << "): " << message << "\n";
    return 1;
  }
  const int printed = print_city(services, job.result->city_id, warnings, parsed.has("json"), out);
  if (!parsed.has("json")) print_stages(out, job.stages);
  return printed;
}

}  // namespace server::cli
