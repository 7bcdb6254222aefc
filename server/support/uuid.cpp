#include "server/support/uuid.h"

#include <cstdint>
#include <random>

namespace server::support {

std::string new_uuid() {
  // One generator per thread, seeded from the OS: no lock, no shared state.
  thread_local std::mt19937_64 generator{
      (static_cast<std::uint64_t>(std::random_device{}()) << 32) ^ std::random_device{}()};
  std::uint64_t high = generator();
  std::uint64_t low = generator();
  high = (high & 0xFFFFFFFFFFFF0FFFULL) | 0x0000000000004000ULL;  // version 4
  low = (low & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL;    // RFC 4122 variant
  static constexpr char kHex[] = "0123456789abcdef";
  std::string text;
  text.reserve(36);
  for (int i = 0; i < 32; ++i) {
    const std::uint64_t word = i < 16 ? high : low;
    const int shift = 60 - 4 * (i % 16);
    text += kHex[(word >> shift) & 0xFU];
    if (i == 7 || i == 11 || i == 15 || i == 19) text += '-';
  }
  return text;
}

bool is_uuid(const std::string& text) {
  if (text.size() != 36) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (c != '-') return false;
    } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
      return false;
    }
  }
  return true;
}

}  // namespace server::support
