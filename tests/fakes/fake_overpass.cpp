#include "tests/fakes/fake_overpass.h"

#include <cmath>
#include <cstdio>

#include <nlohmann/json.hpp>

namespace narrando::testing {
namespace {

using nlohmann::json;

std::string form_decoded(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '+') {
      out += ' ';
    } else if (text[i] == '%' && i + 2 < text.size()) {
      out += static_cast<char>(std::stoi(text.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

void refuse(httplib::Response& response, const std::string& message) {
  // Overpass answers a bad query with an HTML page and status 400.
  response.status = 400;
  response.set_content("<html><body><p><strong style=\"color:#FF0000\">Error</strong>: " + message +
                           "</p></body></html>",
                       "text/html");
}

struct Town {
  json elements = json::array();
  long next_id = 1;

  long node(double lat, double lon) {
    elements.push_back({{"type", "node"}, {"id", next_id}, {"lat", lat}, {"lon", lon}});
    return next_id++;
  }
  void way(const std::vector<long>& nodes, json tags) {
    elements.push_back({{"type", "way"},
                        {"id", 1000000 + next_id++},
                        {"nodes", nodes},
                        {"tags", std::move(tags)}});
  }
};

// Streets of the grid, cut by the river band (south_bank < lat < north_bank) except on the bridge.
json town_over(double south, double west, double north, double east, double step) {
  const auto rows = static_cast<std::size_t>(std::floor((north - south) / step)) + 1;
  const auto cols = static_cast<std::size_t>(std::floor((east - west) / step)) + 1;
  // A river 300 m wide, across the middle of the box.
  const double south_bank = (south + north) / 2.0 - 0.00135;
  const double north_bank = (south + north) / 2.0 + 0.00135;
  const auto lat_of = [&](std::size_t r) { return south + static_cast<double>(r) * step; };
  const auto wet = [&](std::size_t r) { return lat_of(r) > south_bank && lat_of(r) < north_bank; };
  Town town;
  std::vector<std::vector<long>> ids(rows, std::vector<long>(cols));
  for (std::size_t r = 0; r < rows; ++r) {
    for (std::size_t c = 0; c < cols; ++c)
      ids[r][c] = town.node(lat_of(r), west + static_cast<double>(c) * step);
  }
  for (std::size_t r = 0; r < rows; ++r) {
    if (!wet(r))
      town.way(ids[r], {{"highway", "residential"}, {"name", "Street " + std::to_string(r)}});
  }
  for (std::size_t c = 0; c < cols; ++c) {
    const bool bridge = c == cols / 4;
    std::vector<long> column;
    for (std::size_t r = 0; r < rows; ++r) {
      if (wet(r) && !bridge) {
        if (column.size() > 1) town.way(column, {{"highway", "residential"}});
        column.clear();
        continue;
      }
      column.push_back(ids[r][c]);
    }
    if (column.size() > 1) town.way(column, {{"highway", bridge ? "primary" : "residential"}});
  }
  return json{{"version", 0.6},
              {"generator", "Overpass API (fake)"},
              {"osm3s", {{"copyright", "© OpenStreetMap contributors"}}},
              {"elements", town.elements}};
}

}  // namespace

FakeOverpass::FakeOverpass(std::string mount) : FakeServer(std::move(mount)) {
  m_server.Post(this->mount() + "/api/interpreter",
                [this](const auto& rq, auto& rs) { interpret(rq, rs); });
  start();
}

void FakeOverpass::interpret(const httplib::Request& request, httplib::Response& response) {
  if (take_fault("interpreter", response)) return;
  if (request.get_header_value("Content-Type").rfind("application/x-www-form-urlencoded", 0) != 0 ||
      request.body.rfind("data=", 0) != 0) {
    return refuse(response, "no query found (expected a form field named data)");
  }
  const std::string query = form_decoded(request.body.substr(5));
  remember("interpreter", query);
  double south = 0, west = 0, north = 0, east = 0;
  const std::size_t at = query.find("[bbox:");
  if (query.find("[out:json]") == std::string::npos || at == std::string::npos ||
      std::sscanf(query.c_str() + at, "[bbox:%lf,%lf,%lf,%lf]", &south, &west, &north, &east) !=
          4 ||
      south >= north || west >= east) {
    return refuse(response, "this fake answers [out:json] queries with a [bbox:] setting");
  }
  if (query.find("way[highway]") == std::string::npos || query.find(">;") == std::string::npos) {
    return refuse(response, "this fake answers queries for highways with their nodes");
  }
  response.set_content(town_over(south, west, north, east, street_spacing_deg.load()).dump(),
                       "application/json");
  finish("interpreter", response);
}

}  // namespace narrando::testing
