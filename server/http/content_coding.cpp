#include "server/http/content_coding.h"

#include <brotli/encode.h>
#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <stdexcept>

namespace server::http {
namespace {

constexpr int kBrotliStoredQuality = 11;
constexpr int kBrotliLiveQuality = 4;
constexpr int kGzipStoredLevel = 9;
constexpr int kGzipLiveLevel = 5;

std::string gzip(std::string_view bytes, int level) {
  z_stream stream{};
  // windowBits 15 + 16: a gzip header and trailer rather than zlib's.
  if (deflateInit2(&stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    throw std::runtime_error("gzip: deflateInit2 failed");
  }
  std::string out(deflateBound(&stream, static_cast<uLong>(bytes.size())), '\0');
  // zlib's API is not const-correct; it only reads the input.
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  stream.avail_in = static_cast<uInt>(bytes.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  const int result = deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  if (result != Z_STREAM_END) throw std::runtime_error("gzip: deflate did not finish");
  return out;
}

std::string brotli(std::string_view bytes, int quality) {
  std::string out(BrotliEncoderMaxCompressedSize(bytes.size()), '\0');
  std::size_t size = out.size();
  if (out.empty() ||
      BrotliEncoderCompress(quality,
                            BROTLI_DEFAULT_WINDOW,
                            BROTLI_MODE_TEXT,
                            bytes.size(),
                            reinterpret_cast<const std::uint8_t*>(bytes.data()),
                            &size,
                            reinterpret_cast<std::uint8_t*>(out.data())) == BROTLI_FALSE) {
    throw std::runtime_error("brotli: compression failed");
  }
  out.resize(size);
  return out;
}

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

bool same_token(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

// The q-value of one Accept-Encoding item's parameters ("q=0.5"); 1 when absent, 0 when unreadable.
double q_value(std::string_view parameters) {
  for (std::size_t start = 0; start < parameters.size();) {
    const std::size_t end = std::min(parameters.find(';', start), parameters.size());
    const std::string_view parameter = trimmed(parameters.substr(start, end - start));
    start = end + 1;
    if (parameter.size() < 2 || !same_token(parameter.substr(0, 2), "q=")) continue;
    const std::string_view number = parameter.substr(2);
    double q = 0.0;
    const auto [rest, error] = std::from_chars(number.data(), number.data() + number.size(), q);
    return error == std::errc{} && rest == number.data() + number.size() ? q : 0.0;
  }
  return 1.0;
}

// The q the header gives `name` (-1 when it does not name it) and the q of "*" (-1 when absent).
struct Weights {
  double named = -1.0;
  double any = -1.0;
};

Weights weights_for(std::string_view header, ContentCoding coding) {
  Weights weights;
  for (std::size_t start = 0; start < header.size();) {
    const std::size_t end = std::min(header.find(',', start), header.size());
    const std::string_view item = header.substr(start, end - start);
    start = end + 1;
    const std::size_t semicolon = std::min(item.find(';'), item.size());
    const std::string_view name = trimmed(item.substr(0, semicolon));
    const double q = semicolon < item.size() ? q_value(item.substr(semicolon + 1)) : 1.0;
    const bool names_it = same_token(name, token(coding)) ||
                          (coding == ContentCoding::Gzip && same_token(name, "x-gzip"));
    if (names_it) weights.named = std::max(weights.named, q);
    if (name == "*") weights.any = q;
  }
  return weights;
}

}  // namespace

std::string_view token(ContentCoding coding) {
  switch (coding) {
  case ContentCoding::Gzip: return "gzip";
  case ContentCoding::Brotli: return "br";
  case ContentCoding::Identity: break;
  }
  return "";
}

std::string encode(std::string_view bytes, ContentCoding coding, Effort effort) {
  const bool stored = effort == Effort::Stored;
  switch (coding) {
  case ContentCoding::Gzip: return gzip(bytes, stored ? kGzipStoredLevel : kGzipLiveLevel);
  case ContentCoding::Brotli:
    return brotli(bytes, stored ? kBrotliStoredQuality : kBrotliLiveQuality);
  case ContentCoding::Identity: break;
  }
  return std::string(bytes);
}

ContentCoding negotiate(std::string_view accept_encoding,
                        std::initializer_list<ContentCoding> offered) {
  for (const ContentCoding coding : offered) {
    if (coding == ContentCoding::Identity) return coding;
    const Weights weights = weights_for(accept_encoding, coding);
    const double q = weights.named >= 0.0 ? weights.named : weights.any;
    if (q > 0.0) return coding;
  }
  return ContentCoding::Identity;
}

bool etag_matches(std::string_view if_none_match, std::string_view etag) {
  if (trimmed(if_none_match) == "*") return true;
  const auto opaque = [](std::string_view tag) {
    return tag.starts_with("W/") ? tag.substr(2) : tag;
  };
  for (std::size_t start = 0; start < if_none_match.size();) {
    const std::size_t end = std::min(if_none_match.find(',', start), if_none_match.size());
    if (opaque(trimmed(if_none_match.substr(start, end - start))) == opaque(etag)) return true;
    start = end + 1;
  }
  return false;
}

}  // namespace server::http
