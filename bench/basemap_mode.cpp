// `basemap` mode: per embedded offline basemap, its size (as committed and gzipped as served), the
// decode time the console pays once per city, and the console's per-frame basemap work (level of
// detail, culling, projection, labels: draw/basemap_scene) at zoom 13, 15 and 17 on a 1280x800
// canvas centred on the city.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>

#include "bench/options.h"
#include "console/draw/basemap_scene.h"
#include "server/http/content_coding.h"
#include "server/offline/basemaps.h"
#include "shared/algo/web_mercator.h"
#include "shared/basemap/basemap_codec.h"

namespace bench {
namespace {

// CPU time of this process in ms (the machine is shared: wall time counts other work too).
double cpu_ms() {
  return 1000.0 * static_cast<double>(std::clock()) / CLOCKS_PER_SEC;
}

template <typename Work>
double median_cpu_ms(int runs, Work work) {
  std::vector<double> times;
  for (int i = 0; i < runs; ++i) {
    const double start = cpu_ms();
    work();
    times.push_back(cpu_ms() - start);
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

}  // namespace

int run_basemap(const Options&) {
  const auto& catalogue = server::offline::EmbeddedCatalogue::builtin();
  const auto files = server::offline::embedded_basemap_files();
  std::printf("CPU ms, median of 15 runs; scene: 1280x800 canvas on the city's centre (features "
              "and labels drawn).\n\n");
  std::printf("| city | bytes | gzip bytes | decode ms | scene z13 | scene z15 | scene z17 |\n");
  std::printf("|---|---:|---:|---:|---:|---:|---:|\n");
  std::size_t total = 0;
  std::size_t total_gzip = 0;
  for (const server::offline::EmbeddedBasemapFile& file : files) {
    const auto city = std::find_if(catalogue.cities().begin(),
                                   catalogue.cities().end(),
                                   [&](const auto& c) { return c.key == file.city_key; });
    if (city == catalogue.cities().end()) continue;
    const std::string_view bytes(reinterpret_cast<const char*>(file.bytes.data()),
                                 file.bytes.size());
    const std::size_t gzip_bytes =
        server::http::encode(bytes, server::http::ContentCoding::Gzip, server::http::Effort::Stored)
            .size();
    core::basemap::Basemap map;
    const double decode =
        median_cpu_ms(15, [&] { map = core::basemap::decode_basemap(file.bytes); });
    std::printf(
        "| %s | %zu | %zu | %.2f |", file.city_key.c_str(), file.bytes.size(), gzip_bytes, decode);
    for (const double zoom : {13.0, 15.0, 17.0}) {
      console::state::MapView view;
      view.centre = core::algo::to_world(city->city.centre);
      view.zoom = zoom;
      const auto transform = console::draw::make_transform(view, {0, 0}, {1280, 800});
      const auto& style = console::draw::basemap_style(console::state::Theme::Light);
      std::size_t drawn = 0;
      const double ms = median_cpu_ms(15, [&] {
        const console::draw::BasemapScene scene =
            console::draw::build_basemap_scene(map, transform, style);
        drawn = scene.areas.size() + scene.lines.size();
      });
      std::printf(" %.2f (%zu) |", ms, drawn);
    }
    std::printf("\n");
    total += file.bytes.size();
    total_gzip += gzip_bytes;
  }
  std::printf("| **total** | %zu | %zu | | | | |\n", total, total_gzip);
  return 0;
}

}  // namespace bench
