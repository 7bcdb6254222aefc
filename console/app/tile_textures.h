#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "console/net/tile_fetcher.h"
#include "console/panels/map_panel.h"

namespace console::app {

/// Most tile textures kept on the GPU (a 1600x1000 canvas shows about 40).
inline constexpr std::size_t kMaxTileTextures = 256;

/// The map's tile layer: OpenGL textures of tiles the TileFetcher delivered, evicting the least
/// recently drawn. Asks the fetcher only for tiles drawn this frame. Main (GL) thread only.
class TileTextures : public panels::TileLayer {
 public:
  /// `source` unset: tiles are off and the map draws its offline fallback.
  explicit TileTextures(std::optional<net::TileSource> source);
  ~TileTextures() override;
  TileTextures(const TileTextures&) = delete;
  TileTextures& operator=(const TileTextures&) = delete;

  bool enabled() const override { return m_fetcher != nullptr; }
  ImTextureID texture(const core::algo::TileId& tile) override;
  const char* status() const override { return m_status.c_str(); }

  /// Once per frame after drawing: uploads arrived tiles, asks for the missing ones, evicts.
  void update();
  /// True while tiles are queued or being fetched.
  bool busy() const;

 private:
  using Key = std::tuple<int, int, int>;
  struct Entry {
    unsigned int texture = 0;
    std::uint64_t last_used = 0;
  };

  void upload(const net::TileImage& image);
  void evict();

  std::unique_ptr<net::TileFetcher> m_fetcher;
  std::map<Key, Entry> m_textures;
  std::vector<core::algo::TileId> m_wanted;
  std::uint64_t m_frame = 0;
  std::string m_status;
};

}  // namespace console::app
