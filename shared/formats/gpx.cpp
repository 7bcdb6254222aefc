#include "shared/formats/gpx.h"

#include <cstdio>

#include "shared/formats/tour_path.h"

namespace core::formats {
namespace {

std::string escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        // XML 1.0 forbids most control characters, even escaped.
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n' || c == '\r') out += c;
    }
  }
  return out;
}

std::string coordinates(const model::GeoPoint& point) {
  char text[64];
  std::snprintf(text, sizeof text, "lat=\"%.7f\" lon=\"%.7f\"", point.lat_deg, point.lon_deg);
  return text;
}

}  // namespace

std::string tours_gpx(const model::City& city, const model::Revision& revision) {
  std::string gpx =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<gpx version=\"1.1\" creator=\"Narrando\" xmlns=\"http://www.topografix.com/GPX/1/1\">\n"
      "  <metadata><name>" + escape(city.name) + " walking tours</name>"
      "<copyright author=\"OpenStreetMap contributors\"><license>https://www.openstreetmap.org/copyright</license>"
      "</copyright></metadata>\n";
  for (const model::Tour& tour : revision.tours) {
    for (std::size_t i = 0; i < tour.stops.size(); ++i) {
      const model::TourStop& stop = tour.stops[i];
      gpx += "  <wpt " + coordinates(stop.location) + "><name>" + escape(stop.name) + "</name><desc>" +
             escape(tour.title) + ", stop " + std::to_string(i + 1) + "</desc></wpt>\n";
    }
  }
  for (const model::Tour& tour : revision.tours) {
    gpx += "  <trk><name>" + escape(tour.title) + "</name><number>" + std::to_string(tour.index + 1) +
           "</number><trkseg>\n";
    for (const model::GeoPoint& point : tour_path(tour)) gpx += "    <trkpt " + coordinates(point) + "/>\n";
    gpx += "  </trkseg></trk>\n";
  }
  gpx += "</gpx>\n";
  return gpx;
}

}  // namespace core::formats
