#include "server/clients/overpass_client.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "server/errors.h"
#include "shared/algo/geo.h"
#include "shared/routing/graph_builder.h"

namespace server::clients {
namespace {

using nlohmann::json;

// Walks between a city's points may leave their box (round a river bend, up to a bridge); the
// embedded graphs have the same margin.
constexpr double kMarginM = 500.0;
// The box is rounded outwards to this grid, so runs of one city ask one query (and share the
// cache).
constexpr double kGridDeg = 0.01;
constexpr double kKmPerDegree = 111.32;

core::model::BoundingBox box_of(const std::vector<core::model::GeoPoint>& points) {
  core::model::BoundingBox box = core::algo::expanded(core::algo::bounding_box(points), kMarginM);
  box.low = {std::floor(box.low.lat_deg / kGridDeg) * kGridDeg,
             std::floor(box.low.lon_deg / kGridDeg) * kGridDeg};
  box.high = {std::ceil(box.high.lat_deg / kGridDeg) * kGridDeg,
              std::ceil(box.high.lon_deg / kGridDeg) * kGridDeg};
  return box;
}

double area_km2(const core::model::BoundingBox& box) {
  const double mid_lat =
      (box.low.lat_deg + box.high.lat_deg) / 2.0 * 3.14159265358979323846 / 180.0;
  return (box.high.lat_deg - box.low.lat_deg) * kKmPerDegree *
         (box.high.lon_deg - box.low.lon_deg) * kKmPerDegree * std::cos(mid_lat);
}

// application/x-www-form-urlencoded, as Overpass reads a POSTed query.
std::string form_encoded(const std::string& text) {
  std::string out;
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) != 0 || c == '-' || c == '_' || c == '.' || c == '~') {
      out += ch;
    } else if (c == ' ') {
      out += '+';
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", c);
      out += hex;
    }
  }
  return out;
}

core::routing::OsmTags tags_of(const json& element) {
  core::routing::OsmTags tags;
  const auto it = element.find("tags");
  if (it == element.end() || !it->is_object()) return tags;
  for (const auto& [key, value] : it->items()) {
    if (value.is_string()) tags.push_back({key, value.get<std::string>()});
  }
  return tags;
}

std::int32_t e7(double degrees) {
  return static_cast<std::int32_t>(std::lround(degrees * 1e7));
}

std::shared_ptr<const core::routing::Router> network_of(core::routing::OsmData data,
                                                        const core::model::BoundingBox& box) {
  core::routing::BuildResult built = core::routing::build_walking_graph(data, {box});
  if (built.graph.nodes().empty()) return nullptr;
  struct Network {
    core::routing::WalkingGraph graph;
    std::unique_ptr<core::routing::Router> router;
  };
  auto network = std::make_shared<Network>();
  network->graph = std::move(built.graph);
  network->router = std::make_unique<core::routing::Router>(network->graph);
  return std::shared_ptr<const core::routing::Router>(network, network->router.get());
}

}  // namespace

std::string overpass_query(const core::model::BoundingBox& box, int timeout_seconds) {
  char bbox[128];
  std::snprintf(bbox,
                sizeof bbox,
                "%.2f,%.2f,%.2f,%.2f",
                box.low.lat_deg,
                box.low.lon_deg,
                box.high.lat_deg,
                box.high.lon_deg);
  // Every way the foot profile may walk (shared/routing/foot_profile.cpp decides which), then their
  // nodes: "out body" keeps the nodes' tags, where barriers are.
  return "[out:json][timeout:" + std::to_string(timeout_seconds) + "][bbox:" + bbox +
         "];(way[highway];way[route=ferry];way[railway=platform];way[man_made=pier];"
         "way[amenity~\"^parking(_entrance)?$\"];);(._;>;);out body qt;";
}

