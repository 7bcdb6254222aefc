// Writes the recorded run traces of tests/data/traces/ from generations through the loopback
// fakes. Run it on purpose (when the planner or a client changes what a run produces), never to
// make a failing replay test pass without understanding why:
//   build/bin/record_traces tests/data/traces
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "server/cli/cli.h"
#include "server/wiring/services.h"
#include "shared/json/model_json.h"
#include "tests/fakes/fake_google.h"
#include "tests/fakes/fake_overpass.h"
#include "tests/fakes/fake_perplexity.h"
#include "tests/support/temp_dir.h"

namespace {

using namespace narrando::testing;

int record(const std::filesystem::path& out_dir,
           const std::string& name,
           std::map<std::string, std::string> env,
           const std::string& place_id) {
  TempDir dir;
  env["NARRANDO_DB"] = dir.file("record.db");
  std::ostringstream out;
  std::ostringstream err;
  if (server::cli::run({"generate", place_id, "--json"}, env, out, err) != 0) {
    std::cerr << name << ": generate failed: " << err.str();
    return 1;
  }
  const std::string job_id = nlohmann::json::parse(out.str())["revision"]["job_id"];
  const auto trace =
      server::wiring::connect_store(server::config::from_environment(env))->load_run(job_id);
  std::ofstream file(out_dir / (name + ".json"));
  file << nlohmann::json(*trace).dump(1) << "\n";
  std::cout << "wrote " << (out_dir / (name + ".json")).string() << " (" << trace->calls.size()
            << " calls, " << trace->tours.size() << " tours)\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: record_traces <output folder>\n";
    return 2;
  }
  const std::filesystem::path out_dir = argv[1];
  const std::string google_key = "AIzaFakeKeyForTests0123";
  const std::string llm_key = "pplx-fake-key-for-tests";
  FakeGoogle google(google_key, "monaco");
  FakePerplexity llm(llm_key);
  FakeOverpass overpass;
  const std::map<std::string, std::string> external{{"GOOGLE_PLACES_API_KEY", google_key},
                                                    {"GOOGLE_PLACES_BASE_URL", google.base_url()},
                                                    {"GOOGLE_ROUTES_BASE_URL", google.base_url()},
                                                    {"PERPLEXITY_API_KEY", llm_key},
                                                    {"PERPLEXITY_BASE_URL", llm.base_url()},
                                                    {"ROUTES_POLICY", "matrix"},
                                                    {"ROUTES_MATRIX_MAX_POINTS", "60"},
                                                    {"CLIENT_RETRY_BASE_MS", "1"},
                                                    {"OVERPASS_URL", overpass.interpreter_url()}};
  int failures = record(out_dir, "monaco-google-llm-routes-matrix", external, google.place_id());
  auto streets = external;
  streets["ROUTES_POLICY"] =
      "off";  // the default: plan and draw on the street network from Overpass
  failures += record(out_dir, "monaco-google-llm-overpass", streets, google.place_id());
  auto chat = external;
  chat["LLM_API_STYLE"] = "chat";
  chat["ROUTES_POLICY"] = "legs";
  google.inject("searchText",
                {503, "", "application/json", "1", {}, false});  // a retried call is replayed too
  failures += record(out_dir, "monaco-google-llm-chat-legs-retry", chat, google.place_id());
  auto fallback = external;
  fallback["PERPLEXITY_API_KEY"] = "pplx-wrong-key";
  failures += record(out_dir, "monaco-google-llm-fallback", fallback, google.place_id());
  failures += record(out_dir, "porto-offline", {}, "geonames:2735943");
  return failures == 0 ? 0 : 1;
}
