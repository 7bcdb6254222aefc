#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "shared/model/generation_options.h"

// What each subcommand was asked on the command line, typed (command_line.h reads them).
namespace server::cli {

/// `generate <place_id> [options]`.
struct GenerateArgs {
  std::string place_id;
  core::model::GenerationOptions options;  ///< the flags' values (start and end below)
  std::optional<std::string> start;        ///< "LAT,LON" as given
  std::optional<std::string> end;
  bool json = false;
};

/// `cities [--json]`.
struct CitiesArgs {
  bool json = false;
};

/// `serve [--port N] [--host H] [--role R]`: what overrides the configuration.
struct ServeArgs {
  std::optional<int> port;
  std::optional<std::string> host;
  std::optional<std::string> role;
};

/// `replay <job-id | trace.json> [--json]`.
struct ReplayArgs {
  std::string source;
  bool json = false;
};

/// `migrate`.
struct MigrateArgs {};

/// `config`.
struct ConfigArgs {};

/// `--pbf FILE... (--bbox S,W,N,E | --city KEY) --out FILE`: the commands that build a data file
/// from OSM extracts.
struct OsmBuildArgs {
  std::vector<std::string> pbfs;
  std::optional<std::string> bbox;
  std::optional<std::string> city;
  std::string out;
};

/// `build-network`: a walking graph file.
struct BuildNetworkArgs : OsmBuildArgs {};

/// `build-basemap`: the console's vector basemap file.
struct BuildBasemapArgs : OsmBuildArgs {};

/// One parsed command line.
using CommandArgs = std::variant<GenerateArgs,
                                 CitiesArgs,
                                 ServeArgs,
                                 ReplayArgs,
                                 MigrateArgs,
                                 ConfigArgs,
                                 BuildNetworkArgs,
                                 BuildBasemapArgs>;

/// The flag of a generation option ("--tours", "--minutes"): errors speak in flags.
std::string flag_of(core::model::OptionField field);

}  // namespace server::cli
