#include "server/http/gzip_body.h"

#include <zlib.h>

#include <stdexcept>

namespace server::http {

std::string gzip(std::span<const std::uint8_t> bytes) {
  z_stream stream{};
  // windowBits 15 + 16: a gzip header and trailer rather than zlib's.
  if (deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    throw std::runtime_error("gzip: deflateInit2 failed");
  }
  std::string out(deflateBound(&stream, static_cast<uLong>(bytes.size())), '\0');
  stream.next_in = const_cast<Bytef*>(bytes.data());  // zlib's API is not const-correct; it only reads
  stream.avail_in = static_cast<uInt>(bytes.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  const int result = deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  if (result != Z_STREAM_END) throw std::runtime_error("gzip: deflate did not finish");
  return out;
}

bool accepts_gzip(const httplib::Request& request) {
  const std::string header = request.get_header_value("Accept-Encoding");
  std::size_t start = 0;
  while (start < header.size()) {
    std::size_t end = header.find(',', start);
    if (end == std::string::npos) end = header.size();
    std::string item = header.substr(start, end - start);
    start = end + 1;
    const std::size_t first = item.find_first_not_of(' ');
    if (first == std::string::npos) continue;
    item.erase(0, first);
    if (item.rfind("gzip", 0) != 0 || (item.size() > 4 && item[4] != ';' && item[4] != ' ')) continue;
    const std::size_t q = item.find("q=");
    return q == std::string::npos || std::stod(item.substr(q + 2)) > 0.0;
  }
  return false;
}

}  // namespace server::http
