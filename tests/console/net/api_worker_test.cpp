#include "console/net/api_worker.h"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include <httplib.h>

#include "shared/basemap/basemap_builder.h"
#include "shared/basemap/basemap_codec.h"
#include "shared/json/city_messages.h"
#include "shared/json/job_messages.h"
#include "shared/json/service_messages.h"
#include "tests/console/fixtures.h"

namespace {

using namespace console::state;

// Sends `answer` (a message of shared/json) as the body.
template <class T>
void answer(httplib::Response& res, const T& message) {
  res.set_content(nlohmann::json(message).dump(), "application/json");
}

core::basemap::Basemap sample_basemap() {
  core::basemap::BasemapSource source;
  source.lines.push_back(
      {{{41.14, -8.62}, {41.15, -8.61}}, {{"highway", "primary"}, {"name", "Avenida"}}});
  return core::basemap::build_basemap(
             source, {{41.13, -8.63}, {41.16, -8.60}}, {"attribution", "test", "sha256:00"})
      .basemap;
}

// A stand-in for narrando-server with canned answers, on a free loopback port. Checks the key.
// `with_places`: false plays a server from before GET /api/places.
class FakeApi {
 public:
  explicit FakeApi(bool with_places = true) {
    m_server.Get("/readyz", [](const auto&, auto& res) {
      answer(res, core::json::ReadyAnswer{"ready", "sqlite"});
    });
    m_server.Get("/api/cities", [this](const httplib::Request& req, httplib::Response& res) {
      const std::string key = req.get_header_value("Authorization");
      if (key != "Bearer editor-key" && key != "Bearer app-key") return refuse(res);
      core::json::CityListItem item;
      item.city.id = "city-1";
      item.city.name = req.has_param("q") ? "Q:" + req.get_param_value("q") : "Porto";
      item.status = core::model::CityStatus::Published;
      // Another editor is generating a new city: the server lists its place without a city yet.
      core::json::CityListItem pending;
      pending.city.place_id = "geonames:3117735";
      pending.status = core::model::CityStatus::Generating;
      pending.job_id = "job-1";
      answer(res, core::json::CityList{{item, pending}});
    });
    if (with_places) {
      m_server.Get("/api/places", [](const auto&, auto& res) {
        answer(res,
               core::json::PlaceList{{{"geonames:2735943", "Porto", "PT", 206, true},
                                      {"geonames:3117735", "Madrid", "ES", 90, false}}});
      });
    }
    m_server.Get("/api/cities/city-1", [](const auto&, auto& res) {
      core::model::City city;
      city.id = "city-1";
      city.name = "Porto";
      answer(res,
             core::json::CityDocument{city, console::testing::sample_revision(), std::nullopt});
    });
    m_server.Get("/api/cities/city-1/runs", [](const auto&, auto& res) {
      using core::model::JobStatus;
      answer(res,
             core::json::RunList{{{"job-2",
                                   core::model::RevisionOrigin::Generation,
                                   JobStatus::Failed,
                                   "t2",
                                   std::nullopt,
                                   1,
                                   0.017},
                                  {"job-1",
                                   core::model::RevisionOrigin::Generation,
                                   JobStatus::Succeeded,
                                   "t1",
                                   1,
                                   0,
                                   0.0}}});
    });
    // As the real server: an editors-only route forbids an app key before it looks for the city.
    m_server.Get(R"(/api/cities/([^/]+)/runs/([^/]+))",
                 [](const httplib::Request& req, httplib::Response& res) {
                   const bool app = req.get_header_value("Authorization") == "Bearer app-key";
                   res.status = app ? 403 : 404;
                   res.set_content(
                       core::json::error_document(app ? "forbidden" : "not_found", "no").dump(),
                       "application/json");
                 });
    m_server.Get("/api/cities/city-1/basemap", [](const auto&, auto& res) {
      const std::vector<std::uint8_t> bytes = core::basemap::encode_basemap(sample_basemap());
      res.set_content(std::string(bytes.begin(), bytes.end()), "application/vnd.narrando.basemap");
    });
    m_server.Get("/api/cities/nowhere", [](const auto&, auto& res) {
      res.status = 404;
      answer(res, core::json::ErrorAnswer{"not_found", "no city nowhere", ""});
    });
    m_server.Post("/api/generate-city", [](const auto&, auto& res) {
      res.status = 202;
      answer(res, core::json::JobAccepted{"job-1", core::model::JobStatus::Queued, false});
    });
    m_server.Get("/api/jobs/job-1/events", [](const auto&, auto& res) {
      std::string stream;
      for (const core::model::JobStatus status :
           {core::model::JobStatus::Running, core::model::JobStatus::Succeeded}) {
        core::model::Job job;
        job.id = "job-1";
        job.place_id = "geonames:2735943";
        job.status = status;
        if (job.status == core::model::JobStatus::Succeeded)
          job.result = core::model::JobResult{"city-1", 1, 2, true};
        stream += std::string("event: ") + (job.result ? "end" : "progress") +
                  "\ndata: " + nlohmann::json(core::json::JobAnswer{job}).dump() + "\n\n";
      }
      res.set_content(stream, "text/event-stream");
    });
    m_port = m_server.bind_to_any_port("127.0.0.1");
    m_thread = std::thread([this] { m_server.listen_after_bind(); });
    for (int i = 0; i < 500 && !m_server.is_running(); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  ~FakeApi() {
    m_server.stop();
    m_thread.join();
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(m_port); }

 private:
  static void refuse(httplib::Response& res) {
    res.status = 401;
    answer(res, core::json::ErrorAnswer{"unauthorized", "missing or unknown API key", ""});
  }

  httplib::Server m_server;
  int m_port = 0;
  std::thread m_thread;
};

// Drains `worker` until `done` holds for the replies so far, or 10 s pass.
std::vector<Reply> wait_for(console::net::ApiWorker& worker,
                            const std::function<bool(const std::vector<Reply>&)>& done) {
  std::vector<Reply> replies;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (!done(replies) && std::chrono::steady_clock::now() < deadline) {
    for (auto& r : worker.drain()) replies.push_back(std::move(r));
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return replies;
}

template <class T>
const T* find(const std::vector<Reply>& replies) {
  for (const Reply& r : replies) {
    if (const T* found = std::get_if<T>(&r)) return found;
  }
  return nullptr;
}

Settings settings_for(const FakeApi& api, const std::string& key) {
  Settings settings;
  settings.server_url = api.url();
  settings.api_key = key;
  return settings;
}

TEST(ApiWorker, ConnectsWithTheKeyAndListsCities) {
  FakeApi api;
  console::net::ApiWorker worker;
  worker.submit(ConnectCommand{settings_for(api, "editor-key")});
  const auto replies = wait_for(
      worker, [](const auto& r) { return find<ConnectedReply>(r) || find<FailureReply>(r); });
  const auto* connected = find<ConnectedReply>(replies);
  ASSERT_NE(connected, nullptr) << (find<FailureReply>(replies)
                                        ? find<FailureReply>(replies)->message
                                        : "");
  ASSERT_EQ(connected->cities.size(), 2u);
  EXPECT_EQ(connected->cities[0].status, core::model::CityStatus::Published);
  EXPECT_TRUE(connected->editor);
  // The place being generated does not break the connection: it is a row that cannot be opened.
  EXPECT_FALSE(connected->cities[1].openable());
  EXPECT_EQ(connected->cities[1].job_id, "job-1");
  // The server's embedded cities, to generate from (the console no longer carries its own list).
  ASSERT_EQ(connected->places.size(), 2u);
  EXPECT_EQ(connected->places[0].name, "Porto");
  EXPECT_TRUE(connected->places[0].walking_network);
}

TEST(ApiWorker, AServerWithoutThePlacesListStillConnects) {
  FakeApi api(false);
  console::net::ApiWorker worker;
  worker.submit(ConnectCommand{settings_for(api, "editor-key")});
  const auto replies = wait_for(
      worker, [](const auto& r) { return find<ConnectedReply>(r) || find<FailureReply>(r); });
  ASSERT_NE(find<ConnectedReply>(replies), nullptr);
  EXPECT_TRUE(find<ConnectedReply>(replies)->places.empty());
}

TEST(ApiWorker, ListsTheRunsOfACityInOneRequest) {
  FakeApi api;
  console::net::ApiWorker worker;
  worker.submit(ConnectCommand{settings_for(api, "editor-key")});
  worker.submit(ListRunsCommand{"city-1"});
  const auto replies =
      wait_for(worker, [](const auto& r) { return find<RunsReply>(r) || find<FailureReply>(r); });
  const auto* runs = find<RunsReply>(replies);
  ASSERT_NE(runs, nullptr) << (find<FailureReply>(replies) ? find<FailureReply>(replies)->message
                                                           : "");
  EXPECT_EQ(runs->city_id, "city-1");
  ASSERT_EQ(runs->runs.size(), 1u) << "the failed run has no trace to replay";
  EXPECT_EQ(runs->runs[0].job_id, "job-1");
  EXPECT_EQ(runs->runs[0].revision, 1);
}

TEST(ApiWorker, AnAppKeyConnectsReadOnly) {
  FakeApi api;
  console::net::ApiWorker worker;
  worker.submit(ConnectCommand{settings_for(api, "app-key")});
  const auto replies = wait_for(
      worker, [](const auto& r) { return find<ConnectedReply>(r) || find<FailureReply>(r); });
  const auto* connected = find<ConnectedReply>(replies);
  ASSERT_NE(connected, nullptr);
  EXPECT_FALSE(connected->editor)
      << "the list looks the same to both keys; the editors-only route tells";
}

TEST(ApiWorker, LoadsAndDecodesACitysBasemapOrNoneOn404) {
  FakeApi api;
  console::net::ApiWorker worker;
  worker.submit(ConnectCommand{settings_for(api, "editor-key")});
  worker.submit(LoadBasemapCommand{"city-1"});
  worker.submit(LoadBasemapCommand{"nowhere"});
  const auto replies = wait_for(worker, [](const auto& r) {
    return std::count_if(r.begin(), r.end(), [](const Reply& x) {
             return std::holds_alternative<BasemapReply>(x);
           }) == 2;
  });
  std::vector<const BasemapReply*> basemaps;
  for (const Reply& r : replies) {
    if (const auto* b = std::get_if<BasemapReply>(&r)) basemaps.push_back(b);
  }
  ASSERT_EQ(basemaps.size(), 2u);
  ASSERT_NE(basemaps[0]->basemap, nullptr);
  EXPECT_EQ(*basemaps[0]->basemap, sample_basemap());
  EXPECT_EQ(basemaps[1]->city_id, "nowhere");
  EXPECT_EQ(basemaps[1]->basemap, nullptr);
}

TEST(ApiWorker, AWrongKeyBecomesAFailureReply) {
  FakeApi api;
  console::net::ApiWorker worker;
  worker.submit(ConnectCommand{settings_for(api, "wrong")});
  const auto replies =
      wait_for(worker, [](const auto& r) { return find<FailureReply>(r) != nullptr; });
  const auto* failure = find<FailureReply>(replies);
  ASSERT_NE(failure, nullptr);
  EXPECT_EQ(failure->action, "connect");
  EXPECT_EQ(failure->code, "unauthorized");
  EXPECT_EQ(failure->http_status, 401);
}

TEST(ApiWorker, AnUnreachableServerIsReportedNotThrown) {
  console::net::ApiWorker worker;
  Settings settings;
  settings.server_url = "http://127.0.0.1:1";
  worker.submit(ConnectCommand{settings});
  const auto replies =
      wait_for(worker, [](const auto& r) { return find<FailureReply>(r) != nullptr; });
  ASSERT_NE(find<FailureReply>(replies), nullptr);
  EXPECT_EQ(find<FailureReply>(replies)->code, "unreachable");
}

TEST(ApiWorker, CommandsBeforeConnectingFail) {
  console::net::ApiWorker worker;
  worker.submit(LoadCityCommand{"city-1", std::nullopt});
  const auto replies =
      wait_for(worker, [](const auto& r) { return find<FailureReply>(r) != nullptr; });
  EXPECT_EQ(find<FailureReply>(replies)->code, "not_connected");
}

TEST(ApiWorker, LoadsACityAndReportsServerErrors) {
  FakeApi api;
  console::net::ApiWorker worker;
  worker.submit(ConnectCommand{settings_for(api, "editor-key")});
  worker.submit(LoadCityCommand{"city-1", std::nullopt});
  worker.submit(LoadCityCommand{"nowhere", std::nullopt});
  const auto replies =
      wait_for(worker, [](const auto& r) { return find<CityReply>(r) && find<FailureReply>(r); });
  ASSERT_NE(find<CityReply>(replies), nullptr);
  EXPECT_EQ(find<CityReply>(replies)->revision.tours.size(), 2u);
  EXPECT_EQ(find<FailureReply>(replies)->message, "no city nowhere");
  EXPECT_EQ(find<FailureReply>(replies)->http_status, 404);
}

TEST(ApiWorker, FollowsAJobThroughItsEvents) {
  FakeApi api;
  console::net::ApiWorker worker;
  worker.submit(ConnectCommand{settings_for(api, "editor-key")});
  worker.submit(GenerateCityCommand{"geonames:2735943", false});
  const auto ended = [](const std::vector<Reply>& r) {
    return std::any_of(r.begin(), r.end(), [](const Reply& x) {
      const auto* update = std::get_if<JobUpdateReply>(&x);
      return update && update->ended;
    });
  };
  const auto replies = wait_for(worker, ended);
  ASSERT_NE(find<JobAcceptedReply>(replies), nullptr);
  EXPECT_EQ(find<JobAcceptedReply>(replies)->job_id, "job-1");
  std::vector<core::model::JobStatus> statuses;
  for (const Reply& r : replies) {
    if (const auto* update = std::get_if<JobUpdateReply>(&r))
      statuses.push_back(update->job.status);
  }
  EXPECT_EQ(statuses,
            (std::vector<core::model::JobStatus>{core::model::JobStatus::Running,
                                                 core::model::JobStatus::Succeeded}));
  EXPECT_EQ(worker.pending(), 0);
}

TEST(ApiWorker, FollowsAJobItDidNotStart) {
  FakeApi api;
  console::net::ApiWorker worker;
  worker.submit(ConnectCommand{settings_for(api, "editor-key")});
  worker.submit(FollowJobCommand{"job-1"});
  const auto replies = wait_for(worker, [](const std::vector<Reply>& r) {
    return std::any_of(r.begin(), r.end(), [](const Reply& x) {
      const auto* update = std::get_if<JobUpdateReply>(&x);
      return update && update->ended;
    });
  });
  EXPECT_EQ(find<JobAcceptedReply>(replies), nullptr);  // nothing was generated from here
  EXPECT_EQ(find<FailureReply>(replies), nullptr);
  const auto last = std::find_if(replies.rbegin(), replies.rend(), [](const Reply& x) {
    return std::holds_alternative<JobUpdateReply>(x);
  });
  ASSERT_NE(last, replies.rend());
  EXPECT_EQ(std::get<JobUpdateReply>(*last).job.status, core::model::JobStatus::Succeeded);
  EXPECT_TRUE(std::get<JobUpdateReply>(*last).ended);
}

}  // namespace
