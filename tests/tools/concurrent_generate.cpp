// Times generations through the loopback fakes with a service's latency: every Google (and
// Overpass) call takes --google-ms, every LLM call --llm-ms. One generation per concurrency
// limit given, each on a fresh database; prints the wall time, the calls and the stage times.
// bench/concurrent-generate.sh runs it.
//   build/bin/concurrent_generate [--google-ms 300] [--llm-ms 3000] [--routes-policy
//   off|legs|matrix]
//                                 [--city porto] [--concurrency 1,8]
#include <chrono>
#include <cstdio>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "server/cli/cli.h"
#include "server/wiring/services.h"
#include "tests/fakes/fake_google.h"
#include "tests/fakes/fake_overpass.h"
#include "tests/fakes/fake_perplexity.h"
#include "tests/support/temp_dir.h"

namespace {

using namespace narrando::testing;

struct Options {
  int google_ms = 300;
  int llm_ms = 3000;
  std::string routes_policy = "off";
  std::string city = "porto";
  std::vector<int> limits{1, 8};
};

Options parse(int argc, char** argv) {
  Options options;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    const std::string value = argv[i + 1];
    if (flag == "--google-ms")
      options.google_ms = std::stoi(value);
    else if (flag == "--llm-ms")
      options.llm_ms = std::stoi(value);
    else if (flag == "--routes-policy")
      options.routes_policy = value;
    else if (flag == "--city")
      options.city = value;
    else if (flag == "--concurrency") {
      options.limits.clear();
      std::stringstream list(value);
      for (std::string item; std::getline(list, item, ',');)
        options.limits.push_back(std::stoi(item));
    } else {
      throw std::invalid_argument("unknown flag " + flag);
    }
  }
  return options;
}

// One generation, printed unless `quiet`; false when it failed.
bool time_one(const std::map<std::string, std::string>& base_env,
              const std::string& place_id,
              int limit,
              bool quiet = false) {
  TempDir dir;
  auto env = base_env;
  env["NARRANDO_DB"] = dir.file("bench.db");
  env["GENERATION_CONCURRENCY"] = std::to_string(limit);
  std::ostringstream out;
  std::ostringstream err;
  const auto start = std::chrono::steady_clock::now();
  const int code = server::cli::run({"generate", place_id, "--json"}, env, out, err);
  const double wall =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (code != 0) {
    std::cerr << "generate failed (limit " << limit << "): " << err.str();
    return false;
  }
  if (quiet) return true;
  const std::string job_id = nlohmann::json::parse(out.str())["revision"]["job_id"];
  const auto trace =
      server::wiring::connect_store(server::config::from_environment(env))->load_run(job_id);
  std::printf("concurrency %2d: %6.2f s wall, %3zu calls, %zu tours |",
              limit,
              wall,
              trace->calls.size(),
              trace->tours.size());
  for (const auto& stage : trace->stages) {
    std::printf(" %s %.2f s (%d)", to_string(stage.stage), stage.seconds, stage.calls);
  }
  std::printf("\n");
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  try {
    options = parse(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << e.what()
              << "\nusage: concurrent_generate [--google-ms N] [--llm-ms N] [--routes-policy P] "
                 "[--city KEY] [--concurrency 1,8]\n";
    return 2;
  }
  const std::string google_key = "AIzaFakeKeyForTests0123";
  const std::string llm_key = "pplx-fake-key-for-tests";
  FakeGoogle google(google_key, options.city);
  FakePerplexity llm(llm_key);
  FakeOverpass overpass;
  const std::map<std::string, std::string> env{{"GOOGLE_PLACES_API_KEY", google_key},
                                               {"GOOGLE_PLACES_BASE_URL", google.base_url()},
                                               {"GOOGLE_ROUTES_BASE_URL", google.base_url()},
                                               {"PERPLEXITY_API_KEY", llm_key},
                                               {"PERPLEXITY_BASE_URL", llm.base_url()},
                                               {"ROUTES_POLICY", options.routes_policy},
                                               {"OVERPASS_URL", overpass.interpreter_url()},
                                               {"LOG_LEVEL", "warn"}};
  std::printf("city %s, %d ms per Google/Overpass call, %d ms per LLM call, ROUTES_POLICY=%s\n",
              options.city.c_str(),
              options.google_ms,
              options.llm_ms,
              options.routes_policy.c_str());
  // One generation without latency first, so the timed runs do not include a process's first-use
  // costs (lazily loaded data, first connections).
  int failures = time_one(env, google.place_id(), 1, true) ? 0 : 1;
  const auto google_latency = std::chrono::milliseconds(options.google_ms);
  const auto llm_latency = std::chrono::milliseconds(options.llm_ms);
  google.set_latency([google_latency](const std::string&, int) { return google_latency; });
  overpass.set_latency([google_latency](const std::string&, int) { return google_latency; });
  llm.set_latency([llm_latency](const std::string&, int) { return llm_latency; });
  for (const int limit : options.limits)
    failures += time_one(env, google.place_id(), limit) ? 0 : 1;
  return failures == 0 ? 0 : 1;
}
