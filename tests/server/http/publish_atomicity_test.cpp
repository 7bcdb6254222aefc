// A reader during publish sees the old or the new revision, never a mix: every document the app
// reads while editors keep editing and publishing must equal one stored revision exactly.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "shared/json/city_messages.h"
#include "tests/server/http/http_helpers.h"
#include "tests/support/test_server.h"

namespace {

using namespace narrando::testing;

TEST(PublishAtomicity, ReadersSeeWholeRevisionsOnly) {
  TestServer server{{{"API_KEYS", kApiKeys}}};
  auto setup = server.client();
  const std::string city = generate(setup, "geonames:2735943", bearer(kAppKey));
  const auto first = json_of(setup.Get("/api/cities/" + city, bearer(kEditorKey)));
  const std::string target = first["tours"][0]["stops"][0]["attraction_id"];

  std::atomic<bool> done{false};
  std::vector<std::string> seen_documents;
  std::mutex seen_mutex;
  std::vector<std::thread> readers;
  for (int r = 0; r < 3; ++r) {
    readers.emplace_back([&] {
      auto client = server.client();
      while (!done) {
        const auto result = client.Get("/api/cities/" + city, bearer(kAppKey));
        if (!result || result->status != 200) continue;
        std::lock_guard lock(seen_mutex);
        seen_documents.push_back(result->body);
      }
    });
  }
  auto editor = server.client();
  for (int round = 0; round < 6; ++round) {
    const std::string body = R"({"name": "Round )" + std::to_string(round) +
                             R"(", "visit_minutes": )" + std::to_string(10 + round) + "}";
    ASSERT_EQ(editor
                  .Patch("/api/cities/" + city + "/attractions/" + target,
                         bearer(kEditorKey),
                         body,
                         "application/json")
                  ->status,
              200);
    ASSERT_EQ(
        editor
            .Post("/api/cities/" + city + "/publish", bearer(kEditorKey), "{}", "application/json")
            ->status,
        200);
    // The readers read between publishes, however fast the editor's requests are served.
    const auto read_count = [&] {
      std::lock_guard lock(seen_mutex);
      return seen_documents.size();
    };
    const std::size_t wanted = read_count() + 3;
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (read_count() < wanted && std::chrono::steady_clock::now() < give_up)
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  done = true;
  for (auto& reader : readers) reader.join();

  ASSERT_GT(seen_documents.size(), 10u);
  std::set<int> numbers;
  for (const std::string& text : seen_documents) {
    const core::model::Revision seen =
        nlohmann::json::parse(text).get<core::json::CityDocument>().revision;
    numbers.insert(seen.number);
    EXPECT_EQ(seen.status, core::model::RevisionStatus::Published);
    const auto stored = server.services().store->load_revision(city, seen.number);
    ASSERT_TRUE(stored);
    EXPECT_EQ(seen.attractions, stored->attractions) << "revision " << seen.number;
    EXPECT_EQ(seen.tours, stored->tours) << "revision " << seen.number;
  }
  EXPECT_GE(numbers.size(), 2u) << "readers saw publishes happen";
}

}  // namespace
