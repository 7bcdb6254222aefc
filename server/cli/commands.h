#pragma once

#include <ostream>

#include "server/cli/command_args.h"
#include "server/config/config.h"

// The subcommands of narrando-server, each given its parsed arguments. Each returns the exit code
// (0 success, 1 failure, 2 bad input) and may throw core::Error subclasses (cli::run words them).
namespace server::cli {

/// `generate`: runs the pipeline and stores the result (or shows the stored city unless forced).
int generate_command(const GenerateArgs& args,
                     const config::Config& config,
                     std::ostream& out,
                     std::ostream& err);
/// `cities`: lists the embedded cities and how to address them.
int cities_command(const CitiesArgs& args, std::ostream& out);
/// `serve`: runs the HTTP service until SIGTERM or SIGINT.
int serve_command(const ServeArgs& args,
                  config::Config config,
                  std::ostream& out,
                  std::ostream& err);
/// `replay`: re-runs a generation from its trace with no network; exit 0 only if the tours are
/// identical (else the differences are printed).
int replay_command(const ReplayArgs& args,
                   const config::Config& config,
                   std::ostream& out,
                   std::ostream& err);
/// `build-network`: writes a walking graph file built from OSM extracts (exit 1 if the box holds
/// no walkable way).
int build_network_command(const BuildNetworkArgs& args, std::ostream& out, std::ostream& err);
/// `build-basemap`: writes the console's vector basemap of the extracts (data/basemap/*.nbm; exit 1
/// if the box holds no feature).
int build_basemap_command(const BuildBasemapArgs& args, std::ostream& out, std::ostream& err);
/// `migrate`: applies pending database migrations.
int migrate_command(const config::Config& config, std::ostream& out);
/// `config`: prints every configuration variable, its default and meaning (secrets masked).
int config_command(const config::Config& config, std::ostream& out);

}  // namespace server::cli
