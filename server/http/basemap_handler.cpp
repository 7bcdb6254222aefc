// GET /api/cities/{id}/basemap: the city's offline vector basemap (shared/basemap), compiled into
// the server from data/basemap/.
#include <cstdio>
#include <map>
#include <mutex>

#include "server/http/content_coding.h"
#include "server/http/handlers.h"
#include "server/http/request_context.h"
#include "server/service/read_service.h"

namespace server::http {
namespace {

constexpr const char* kContentType = "application/vnd.narrando.basemap";
constexpr const char* kCacheControl = "public, max-age=86400";

// Each embedded file's gzip body, made on first request (they never change while the server runs).
class BasemapBodies {
 public:
  static BasemapBodies& instance() {
    static BasemapBodies bodies;
    return bodies;
  }
  const std::string& gzipped(const offline::EmbeddedBasemapFile& file) {
    const std::lock_guard lock(m_mutex);
    auto it = m_gzipped.find(file.city_key);
    if (it == m_gzipped.end()) {
      const std::string_view bytes(reinterpret_cast<const char*>(file.bytes.data()),
                                   file.bytes.size());
      it = m_gzipped.emplace(file.city_key, encode(bytes, ContentCoding::Gzip, Effort::Stored))
               .first;
    }
    return it->second;
  }

 private:
  std::mutex m_mutex;
  std::map<std::string, std::string> m_gzipped;
};

// A strong validator: the file's own trailing FNV-1a-64 checksum.
std::string etag_of(const offline::EmbeddedBasemapFile& file) {
  std::uint64_t checksum = 0;
  const std::size_t size = file.bytes.size();
  for (std::size_t i = 0; i < 8 && i < size; ++i)
    checksum |= static_cast<std::uint64_t>(file.bytes[size - 8 + i]) << (8 * i);
  char text[32];
  std::snprintf(text, sizeof text, "\"%016llx\"", static_cast<unsigned long long>(checksum));
  return text;
}

}  // namespace

void handle_get_basemap(ApiContext& context,
                        const httplib::Request& request,
                        httplib::Response& response) {
  const offline::EmbeddedBasemapFile& file = context.reads.basemap_of(request.matches[1]);
  const std::string etag = etag_of(file);
  response.set_header("ETag", etag);
  response.set_header("Cache-Control", kCacheControl);
  response.set_header("Vary", "Accept-Encoding");
  if (etag_matches(request.get_header_value("If-None-Match"), etag)) {
    response.status = 304;
    return;
  }
  response.status = 200;
  const std::string& accepted = RequestContext::current().accept_encoding;
  if (negotiate(accepted, {ContentCoding::Gzip}) == ContentCoding::Gzip) {
    response.set_header("Content-Encoding", "gzip");
    response.set_content(BasemapBodies::instance().gzipped(file), kContentType);
  } else {
    response.set_content(
        reinterpret_cast<const char*>(file.bytes.data()), file.bytes.size(), kContentType);
  }
}

}  // namespace server::http
