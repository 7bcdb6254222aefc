// The Overpass client against a loopback fake of the interpreter: the query it asks, the answer it
// reads, the network it builds (a river crossed by one bridge), its cache and its failures.
#include "server/clients/overpass_client.h"

#include <gtest/gtest.h>

#include "server/errors.h"
#include "shared/algo/geo.h"
#include "tests/fakes/fake_overpass.h"
#include "tests/server/clients/client_fixture.h"

namespace {

using namespace narrando::testing;
using server::clients::OverpassNetworkSource;

class Overpass : public ::testing::Test {
 protected:
  OverpassNetworkSource source() {
    server::clients::OverpassSettings settings;
    settings.path = "/interpreter";
    return OverpassNetworkSource(loopback.caller, settings, loopback.prices);
  }
  FakeOverpass fake;
  LoopbackCaller loopback{"overpass", fake.base_url() + "/api"};
  server::pipeline::RunContext context;
  core::model::City city{};
};

TEST(OverpassQuery, AsksForWalkableWaysWithTheirNodesInTheBox) {
  const std::string query = server::clients::overpass_query({{41.14, -8.62}, {41.16, -8.60}}, 80);
  EXPECT_EQ(query.rfind("[out:json][timeout:80][bbox:41.14,-8.62,41.16,-8.60];", 0), 0u) << query;
  for (const char* part : {"way[highway];",
                           "way[route=ferry];",
                           "way[railway=platform];",
                           "(._;>;);",
                           "out body qt;"}) {
    EXPECT_NE(query.find(part), std::string::npos) << part;
  }
}

TEST(ParseOverpass, ReadsNodesWaysAndTags) {
  const auto data = server::clients::parse_overpass(R"({"version": 0.6, "elements": [
      {"type": "node", "id": 1, "lat": 41.1, "lon": -8.6, "tags": {"barrier": "gate", "access": "private"}},
      {"type": "node", "id": 2, "lat": 41.1001, "lon": -8.6},
      {"type": "way", "id": 9, "nodes": [1, 2], "tags": {"highway": "footway", "name": "Rua"}}]})");
  ASSERT_EQ(data.nodes.size(), 2u);
  EXPECT_EQ(data.nodes[0].lat_e7, 411000000);
  EXPECT_EQ(data.nodes[0].lon_e7, -86000000);
  ASSERT_EQ(data.nodes[0].tags.size(), 2u);
  ASSERT_EQ(data.ways.size(), 1u);
  EXPECT_EQ(data.ways[0].node_ids, (std::vector<std::int64_t>{1, 2}));
  EXPECT_EQ(*core::routing::find_tag(data.ways[0].tags, "highway"), "footway");
}

TEST(ParseOverpass, RefusesWhatIsNotAnAnswer) {
  EXPECT_THROW(server::clients::parse_overpass("<html><body>rate limited</body></html>"),
               server::UpstreamError);
  try {
    server::clients::parse_overpass(
        R"({"elements": [], "remark": "runtime error: Query timed out in \"query\" at line 1 after 80 seconds."})");
    FAIL() << "a timed-out query read as an empty town";
  } catch (const server::UpstreamError& e) {
    EXPECT_TRUE(e.retryable());
  }
}

TEST_F(Overpass, BuildsTheCitysNetworkAndWalksRoundTheRiverByTheBridge) {
  // The fake's town over this box has a river across its middle, bridged a quarter of the way
  // from its west edge (at 8.6275 W).
  const std::vector<core::model::GeoPoint> points{
      {41.132, -8.600}, {41.168, -8.600}, {41.170, -8.625}};
  auto network_source = source();
  const auto network = network_source.network_for(city, points, context);
  ASSERT_NE(network, nullptr);
  ASSERT_EQ(context.calls.size(), 1u);
  EXPECT_EQ(context.calls[0].service, "overpass");
  EXPECT_EQ(context.calls[0].status, 200);
  EXPECT_FALSE(context.calls[0].cached);
  EXPECT_EQ(fake.requests("interpreter"), 1);
  ASSERT_EQ(fake.bodies("interpreter").size(), 1u);
  EXPECT_NE(fake.bodies("interpreter")[0].find("[bbox:41.12,-8.64,41.18,-8.59]"), std::string::npos)
      << "the points' box, 500 m more, rounded outwards to 0.01 degree";
  core::routing::RouterWorkspace workspace;
  const auto matrix = network->matrix(points, {}, workspace);
  ASSERT_TRUE(matrix.unsnapped.empty());
  const double across = core::algo::haversine_m(points[0], points[1]);
  // South to north bank: 2.3 km west to the bridge, across, and 2.3 km back.
  EXPECT_GT(matrix.travel.metres(0, 1), across + 2 * 2000.0);
  EXPECT_LT(matrix.travel.metres(0, 1), across + 2 * 3000.0);
}

TEST_F(Overpass, TheSameCityIsAskedOnceAndItsAnswerRecordedForEveryRun) {
  const std::vector<core::model::GeoPoint> points{{41.14, -8.61}, {41.15, -8.60}};
  auto network_source = source();
  const auto first = network_source.network_for(city, points, context);
  server::pipeline::RunContext second_run;
  const auto second =
      network_source.network_for(city, {{41.141, -8.609}, {41.149, -8.601}}, second_run);
  EXPECT_EQ(first, second);
  EXPECT_EQ(fake.requests("interpreter"), 1);
  ASSERT_EQ(second_run.calls.size(), 1u);
  EXPECT_TRUE(second_run.calls[0].cached);
  EXPECT_EQ(second_run.calls[0].response_body, context.calls[0].response_body)
      << "a replay needs the answer";
  EXPECT_EQ(second_run.spent_since(0).calls, 0) << "a cached answer is no call";
}

TEST_F(Overpass, RetriesABusyServerThenGivesUpWithAClearError) {
  Fault busy;
  busy.status = 429;
  busy.body = "rate limited";
  busy.content_type = "text/plain";
  busy.retry_after = "1";
  fake.inject("interpreter", busy);
  auto network_source = source();
  EXPECT_NE(network_source.network_for(city, {{41.14, -8.61}, {41.15, -8.60}}, context), nullptr);
  EXPECT_EQ(fake.requests("interpreter"), 2);
  Fault gateway;
  gateway.status = 504;
  gateway.body = "<html>Gateway Timeout</html>";
  gateway.content_type = "text/html";
  for (int i = 0; i < 4; ++i) fake.inject("interpreter", gateway);
  server::pipeline::RunContext failing;
  try {
    network_source.network_for(city, {{41.54, -8.61}, {41.55, -8.60}}, failing);
    FAIL() << "no answer after four attempts";
  } catch (const server::UpstreamError& e) {
    EXPECT_EQ(e.service(), "overpass");
    EXPECT_EQ(e.status(), 504);
  }
}

TEST_F(Overpass, DoesNotAskForABoxLargerThanOneQueryShould) {
  auto network_source = source();
  EXPECT_EQ(network_source.network_for(city, {{41.0, -8.8}, {41.4, -8.3}}, context), nullptr);
  EXPECT_EQ(fake.requests("interpreter"), 0);
  ASSERT_EQ(context.notes.size(), 1u);
  EXPECT_NE(context.notes[0].find("more than one Overpass query may ask"), std::string::npos);
}

}  // namespace
