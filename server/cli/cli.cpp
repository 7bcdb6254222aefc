#include "server/cli/cli.h"

#include "server/cli/command_line.h"
#include "server/cli/commands.h"
#include "server/errors.h"
#include "shared/errors.h"

namespace server::cli {
namespace {

// Runs one parsed command; the configuration is read only by the commands that need it.
struct Dispatch {
  const std::map<std::string, std::string>& env;
  std::ostream& out;
  std::ostream& err;

  int operator()(const GenerateArgs& args) const {
    return generate_command(args, config::from_environment(env), out, err);
  }
  int operator()(const CitiesArgs& args) const { return cities_command(args, out); }
  int operator()(const ServeArgs& args) const {
    return serve_command(args, config::from_environment(env), out, err);
  }
  int operator()(const ReplayArgs& args) const {
    return replay_command(args, config::from_environment(env), out, err);
  }
  int operator()(const MigrateArgs&) const {
    return migrate_command(config::from_environment(env), out);
  }
  int operator()(const ConfigArgs&) const {
    return config_command(config::from_environment(env), out);
  }
  int operator()(const BuildNetworkArgs& args) const {
    return build_network_command(args, out, err);
  }
  int operator()(const BuildBasemapArgs& args) const {
    return build_basemap_command(args, out, err);
  }
};

}  // namespace

int run(const std::vector<std::string>& args,
        const std::map<std::string, std::string>& env,
        std::ostream& out,
        std::ostream& err) {
  const ParsedCommandLine parsed = parse_command_line(args, out, err);
  if (!parsed.command) return parsed.exit_code;
  try {
    return std::visit(Dispatch{env, out, err}, *parsed.command);
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