core::routing::OsmData parse_overpass(const std::string& body) {
  const json answer = json::parse(body, nullptr, false);
  if (!answer.is_object() || !answer.contains("elements") || !answer["elements"].is_array()) {
    throw UpstreamError("overpass", 200, "overpass answered no JSON elements", false);
  }
  // A query that ran out of time or memory still answers 200, with a remark and what it had.
  if (answer.contains("remark") && answer["remark"].is_string() &&
      answer["remark"].get<std::string>().find("error") != std::string::npos) {
    throw UpstreamError("overpass", 200, "overpass: " + answer["remark"].get<std::string>(), true);
  }
  core::routing::OsmData data;
  for (const json& element : answer["elements"]) {
    if (!element.is_object()) continue;
    const std::string type = element.value("type", "");
    if (type == "node" && element.contains("lat") && element.contains("lon")) {
      data.nodes.push_back({element.value("id", std::int64_t{0}),
                            e7(element.value("lat", 0.0)),
                            e7(element.value("lon", 0.0)),
                            tags_of(element)});
    } else if (type == "way" && element.contains("nodes") && element["nodes"].is_array()) {
      core::routing::OsmWay way{element.value("id", std::int64_t{0}), {}, tags_of(element)};
      for (const json& id : element["nodes"]) {
        if (id.is_number_integer()) way.node_ids.push_back(id.get<std::int64_t>());
      }
      data.ways.push_back(std::move(way));
    }
  }
  return data;
}

OverpassNetworkSource::OverpassNetworkSource(ServiceCaller caller,
                                             OverpassSettings settings,
                                             const PriceTable& prices)
    : m_caller(std::move(caller)), m_settings(std::move(settings)), m_prices(prices) {}

const OverpassNetworkSource::Cached*
OverpassNetworkSource::cached(const core::model::BoundingBox& box) {
  for (auto it = m_cache.begin(); it != m_cache.end(); ++it) {
    const core::model::BoundingBox& held = it->box;
    if (box.low.lat_deg < held.low.lat_deg || box.low.lon_deg < held.low.lon_deg ||
        box.high.lat_deg > held.high.lat_deg || box.high.lon_deg > held.high.lon_deg) {
      continue;
    }
    m_cache.splice(m_cache.begin(), m_cache, it);
    return &m_cache.front();
  }
  return nullptr;
}

std::shared_ptr<const core::routing::Router>
OverpassNetworkSource::network_for(const core::model::City& city,
                                   const std::vector<core::model::GeoPoint>& points,
                                   pipeline::RunContext& context) {
  if (points.empty()) return nullptr;
  const core::model::BoundingBox box = box_of(points);
  if (area_km2(box) > m_settings.max_area_km2) {
    char text[160];
    std::snprintf(text,
                  sizeof text,
                  "%s spreads over %.0f km2, more than one Overpass query may ask (%.0f)",
                  city.name.c_str(),
                  area_km2(box),
                  m_settings.max_area_km2);
    context.notes.emplace_back(text);
    return nullptr;
  }
  const std::string query = overpass_query(box, m_settings.timeout_seconds);
  {
    const std::lock_guard lock(m_mutex);
    if (const Cached* hit = cached(box)) {
      // Once per run: the trace needs the answer once, however often the run asks for the network.
      const bool recorded =
          std::any_of(context.calls.begin(), context.calls.end(), [hit](const auto& call) {
            return call.service == hit->call.service && call.request_body == hit->call.request_body;
          });
      if (!recorded) {
        core::model::ExternalCall call = hit->call;
        call.cached = true;
        call.seconds = 0.0;
        call.cost_usd = 0.0;
        context.calls.push_back(std::move(call));
      }
      return hit->network;
    }
  }
  HttpRequest request;
  request.method = "POST";
  request.path = m_settings.path;
  request.content_type = "application/x-www-form-urlencoded";
  request.body = "data=" + form_encoded(query);
  const std::string sku = "overpass.interpreter";
  const HttpResponse response =
      m_caller.call(request, "interpreter", {sku, m_prices.price(sku)}, context);
  const core::model::ExternalCall recorded = context.calls.back();
  std::shared_ptr<const core::routing::Router> network =
      network_of(parse_overpass(response.body), box);
  const std::lock_guard lock(m_mutex);
  m_cache.push_front({query, box, recorded, network});
  if (m_cache.size() > m_settings.cache_size) m_cache.pop_back();
  return network;
}

}  // namespace server::clients
