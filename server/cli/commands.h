#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "server/config/config.h"

namespace server::cli {

/// `generate <place_id> [options]`: runs the pipeline and stores the result. Returns the exit code.
int generate_command(const std::vector<std::string>& args, const config::Config& config, std::ostream& out,
                     std::ostream& err);
/// `cities [--json]`: lists the embedded cities and how to address them.
int cities_command(const std::vector<std::string>& args, std::ostream& out);
/// `serve [--port N] [--host H]`: runs the HTTP service until SIGTERM or SIGINT.
int serve_command(const std::vector<std::string>& args, config::Config config, std::ostream& out,
                  std::ostream& err);
/// `replay <job-id | trace.json>`: re-runs a generation from its trace with no network; exit 0
/// only if the tours are identical (else the differences are printed).
int replay_command(const std::vector<std::string>& args, const config::Config& config, std::ostream& out,
                   std::ostream& err);
/// `build-network --pbf FILE... --bbox S,W,N,E --out FILE`: writes a walking graph file built from
/// OSM extracts. Returns the exit code (1 if the box holds no walkable way).
int build_network_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
/// `build-basemap --pbf FILE... (--bbox S,W,N,E | --city KEY) --out FILE`: writes the console's vector
/// basemap of the extracts (data/basemap/*.nbm).
int build_basemap_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
/// `migrate`: applies pending database migrations.
int migrate_command(const config::Config& config, std::ostream& out);
/// `config`: prints every configuration variable, its default and meaning (secrets masked).
int config_command(const config::Config& config, std::ostream& out);

}  // namespace server::cli
