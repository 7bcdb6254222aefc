#include "console/app/tile_textures.h"

#include <GL/gl.h>

#include <algorithm>
#include <cstdint>

namespace console::app {
namespace {

ImTextureID to_texture_id(GLuint texture) {
  return reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(texture));
}

}  // namespace

TileTextures::TileTextures(std::optional<net::TileSource> source) {
  if (source) m_fetcher = std::make_unique<net::TileFetcher>(std::move(*source), 2);
  m_status = m_fetcher ? "tiles: starting" : "tiles: off (offline basemap or graticule)";
}

TileTextures::~TileTextures() {
  for (const auto& [key, entry] : m_textures) glDeleteTextures(1, &entry.texture);
}

ImTextureID TileTextures::texture(const core::algo::TileId& tile) {
  const auto it = m_textures.find({tile.z, tile.x, tile.y});
  if (it == m_textures.end()) {
    m_wanted.push_back(tile);
    return nullptr;
  }
  it->second.last_used = m_frame;
  return to_texture_id(it->second.texture);
}

void TileTextures::update() {
  ++m_frame;
  if (!m_fetcher) return;
  for (const net::TileImage& image : m_fetcher->take_ready()) upload(image);
  m_fetcher->want(m_wanted);
  m_wanted.clear();
  evict();
  const net::TileStats stats = m_fetcher->stats();
  m_status = "tiles: " + std::to_string(stats.from_network) + " fetched, " +
             std::to_string(stats.from_cache + stats.revalidated) + " cached";
  if (stats.queued + stats.in_flight > 0)
    m_status += ", " + std::to_string(stats.queued + stats.in_flight) + " loading";
  if (stats.offline) m_status += ", OFFLINE (graticule shown)";
  if (!stats.problem.empty()) m_status += " | " + stats.problem;
}

bool TileTextures::busy() const {
  if (!m_fetcher) return false;
  const net::TileStats stats = m_fetcher->stats();
  return stats.queued + stats.in_flight > 0;
}

void TileTextures::upload(const net::TileImage& image) {
  GLuint texture = 0;
  glGenTextures(1, &texture);
  glBindTexture(GL_TEXTURE_2D, texture);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexImage2D(GL_TEXTURE_2D,
               0,
               GL_RGBA,
               image.width,
               image.height,
               0,
               GL_RGBA,
               GL_UNSIGNED_BYTE,
               image.rgba.data());
  const Key key{image.id.z, image.id.x, image.id.y};
  if (const auto old = m_textures.find(key); old != m_textures.end())
    glDeleteTextures(1, &old->second.texture);
  m_textures[key] = {texture, m_frame};
}

void TileTextures::evict() {
  while (m_textures.size() > kMaxTileTextures) {
    const auto oldest =
        std::min_element(m_textures.begin(), m_textures.end(), [](const auto& a, const auto& b) {
          return a.second.last_used < b.second.last_used;
        });
    glDeleteTextures(1, &oldest->second.texture);
    const auto [z, x, y] = oldest->first;
    m_fetcher->forget({z, x, y});
    m_textures.erase(oldest);
  }
}

}  // namespace console::app
