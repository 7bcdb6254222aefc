// The command line of narrando-server, on CLI11: every subcommand, flag and help text.
#include "server/cli/command_line.h"

#include <algorithm>

#include <CLI/CLI.hpp>

namespace server::cli {
namespace {

using core::model::OptionField;

constexpr const char* kDescription = "Narrando: turns a city into ready-to-walk tours.";
constexpr const char* kFooter =
    "Run `narrando-server <command> --help` for a command's options. With no API keys and no\n"
    "DATABASE_URL everything runs offline: embedded places data, heuristic filter, walking model,\n"
    "SQLite file ./narrando.db (`narrando-server config` lists the variables).";

// The flags bound to GenerationOptions: the option's own value is the default shown.
void add_generate(CLI::App& root, GenerateArgs& args) {
  CLI::App* sub = root.add_subcommand("generate", "plan tours for a city and store them");
  core::model::GenerationOptions& o = args.options;
  sub->add_option("place_id",
                  args.place_id,
                  "a Google place id, or geonames:<id> (see `narrando-server cities`)")
      ->required();
  sub->add_option(flag_of(OptionField::Tours), o.tours, "number of tours, 1..12")
      ->capture_default_str();
  sub->add_option(flag_of(OptionField::MinutesPerTour),
                  o.minutes_per_tour,
                  "minutes per tour, walking and visits")
      ->capture_default_str();
  sub->add_option(flag_of(OptionField::WalkingSpeed), o.walking_speed_kmh, "walking speed, km/h")
      ->capture_default_str();
  sub->add_option(
         flag_of(OptionField::DetourFactor), o.detour_factor, "street distance / straight line")
      ->capture_default_str();
  sub->add_option_function<std::string>(
      flag_of(OptionField::Start),
      [&args](const std::string& v) { args.start = v; },
      "LAT,LON where every tour starts (and ends, unless --end)");
  sub->add_option_function<std::string>(
      flag_of(OptionField::End),
      [&args](const std::string& v) { args.end = v; },
      "LAT,LON where every tour ends");
  sub->add_option(flag_of(OptionField::Language),
                  o.language,
                  "language of names and descriptions: de, en, es, fr, it, pt")
      ->capture_default_str();
  sub->add_option(
         flag_of(OptionField::MaxAttractions), o.max_attractions, "candidates kept after filtering")
      ->capture_default_str();
  sub->add_option(
         flag_of(OptionField::MaxLeg), o.max_leg_m, "longest walk between two stops, metres")
      ->capture_default_str();
  sub->add_option(flag_of(OptionField::TourRadius),
                  o.tour_radius_m,
                  "every stop within this many metres of its tour's central stop")
      ->capture_default_str();
  sub->add_flag(
      "--step-free", o.step_free, "walk without steps (where the walking network knows them)");
  sub->add_option("--seed", o.seed, "planner seed: the same seed gives the same tours")
      ->capture_default_str();
  sub->add_flag("--force", o.force, "regenerate a city that already exists (a new draft)");
  sub->add_flag("--json", args.json, "print the city document as JSON instead of a summary");
}

void add_serve(CLI::App& root, ServeArgs& args) {
  CLI::App* sub = root.add_subcommand("serve", "run the HTTP API until SIGTERM or SIGINT");
  sub->add_option_function<int>(
      "--port", [&args](int v) { args.port = v; }, "port to listen on (default PORT, 8080)");
  sub->add_option_function<std::string>(
      "--host",
      [&args](const std::string& v) { args.host = v; },
      "address to listen on when API_KEYS is set (default HOST, 0.0.0.0)");
  sub->add_option_function<std::string>(
      "--role",
      [&args](const std::string& v) { args.role = v; },
      "all (API and workers), api (API only) or worker (workers, probes and metrics only); default "
      "SERVE_ROLE");
}

// The flags of a command that builds a data file from OSM extracts; `about` is its help footer.
void add_osm_build(CLI::App& root,
                   const char* name,
                   const char* description,
                   const char* about,
                   OsmBuildArgs& args,
                   const char* out_help) {
  CLI::App* sub = root.add_subcommand(name, description);
  sub->footer(about);
  sub->add_option("--pbf", args.pbfs, "an .osm.pbf extract (repeat for several)")->required();
  CLI::Option* bbox = sub->add_option_function<std::string>(
      "--bbox", [&args](const std::string& v) { args.bbox = v; }, "S,W,N,E box in degrees");
  CLI::Option* city = sub->add_option_function<std::string>(
      "--city",
      [&args](const std::string& v) { args.city = v; },
      "the box of an embedded city (its key)");
  bbox->excludes(city);
  sub->add_option("--out", args.out, out_help)->required();
}

void add_build_network(CLI::App& root, BuildNetworkArgs& args) {
  add_osm_build(
      root,
      "build-network",
      "build a walking graph file from OSM extracts",
      "Builds the walking graph (OSRM foot profile) of the extracts' segments with an end inside "
      "the\n"
      "box and writes it (layout in shared/routing/graph_codec.h). Earlier --pbf files win where\n"
      "extracts overlap. --city KEY takes the box of an embedded city: its candidates' box plus\n"
      "500 m (scripts/build-walking-data.py builds data/walking/ this way).",
      args,
      "the graph file to write");
}

void add_build_basemap(CLI::App& root, BuildBasemapArgs& args) {
  add_osm_build(
      root,
      "build-basemap",
      "build the console's offline basemap from OSM extracts",
      "Builds the vector basemap the console draws offline (streets by class, footways, steps,\n"
      "water and riverbanks, coastline, parks, squares, buildings, railways, names of the main\n"
      "streets and squares) of the extracts, clipped to the box, at three levels of detail\n"
      "(layout in shared/basemap/basemap_codec.h). Earlier --pbf files win where extracts "
      "overlap.\n"
      "--city KEY takes an embedded city's box: its candidates' box plus 1500 m\n"
      "(scripts/build-basemap-data.py builds data/basemap/ this way).",
      args,
      "the basemap file to write");
}

// The whole command line: every subcommand, with the arguments its flags fill in.
struct CommandLineApp {
  CLI::App root{kDescription, "narrando-server"};
  GenerateArgs generate;
  CitiesArgs cities;
  ServeArgs serve;
  ReplayArgs replay;
  BuildNetworkArgs build_network;
  BuildBasemapArgs build_basemap;

