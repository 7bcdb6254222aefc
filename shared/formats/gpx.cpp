#include "shared/formats/gpx.h"

#include <cstdio>
#include <utility>

#include "shared/formats/tour_path.h"

namespace core::formats {
namespace {

// True for the code points XML 1.0 allows (its Char production); the rest may not appear even
// escaped: controls, surrogates, U+FFFE and U+FFFF.
bool xml_char(char32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

// The UTF-8 sequence at text[at]: its code point and length, or length 0 when the bytes there are
// not one (a stray or invalid byte, a truncated, overlong or surrogate sequence).
std::pair<char32_t, std::size_t> decode(const std::string& text, std::size_t at) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(at);
  if (lead < 0x80) return {lead, 1};
  const std::size_t length = lead >= 0xF0 && lead <= 0xF4   ? 4
                             : lead >= 0xE0                 ? 3
                             : lead >= 0xC2 && lead <= 0xDF ? 2
                                                            : 0;
  if (length == 0 || lead > 0xF4 || at + length > text.size()) return {0, 0};
  char32_t c = lead & (0x7F >> length);
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(at + i) & 0xC0) != 0x80) return {0, 0};
    c = (c << 6) | (byte(at + i) & 0x3F);
  }
  static constexpr char32_t kShortest[] = {0, 0, 0x80, 0x800, 0x10000};
  if (c < kShortest[length] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return {0, 0};
  return {c, length};
}

// `text` as XML character data: markup escaped; what XML 1.0 forbids, and bytes that are not
// UTF-8, dropped (a name from a source or an editor must not make the file unreadable).
std::string escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t at = 0; at < text.size();) {
    const auto [c, length] = decode(text, at);
    if (length == 0) {
      ++at;
      continue;
    }
    switch (c) {
    case '&': out += "&amp;"; break;
    case '<': out += "&lt;"; break;
    case '>': out += "&gt;"; break;
    case '"': out += "&quot;"; break;
    case '\'': out += "&apos;"; break;
    default:
      if (xml_char(c)) out.append(text, at, length);
    }
    at += length;
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
      "  <metadata><name>" +
      escape(city.name) +
      " walking tours</name>"
      "<copyright author=\"OpenStreetMap "
      "contributors\"><license>https://www.openstreetmap.org/copyright</license>"
      "</copyright></metadata>\n";
  for (const model::Tour& tour : revision.tours) {
    for (std::size_t i = 0; i < tour.stops.size(); ++i) {
      const model::TourStop& stop = tour.stops[i];
      gpx += "  <wpt " + coordinates(stop.location) + "><name>" + escape(stop.name) +
             "</name><desc>" + escape(tour.title) + ", stop " + std::to_string(i + 1) +
             "</desc></wpt>\n";
    }
  }
  for (const model::Tour& tour : revision.tours) {
    gpx += "  <trk><name>" + escape(tour.title) + "</name><number>" +
           std::to_string(tour.index + 1) + "</number><trkseg>\n";
    for (const model::GeoPoint& point : tour_path(tour))
      gpx += "    <trkpt " + coordinates(point) + "/>\n";
    gpx += "  </trkseg></trk>\n";
  }
  gpx += "</gpx>\n";
  return gpx;
}

}  // namespace core::formats
