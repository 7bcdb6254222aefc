#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

namespace server::http {

/// A Content-Encoding the server can send.
enum class ContentCoding { Identity, Gzip, Brotli };

/// How hard to compress. Stored: once per document that is then served many times (brotli
/// quality 11, gzip level 9). Live: per response (brotli quality 4, gzip level 5: a few
/// milliseconds for the largest editor documents, far less than the bytes it saves take to send).
enum class Effort { Stored, Live };

/// The header token: "" for identity, "gzip", "br".
std::string_view token(ContentCoding coding);

/// `bytes` in `coding` (identity: unchanged). Throws std::runtime_error if the codec fails.
std::string encode(std::string_view bytes, ContentCoding coding, Effort effort);

/// The coding to answer an Accept-Encoding header with: the first of `offered` (most preferred
/// first) that the header admits with q > 0 (by name, "x-gzip" for gzip, or "*" for any coding the
/// header does not name), else identity. An absent or empty header admits identity only.
ContentCoding negotiate(std::string_view accept_encoding,
                        std::initializer_list<ContentCoding> offered);

/// True when an If-None-Match header value ("*" or a list of entity tags) holds `etag`, compared
/// weakly (a W/ prefix is ignored), as RFC 9110 asks for If-None-Match.
bool etag_matches(std::string_view if_none_match, std::string_view etag);

}  // namespace server::http
