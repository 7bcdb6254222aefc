// The command line people expect (CLI11): every subcommand answers --help without side effects,
// unknown options and extra arguments are usage errors naming them, errors speak in flags.
#include "server/cli/command_line.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <sstream>

#include "server/cli/cli.h"
#include "tests/support/temp_dir.h"

namespace {

struct CliResult {
  int code = 0;
  std::string out;
  std::string err;
};

// One subcommand and arguments that satisfy its required ones (so only what a case adds is wrong).
struct CommandCase {
  std::string name;
  std::vector<std::string> required;
};

const std::vector<CommandCase>& every_command() {
  static const std::vector<CommandCase> kCases{
      {"generate", {"geonames:2735943"}},
      {"cities", {}},
      {"serve", {}},
      {"replay", {"trace.json"}},
      {"migrate", {}},
      {"build-network",
       {"--pbf", "a.osm.pbf", "--bbox", "41.1,-8.7,41.2,-8.5", "--out", "graph.nwg"}},
      {"build-basemap", {"--pbf", "a.osm.pbf", "--city", "porto", "--out", "city.nbm"}},
      {"config", {}}};
  return kCases;
}

class CommandLine : public ::testing::Test {
 protected:
  CliResult run(std::vector<std::string> args) {
    std::ostringstream out;
    std::ostringstream err;
    const int code = server::cli::run(args, {{"NARRANDO_DB", db}, {"PORT", "0"}}, out, err);
    return {code, out.str(), err.str()};
  }
  static std::vector<std::string> with(const CommandCase& command, std::vector<std::string> more) {
    std::vector<std::string> args{command.name};
    args.insert(args.end(), command.required.begin(), command.required.end());
    args.insert(args.end(), more.begin(), more.end());
    return args;
  }
  bool nothing_written() const { return std::filesystem::is_empty(dir.path()); }

