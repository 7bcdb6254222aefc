#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "shared/algo/web_mercator.h"

namespace console::net {

/// What the cache knows about a tile besides its bytes.
struct TileMeta {
  std::string etag;
  std::string last_modified;
  std::int64_t expires_at = 0;  ///< epoch seconds after which the tile is revalidated
};

/// A tile read from the cache.
struct CachedTile {
  std::string bytes;  ///< the PNG as the server sent it
  TileMeta meta;
};

/// The on-disk tile cache of one tile server: <root>/tiles/<host_port>/<z>/<x>/<y>.png plus a
/// .meta JSON file. Files are replaced atomically, so two fetch threads never see half a tile.
/// I/O errors are not fatal: a tile that cannot be cached is simply fetched again later.
class TileCache {
 public:
  /// A cache under `root` for the server named `origin` ("https://tile.openstreetmap.org").
  TileCache(const std::filesystem::path& root, const std::string& origin);

  /// The cached tile, or nullopt.
  std::optional<CachedTile> load(const core::algo::TileId& tile) const;
  /// Stores (or replaces) a tile. Returns false if it could not be written.
  bool store(const core::algo::TileId& tile, const std::string& bytes, const TileMeta& meta) const;
  /// Replaces only the metadata (after a 304 Not Modified).
  bool touch(const core::algo::TileId& tile, const TileMeta& meta) const;
  /// The folder of this server's tiles.
  const std::filesystem::path& folder() const { return m_folder; }

 private:
  std::filesystem::path tile_path(const core::algo::TileId& tile) const;

  std::filesystem::path m_folder;
};

}  // namespace console::net
