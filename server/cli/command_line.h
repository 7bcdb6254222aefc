#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "server/cli/command_args.h"

namespace server::cli {

/// What a command line asked for: a command to run, or nothing more to do (help, the version, a
/// usage error) with the exit code.
struct ParsedCommandLine {
  std::optional<CommandArgs> command;
  int exit_code = 0;
};

/// Parses `args` (after the program name) with CLI11. `--help` (anywhere, for any command) and
/// `--version` print to `out` and give exit 0 without a command; an unknown command, option or
/// extra argument, a missing one, or a value of the wrong type print "error: ..." naming it to
/// `err` and give exit 2. Never throws.
ParsedCommandLine
parse_command_line(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

/// Every subcommand's name, in the order the usage lists them.
std::vector<std::string> command_names();

}  // namespace server::cli
