#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "server/cli/commands.h"
#include "server/replay/replayer.h"
#include "server/wiring/services.h"
#include "shared/errors.h"
#include "shared/json/model_json.h"

namespace server::cli {
namespace {

// A trace from a file (the trace itself, or GET /api/cities/{id}/runs/{job}'s answer), or from
// the store by job id.
core::model::RunTrace load_trace(const std::string& source, const config::Config& config) {
  if (std::filesystem::is_regular_file(source)) {
    std::ifstream file(source);
    std::stringstream text;
    text << file.rdbuf();
    const auto json = nlohmann::json::parse(text.str(), nullptr, false);
    if (!json.is_object()) throw core::InputError(source + " is not a JSON run trace");
    return (json.contains("run") ? json["run"] : json).get<core::model::RunTrace>();
  }
  auto trace = wiring::connect_store(config)->load_run(source);
  if (!trace)
    throw core::NotFoundError("no run trace for job \"" + source + "\" (nor a file of that name)");
  return std::move(*trace);
}

}  // namespace

int replay_command(const ReplayArgs& args,
                   const config::Config& config,
                   std::ostream& out,
                   std::ostream& err) {
  const core::model::RunTrace trace = load_trace(args.source, config);
  const replay::ReplayReport report = replay::replay_run(trace, config);
  if (args.json) {
    out << nlohmann::json{{"identical", report.identical},
                          {"differences", report.differences},
                          {"unused_calls", report.unused_calls},
                          {"tours", report.tours}}
               .dump(2)
        << "\n";
  } else if (report.identical) {
    out << "replay of job " << trace.job_id << " (" << trace.city.name
        << "): " << report.tours.size() << " tours identical to the recorded run, from "
        << trace.calls.size() << " recorded calls\n";
  } else {
    err << "replay of job " << trace.job_id << " differs from the recorded run:\n";
    for (const std::string& line : report.differences) err << "  " << line << "\n";
  }
  return report.identical ? 0 : 1;
}

}  // namespace server::cli
