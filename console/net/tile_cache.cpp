#include "console/net/tile_cache.h"

#include <cctype>
#include <fstream>
#include <random>
#include <sstream>

#include <nlohmann/json.hpp>

namespace console::net {
namespace {

std::optional<std::string> read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

bool write_file(const std::filesystem::path& path, const std::string& bytes) {
  std::error_code error;
  std::filesystem::create_directories(path.parent_path(), error);
  // A per-write temporary name: two threads may write the same tile at once.
  const std::filesystem::path temporary =
      path.string() + "." + std::to_string(std::random_device{}()) + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()))) return false;
  }
  std::filesystem::rename(temporary, path, error);
  if (error) std::filesystem::remove(temporary, error);
  return !error;
}

std::string folder_name(const std::string& origin) {
  std::string name;
  const auto start = origin.find("://");
  for (const char c : origin.substr(start == std::string::npos ? 0 : start + 3)) {
    name.push_back(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' ? c : '_');
  }
  return name;
}

}  // namespace

TileCache::TileCache(const std::filesystem::path& root, const std::string& origin)
    : m_folder(root / "tiles" / folder_name(origin)) {}

std::filesystem::path TileCache::tile_path(const core::algo::TileId& tile) const {
  return m_folder / std::to_string(tile.z) / std::to_string(tile.x) /
         (std::to_string(tile.y) + ".png");
}

std::optional<CachedTile> TileCache::load(const core::algo::TileId& tile) const {
  const std::filesystem::path path = tile_path(tile);
  auto bytes = read_file(path);
  const auto meta_text = read_file(path.string() + ".meta");
  if (!bytes || !meta_text) return std::nullopt;
  const nlohmann::json meta = nlohmann::json::parse(*meta_text, nullptr, false);
  if (!meta.is_object()) return std::nullopt;
  CachedTile cached;
  cached.bytes = std::move(*bytes);
  cached.meta.etag = meta.value("etag", "");
  cached.meta.last_modified = meta.value("last_modified", "");
  cached.meta.expires_at = meta.value("expires_at", std::int64_t{0});
  return cached;
}

bool TileCache::store(const core::algo::TileId& tile,
                      const std::string& bytes,
                      const TileMeta& meta) const {
  // Bytes first: a crash in between leaves an old .meta (or none), never metadata without a tile.
  return write_file(tile_path(tile), bytes) && touch(tile, meta);
}

bool TileCache::touch(const core::algo::TileId& tile, const TileMeta& meta) const {
  const nlohmann::json text{
      {"etag", meta.etag}, {"last_modified", meta.last_modified}, {"expires_at", meta.expires_at}};
  return write_file(tile_path(tile).string() + ".meta", text.dump());
}

}  // namespace console::net