  CommandLineApp() {
    root.footer(kFooter);
    root.set_version_flag("--version", std::string("narrando-server ") + NARRANDO_VERSION);
    root.require_subcommand(1);
    add_generate(root, generate);
    root.add_subcommand("cities", "list the cities of the embedded offline data set")
        ->add_flag("--json", cities.json, "print them as JSON");
    add_serve(root, serve);
    CLI::App* replay_sub = root.add_subcommand(
        "replay", "re-run a generation from its recorded trace, offline; exit 0 if identical");
    replay_sub
        ->add_option(
            "source", replay.source, "a job id (its trace in the database) or a trace file")
        ->required();
    replay_sub->add_flag("--json", replay.json, "print the report as JSON");
    root.add_subcommand("migrate", "apply database migrations");
    add_build_network(root, build_network);
    add_build_basemap(root, build_basemap);
    root.add_subcommand("config", "show the configuration variables and their values");
  }

  // The arguments of the subcommand the parse chose.
  CommandArgs chosen() const {
    const std::string& name = root.get_subcommands().front()->get_name();
    if (name == "generate") return generate;
    if (name == "cities") return cities;
    if (name == "serve") return serve;
    if (name == "replay") return replay;
    if (name == "migrate") return MigrateArgs{};
    if (name == "build-network") return build_network;
    if (name == "build-basemap") return build_basemap;
    return ConfigArgs{};
  }
};

// Says what was wrong with the command line, naming the option or argument.
void report(const CLI::ParseError& error,
            CLI::App& root,
            const std::vector<std::string>& args,
            bool named,
            std::ostream& err) {
  // Unknown options before any command leave the command missing: name them, not the command.
  const std::vector<std::string> extras = root.remaining();
  if (error.get_name() == "RequiredError" && !extras.empty()) {
    err << "error: unknown option";
    for (const std::string& extra : extras) err << " " << extra;
    err << "\n";
  } else {
    err << "error: " << error.what() << "\n";
  }
  if (args.empty()) {
    err << "\n" << root.help();
  } else {
    err << "(narrando-server " << (named ? args.front() + " " : "") << "--help gives the usage)\n";
  }
}

// CLI11 reads its arguments from the back.
std::vector<std::string> reversed(const std::vector<std::string>& args) {
  return {args.rbegin(), args.rend()};
}

}  // namespace

std::string flag_of(OptionField field) {
  switch (field) {
  case OptionField::Tours: return "--tours";
  case OptionField::MinutesPerTour: return "--minutes";
  case OptionField::WalkingSpeed: return "--speed";
  case OptionField::DetourFactor: return "--detour";
  case OptionField::MaxAttractions: return "--max-attractions";
  case OptionField::MaxLeg: return "--max-leg";
  case OptionField::TourRadius: return "--radius";
  case OptionField::Start: return "--start";
  case OptionField::End: return "--end";
  case OptionField::Language: return "--language";
  }
  return "";
}

ParsedCommandLine
parse_command_line(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  CommandLineApp app;
  // `help` alone asks for the usage, as --help does.
  const bool help_word = args.size() == 1 && args.front() == "help";
  const std::vector<std::string> names = command_names();
  const bool named =
      !args.empty() && std::find(names.begin(), names.end(), args.front()) != names.end();
  if (!args.empty() && !help_word && !named && !args.front().starts_with("-")) {
    err << "error: unknown command \"" << args.front() << "\"\n\n" << app.root.help();
    return {std::nullopt, 2};
  }
  try {
    app.root.parse(reversed(help_word ? std::vector<std::string>{"--help"} : args));
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success)) {
      return {std::nullopt, app.root.exit(e, out, err)};  // --help, --version
    }
    report(e, app.root, args, named, err);
    return {std::nullopt, 2};
  }
  return {app.chosen(), 0};
}

std::vector<std::string> command_names() {
  const CommandLineApp app;
  std::vector<std::string> names;
  for (const CLI::App* sub : app.root.get_subcommands({})) names.push_back(sub->get_name());
  return names;
}

}  // namespace server::cli
