#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "shared/errors.h"

namespace core::formats {

/// Appends little-endian fixed-width integers, LEB128 varints, zig-zag svarints and
/// length-prefixed strings to a byte vector (the binary data files: walking graphs, basemaps).
class ByteWriter {
 public:
  void bytes(const void* data, std::size_t size) {
    const auto* p = static_cast<const std::uint8_t*>(data);
    m_out.insert(m_out.end(), p, p + size);
  }
  void u8(std::uint8_t value) { m_out.push_back(value); }
  void fixed(std::uint64_t value, int size) {
    for (int i = 0; i < size; ++i) m_out.push_back(static_cast<std::uint8_t>(value >> (8 * i)));
  }
  void varint(std::uint64_t value) {
    while (value >= 0x80) {
      m_out.push_back(static_cast<std::uint8_t>(value | 0x80));
      value >>= 7;
    }
    m_out.push_back(static_cast<std::uint8_t>(value));
  }
  void svarint(std::int64_t value) {
    varint((static_cast<std::uint64_t>(value) << 1) ^ static_cast<std::uint64_t>(value >> 63));
  }
  void text(const std::string& value) {
    varint(value.size());
    bytes(value.data(), value.size());
  }
  std::vector<std::uint8_t>& out() { return m_out; }

 private:
  std::vector<std::uint8_t> m_out;
};

/// Reads what ByteWriter wrote; every read is bounds-checked and a failure throws
/// core::InputError("<what>: <why>", code), so a truncated or corrupt file never reads past its
/// end.
class ByteReader {
 public:
  ByteReader(std::span<const std::uint8_t> bytes, std::string what, std::string code)
      : m_bytes(bytes), m_what(std::move(what)), m_code(std::move(code)) {}

  [[noreturn]] void fail(const std::string& why) const {
    throw InputError(m_what + ": " + why, m_code);
  }

  std::uint8_t u8() {
    if (m_pos >= m_bytes.size()) fail("truncated");
    return m_bytes[m_pos++];
  }
  std::uint64_t fixed(int size) {
    std::uint64_t value = 0;
    for (int i = 0; i < size; ++i) value |= static_cast<std::uint64_t>(u8()) << (8 * i);
    return value;
  }
  std::uint64_t varint() {
    std::uint64_t value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      const std::uint8_t byte = u8();
      value |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
      if ((byte & 0x80) == 0) return value;
    }
    fail("varint too long");
  }
  std::int64_t svarint() {
    const std::uint64_t raw = varint();
    return static_cast<std::int64_t>(raw >> 1) ^ -static_cast<std::int64_t>(raw & 1);
  }
  /// A count of items that each take at least `min_bytes`: bounded by what is left.
  std::size_t count(std::size_t min_bytes) {
    const std::uint64_t value = varint();
    if (value > (m_bytes.size() - m_pos) / min_bytes) fail("count larger than the file");
    return static_cast<std::size_t>(value);
  }
  std::string text() {
    const std::size_t size = count(1);
    std::string value(reinterpret_cast<const char*>(m_bytes.data() + m_pos), size);
    m_pos += size;
    return value;
  }
  std::int32_t coordinate(std::int32_t previous) {
    const std::int64_t value = previous + svarint();
    if (value < INT32_MIN || value > INT32_MAX) fail("coordinate out of range");
    return static_cast<std::int32_t>(value);
  }
  std::uint32_t u32(std::uint64_t value, const char* what) {
    if (value > UINT32_MAX) fail(std::string(what) + " out of range");
    return static_cast<std::uint32_t>(value);
  }
  std::size_t position() const { return m_pos; }

 private:
  std::span<const std::uint8_t> m_bytes;
  std::size_t m_pos = 0;
  std::string m_what;
  std::string m_code;
};

/// FNV-1a-64 of `bytes` (the data files' trailing checksum).
inline std::uint64_t fnv1a64(std::span<const std::uint8_t> bytes) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (const std::uint8_t byte : bytes) {
    hash ^= byte;
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

}  // namespace core::formats
