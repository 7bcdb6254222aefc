#include "server/cli/cli.h"

#include "server/cli/commands.h"
#include "server/errors.h"
#include "shared/errors.h"

namespace server::cli {
namespace {

constexpr const char* kUsage =
    "Narrando: turns a city into ready-to-walk tours.\n"
    "\n"
    "usage: narrando-server <command> [options]\n"
    "\n"
    "commands:\n"
    "  generate <place_id>  plan tours for a city and store them (see generate --help)\n"
    "  cities               list the cities of the embedded offline data set\n"
    "  serve                run the HTTP API (PORT, default 8080)\n"
    "  replay <job|file>    re-run a generation from its recorded trace, offline; exit 0 if identical\n"
    "  migrate              apply database migrations\n"
    "  build-network        build a walking graph file from OSM extracts (see build-network --help)\n"
    "  build-basemap        build the console's offline basemap from OSM extracts (see build-basemap --help)\n"
    "  config               show the configuration variables and their values\n"
    "\n"
    "With no API keys and no DATABASE_URL everything runs offline: embedded places data,\n"
    "heuristic filter, walking model, SQLite file ./narrando.db.\n";

}  // namespace

int run(const std::vector<std::string>& args, const std::map<std::string, std::string>& env, std::ostream& out,
        std::ostream& err) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    (args.empty() ? err : out) << kUsage;
    return args.empty() ? 2 : 0;
  }
  const std::string& command = args[0];
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  try {
    if (command == "cities") return cities_command(rest, out);
    if (command == "build-network") return build_network_command(rest, out, err);
    if (command == "build-basemap") return build_basemap_command(rest, out, err);
    const config::Config config = config::from_environment(env);
    if (command == "generate") return generate_command(rest, config, out, err);
    if (command == "serve") return serve_command(rest, config, out, err);
    if (command == "migrate") return migrate_command(config, out);
    if (command == "replay") return replay_command(rest, config, out, err);
    if (command == "config") return config_command(config, out);
    err << "unknown command \"" << command << "\"\n\n" << kUsage;
    return 2;
  } catch (const core::InputError& e) {
    err << "error: " << e.what() << "\n";
    return 2;
  } catch (const core::NotFoundError& e) {
    err << "error: " << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    err << "error: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace server::cli
