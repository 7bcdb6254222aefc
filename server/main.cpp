// narrando-server: the wiring lives in server/cli; this only hands it the process.
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "server/cli/cli.h"

extern char** environ;

int main(int argc, char** argv) {
  std::map<std::string, std::string> env;
  for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
    const std::string text = *entry;
    const std::size_t equals = text.find('=');
    if (equals != std::string::npos) env.emplace(text.substr(0, equals), text.substr(equals + 1));
  }
  const std::vector<std::string> args(argv + 1, argv + argc);
  return server::cli::run(args, env, std::cout, std::cerr);
}
