#pragma once

#include <string>

#include "shared/algo/web_mercator.h"

namespace console::net {

/// A URL split for httplib: "scheme://host[:port]" and the path (with query) after it.
struct SplitUrl {
  std::string scheme;  ///< "http" or "https"
  std::string origin;  ///< "https://tile.openstreetmap.org", "http://127.0.0.1:8080"
  std::string host;
  int port = 0;      ///< explicit or the scheme's default
  std::string path;  ///< "/" when the URL has none; no trailing "/" is added or removed
};

/// Splits an http(s) URL. Throws core::InputError for another scheme, a missing host or a bad port.
SplitUrl split_url(const std::string& url);

/// The server's base URL without a trailing slash ("http://h:8080/" -> "http://h:8080"); the
/// path part is kept as a prefix of every API path.
std::string normalise_base_url(const std::string& url);

/// `path_template` with {z}, {x} and {y} replaced. Throws core::InputError if any is missing.
std::string tile_path(const std::string& path_template, const core::algo::TileId& tile);

/// "%2F"-style escaping of one path segment or query value (unreserved characters kept).
std::string url_escape(const std::string& text);

}  // namespace console::net
