#pragma once

#include <cstdint>
#include <span>
#include <string>

#include <httplib.h>

namespace server::http {

/// `bytes` gzip-compressed (zlib, best compression) for a Content-Encoding: gzip body.
std::string gzip(std::span<const std::uint8_t> bytes);

/// True when the request's Accept-Encoding admits gzip (a "gzip" token without q=0).
bool accepts_gzip(const httplib::Request& request);

}  // namespace server::http
