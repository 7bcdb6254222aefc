#pragma once

#include <map>
#include <ostream>
#include <string>
#include <vector>

namespace server::cli {

/// Runs `narrando-server <command> ...` with `args` after the program name and the process
/// environment `env`. Exit codes: 0 success, 1 failure, 2 bad usage or input. Never throws.
int run(const std::vector<std::string>& args,
        const std::map<std::string, std::string>& env,
        std::ostream& out,
        std::ostream& err);

}  // namespace server::cli
