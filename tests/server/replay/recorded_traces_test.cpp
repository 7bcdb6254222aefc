// Every recorded trace in tests/data/traces/ replays to the same tours with no network: the
// regression cases of the pipeline, the clients' parsing of recorded answers and the planner.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "server/config/config.h"
#include "server/replay/replayer.h"
#include "shared/json/model_json.h"

namespace {

std::vector<std::filesystem::path> trace_files() {
  std::vector<std::filesystem::path> files;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::string(NARRANDO_TEST_DATA_DIR) + "/traces")) {
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

core::model::RunTrace load(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  return nlohmann::json::parse(text.str()).get<core::model::RunTrace>();
}

TEST(RecordedTraces, CoverGoogleLlmRoutesRetriesFallbacksAndOfflineRuns) {
  std::set<std::string> kinds;
  for (const auto& file : trace_files()) {
    const auto trace = load(file);
    kinds.insert(trace.settings.at("places") + "/" + trace.settings.at("filter") + "/" +
                 trace.settings.at("routes_policy"));
    for (const auto& call : trace.calls) {
      if (call.status >= 500) kinds.insert("retried");
    }
    if (trace.filter_used.find("fell back") != std::string::npos) kinds.insert("fallback");
  }
  for (const char* kind :
       {"google/llm/matrix", "google/llm/legs", "embedded/heuristic/off", "retried", "fallback"}) {
    EXPECT_TRUE(kinds.contains(kind)) << kind;
  }
}

TEST(RecordedTraces, ReplayToTheSameTours) {
  const auto files = trace_files();
  ASSERT_GE(files.size(), 4u);
  for (const auto& file : files) {
    const auto trace = load(file);
    const auto report = server::replay::replay_run(trace, server::config::from_environment({}));
    EXPECT_TRUE(report.identical) << file.filename() << ": "
                                  << ::testing::PrintToString(report.differences);
    EXPECT_EQ(report.unused_calls, 0u)
        << file.filename() << ": every recorded call is asked for again";
    EXPECT_FALSE(trace.tours.empty()) << file.filename();
  }
}

TEST(RecordedTraces, AChangedAnswerIsNoticed) {
  core::model::RunTrace trace;
  for (const auto& file : trace_files()) {
    if (file.filename().string().find("matrix") != std::string::npos) trace = load(file);
  }
  ASSERT_FALSE(trace.calls.empty());
  // Tamper with the recorded walking times: the replay must not claim the same tours.
  for (auto& call : trace.calls) {
    if (call.operation == "computeRouteMatrix") {
      for (std::size_t pos = call.response_body.find("\"duration\":\""); pos != std::string::npos;
           pos = call.response_body.find("\"duration\":\"", pos + 1)) {
        call.response_body.insert(pos + 12, "9");
      }
    }
  }
  EXPECT_FALSE(server::replay::replay_run(trace, server::config::from_environment({})).identical);
}

}  // namespace
