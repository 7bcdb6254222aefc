#pragma once

#include <memory>
#include <string>
#include <string_view>

#include <httplib.h>

namespace server::http {

/// A response body that is served many times unchanged (a published city), held in memory in
/// every coding, compressed once at high quality, with a strong validator per representation.
struct EncodedDocument {
  std::string content_type;
  std::string etag;  ///< of the identity bytes: "\"<16 hex digits>\""; the codings add "-gz", "-br"
  std::string identity;
  std::string gzip;
  std::string brotli;
};

/// `body` encoded in every coding (Effort::Stored), with its ETag (a hash of `body`).
std::shared_ptr<const EncodedDocument> encode_document(std::string body, std::string content_type);

/// Answers with the representation `accept_encoding` prefers (brotli, gzip, identity): its bytes,
/// Content-Encoding, ETag, `Vary: Accept-Encoding` and `cache_control`; or 304 with no body when
/// the request's If-None-Match holds that representation's tag.
void send_document(const httplib::Request& request,
                   httplib::Response& response,
                   std::string_view accept_encoding,
                   const EncodedDocument& document,
                   std::string_view cache_control);

/// Compresses a response built by a handler (JSON or text, at least 1 KiB, not encoded yet) in
/// the coding `accept_encoding` prefers, at Effort::Live, and adds `Vary: Accept-Encoding`. Meant
/// for httplib's post-routing hook: it also corrects the Content-Length httplib has already set.
void compress_response(httplib::Response& response, std::string_view accept_encoding);

}  // namespace server::http
