#include <cstdio>

#include "server/cli/commands.h"
#include "server/config/config.h"
#include "server/storage/store.h"
#include "server/wiring/services.h"

namespace server::cli {

int migrate_command(const config::Config& config, std::ostream& out) {
  const auto store = wiring::connect_store(config);
  const int applied = store->migrate();
  out << "database (" << store->backend() << "): applied " << applied << " migration"
      << (applied == 1 ? "" : "s") << ", schema is up to date\n";
  return 0;
}

int config_command(const config::Config& config, std::ostream& out) {
  out << "Effective configuration (secrets masked):\n";
  for (const std::string& line : config::describe(config)) out << "  " << line << "\n";
  out << "\nVariables:\n";
  char row[320];
  for (const config::VariableDoc& variable : config::documented_variables()) {
    std::snprintf(row,
                  sizeof row,
                  "  %-24s default %-30s %s%s\n",
                  variable.name,
                  variable.default_value,
                  variable.meaning,
                  variable.secret ? " (secret)" : "");
    out << row;
  }
  return 0;
}

}  // namespace server::cli
