// libFuzzer target: the front door's request framing (server/http/request_framing.h) on any bytes.
// It runs before authentication on every connection, so it must never crash, read out of bounds
// or loop, and it must keep its invariants: a head is within the bytes, a scanner consumes no
// more than it is fed, and feeding a body whole or in pieces finds the same end.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "server/http/request_framing.h"

namespace {

void check(bool condition) {
  if (!condition) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace server::http;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  RequestHead head;
  const HeadScan scan = scan_head(bytes, 4096, head);
  if (scan == HeadScan::Complete) {
    check(head.bytes <= bytes.size() && head.bytes <= 4096);
    std::string buffer(bytes);
    const std::size_t before = buffer.size();
    RequestHead dropped = head;
    drop_range_headers(buffer, dropped);
    check(dropped.bytes <= head.bytes && before - buffer.size() == head.bytes - dropped.bytes);
  }
  // The same bytes as a chunked body, whole and split at a point chosen by the first byte.
  ChunkedScanner whole;
  const std::size_t used = whole.feed(bytes);
  check(used <= size);
  ChunkedScanner split;
  const std::size_t cut = size == 0 ? 0 : data[0] % (size + 1);
  std::size_t split_used = split.feed(bytes.substr(0, cut));
  if (!split.complete() && !split.broken()) split_used += split.feed(bytes.substr(split_used));
  check(split.complete() == whole.complete() && split.broken() == whole.broken());
  if (whole.complete()) check(split_used == used);
  return 0;
}