  narrando::testing::TempDir dir;
  std::string db = dir.file("narrando.db");
};

TEST_F(CommandLine, TheTableCoversEveryCommand) {
  std::vector<std::string> names;
  for (const CommandCase& command : every_command()) names.push_back(command.name);
  EXPECT_EQ(names, server::cli::command_names());
}

TEST_F(CommandLine, EveryCommandAnswersHelpWithItsUsageAndDoesNothingElse) {
  for (const CommandCase& command : every_command()) {
    for (const std::vector<std::string>& args : {std::vector<std::string>{command.name, "--help"},
                                                 std::vector<std::string>{command.name, "-h"},
                                                 with(command, {"--help"})}) {
      const CliResult result = run(args);
      EXPECT_EQ(result.code, 0) << command.name << ": " << result.err;
      EXPECT_NE(result.out.find("Usage: narrando-server " + command.name), std::string::npos)
          << result.out;
      EXPECT_TRUE(result.err.empty()) << result.err;
    }
    EXPECT_TRUE(nothing_written()) << command.name << " --help wrote a file (a database?)";
  }
  const CliResult usage = run({"--help"});
  EXPECT_EQ(usage.code, 0);
  for (const CommandCase& command : every_command()) {
    EXPECT_NE(usage.out.find("  " + command.name + " "), std::string::npos)
        << "the usage lists " << command.name;
  }
  EXPECT_EQ(run({"help"}).out, usage.out);
}

TEST_F(CommandLine, AnUnknownOptionIsAUsageErrorNamingIt) {
  for (const CommandCase& command : every_command()) {
    const CliResult result = run(with(command, {"--no-such-flag"}));
    EXPECT_EQ(result.code, 2) << command.name;
    EXPECT_EQ(result.err.rfind("error: ", 0), 0u) << result.err;
    EXPECT_NE(result.err.find("--no-such-flag"), std::string::npos)
        << command.name << ": " << result.err;
    EXPECT_TRUE(result.out.empty());
  }
  const CliResult before_any_command = run({"--no-such-flag"});
  EXPECT_EQ(before_any_command.code, 2);
  EXPECT_NE(before_any_command.err.find("--no-such-flag"), std::string::npos)
      << before_any_command.err;
  EXPECT_TRUE(nothing_written());
}

TEST_F(CommandLine, AnExtraArgumentIsAUsageErrorNamingIt) {
  for (const CommandCase& command : every_command()) {
    const CliResult result = run(with(command, {"surplus"}));
    EXPECT_EQ(result.code, 2) << command.name;
    EXPECT_NE(result.err.find("surplus"), std::string::npos) << command.name << ": " << result.err;
  }
  EXPECT_TRUE(nothing_written());
}

TEST_F(CommandLine, MissingArgumentsAndUnknownCommandsAreUsageErrors) {
  EXPECT_EQ(run({}).code, 2);
  const CliResult unknown = run({"fly"});
  EXPECT_EQ(unknown.code, 2);
  EXPECT_NE(unknown.err.find("unknown command \"fly\""), std::string::npos) << unknown.err;
  const CliResult no_place = run({"generate"});
  EXPECT_EQ(no_place.code, 2);
  EXPECT_NE(no_place.err.find("place_id"), std::string::npos) << no_place.err;
  for (const std::string command : {"build-network", "build-basemap"}) {
    const CliResult no_box = run({command, "--pbf", "a.osm.pbf", "--out", "out.bin"});
    EXPECT_EQ(no_box.code, 2) << command;
    EXPECT_NE(no_box.err.find("--bbox"), std::string::npos) << no_box.err;
    const CliResult two_boxes = run({command,
                                     "--pbf",
                                     "a.osm.pbf",
                                     "--bbox",
                                     "41.1,-8.7,41.2,-8.5",
                                     "--city",
                                     "porto",
                                     "--out",
                                     "out.bin"});
    EXPECT_EQ(two_boxes.code, 2) << command;
    EXPECT_NE(two_boxes.err.find("--city"), std::string::npos) << two_boxes.err;
  }
  EXPECT_TRUE(nothing_written());
}

TEST_F(CommandLine, ErrorsSpeakInFlags) {
  const auto error_of = [&](std::vector<std::string> args) {
    const CliResult result = run(std::move(args));
    EXPECT_EQ(result.code, 2) << result.err;
    return result.err;
  };
  EXPECT_EQ(error_of({"generate", "geonames:2735943", "--tours", "0"}),
            "error: --tours must be between 1 and 12\n");
  EXPECT_EQ(error_of({"generate", "geonames:2735943", "--max-leg", "50"}),
            "error: --max-leg must be between 200 and 10000\n");
  EXPECT_EQ(error_of({"generate", "geonames:2735943", "--radius=30000"}),
            "error: --radius must be between 200 and 20000\n");
  EXPECT_NE(error_of({"generate", "geonames:2735943", "--minutes", "lots"}).find("--minutes"),
            std::string::npos);
  EXPECT_NE(
      error_of({"generate", "geonames:2735943", "--end", "91,0"}).find("--end must have lat in"),
      std::string::npos);
  EXPECT_EQ(error_of({"serve", "--port", "70000"}), "error: --port must be between 0 and 65535\n");
  EXPECT_NE(error_of({"serve", "--role", "boss"}).find("--role must be one of"), std::string::npos);
  for (const std::string& message :
       {error_of({"generate", "geonames:2735943", "--speed", "50"}),
        error_of({"generate", "geonames:2735943", "--language", "english!"})}) {
    EXPECT_EQ(message.find("options."), std::string::npos) << message;
  }
  EXPECT_TRUE(nothing_written());
}

TEST_F(CommandLine, VersionIsTheProjectVersion) {
  const CliResult result = run({"--version"});
  EXPECT_EQ(result.code, 0);
  EXPECT_TRUE(
      std::regex_match(result.out, std::regex("narrando-server [0-9]+\\.[0-9]+\\.[0-9]+\n")))
      << result.out;
  EXPECT_TRUE(nothing_written());
}

}  // namespace
