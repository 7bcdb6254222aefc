#include "server/http/encoded_document.h"

#include <cstdint>
#include <cstdio>

#include "server/http/content_coding.h"

namespace server::http {
namespace {

// Below this, compression saves less than the headers it adds are worth.
constexpr std::size_t kMinCompressedBytes = 1024;

std::string hash_tag(std::string_view bytes) {
  std::uint64_t hash = 14695981039346656037ULL;  // FNV-1a 64
  for (const char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ULL;
  }
  char text[24];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(hash));
  return text;
}

bool compressible(std::string_view content_type) {
  return content_type.starts_with("application/json") || content_type.starts_with("text/") ||
         content_type.starts_with("application/geo+json") ||
         content_type.starts_with("application/gpx+xml");
}

void add_vary(httplib::Response& response) {
  const std::string vary = response.get_header_value("Vary");
  if (vary.find("Accept-Encoding") != std::string::npos) return;
  response.headers.erase("Vary");
  response.set_header("Vary", vary.empty() ? "Accept-Encoding" : vary + ", Accept-Encoding");
}

}  // namespace

std::shared_ptr<const EncodedDocument> encode_document(std::string body, std::string content_type) {
  auto document = std::make_shared<EncodedDocument>();
  document->etag = hash_tag(body);
  document->gzip = encode(body, ContentCoding::Gzip, Effort::Stored);
  document->brotli = encode(body, ContentCoding::Brotli, Effort::Stored);
  document->identity = std::move(body);
  document->content_type = std::move(content_type);
  return document;
}

void send_document(const httplib::Request& request,
                   httplib::Response& response,
                   std::string_view accept_encoding,
                   const EncodedDocument& document,
                   std::string_view cache_control) {
  const ContentCoding coding =
      negotiate(accept_encoding, {ContentCoding::Brotli, ContentCoding::Gzip});
  const std::string suffix = coding == ContentCoding::Brotli ? "-br"
                             : coding == ContentCoding::Gzip ? "-gz"
                                                             : "";
  const std::string etag = "\"" + document.etag + suffix + "\"";
  response.set_header("ETag", etag);
  response.set_header("Cache-Control", std::string(cache_control));
  add_vary(response);
  if (etag_matches(request.get_header_value("If-None-Match"), etag)) {
    response.status = 304;
    return;
  }
  response.status = 200;
  if (coding != ContentCoding::Identity)
    response.set_header("Content-Encoding", std::string(token(coding)));
  const std::string& bytes = coding == ContentCoding::Brotli ? document.brotli
                             : coding == ContentCoding::Gzip ? document.gzip
                                                             : document.identity;
  response.set_content(bytes, document.content_type);
}

void compress_response(httplib::Response& response, std::string_view accept_encoding) {
  if (response.body.empty() || response.has_header("Content-Encoding")) return;
  if (!compressible(response.get_header_value("Content-Type"))) return;
  add_vary(response);
  if (response.body.size() < kMinCompressedBytes) return;
  const ContentCoding coding =
      negotiate(accept_encoding, {ContentCoding::Brotli, ContentCoding::Gzip});
  if (coding == ContentCoding::Identity) return;
  response.body = encode(response.body, coding, Effort::Live);
  response.set_header("Content-Encoding", std::string(token(coding)));
  // httplib runs the post-routing hook after it has set Content-Length from the plain body.
  response.headers.erase("Content-Length");
  response.set_header("Content-Length", std::to_string(response.body.size()));
}

}  // namespace server::http
