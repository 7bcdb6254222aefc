// The binary data files' primitives (shared/formats/byte_codec.h): what ByteWriter writes,
// ByteReader reads back; a truncated or corrupt input throws, naming the file, never reads past.
#include "shared/formats/byte_codec.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <functional>
#include <limits>
#include <ostream>
#include <string>
#include <vector>

#include "shared/errors.h"

namespace {

using Bytes = std::vector<std::uint8_t>;
using core::formats::ByteReader;
using core::formats::ByteWriter;

ByteReader reader_of(const Bytes& bytes) {
  return ByteReader(bytes, "test.bin", "bad_test_file");
}

// Encodings from the LEB128 / zig-zag definitions (as in Protocol Buffers' documentation).
struct VarintCase {
  std::uint64_t value;
  Bytes encoded;
};

class Varint : public ::testing::TestWithParam<VarintCase> {};

TEST_P(Varint, WritesSevenBitGroupsLowFirstAndReadsThemBack) {
  ByteWriter writer;
  writer.varint(GetParam().value);
  EXPECT_EQ(writer.out(), GetParam().encoded);
  ByteReader reader = reader_of(writer.out());
  EXPECT_EQ(reader.varint(), GetParam().value);
  EXPECT_EQ(reader.position(), GetParam().encoded.size());
}

INSTANTIATE_TEST_SUITE_P(
    Values,
    Varint,
    ::testing::Values(VarintCase{0, {0x00}},
                      VarintCase{1, {0x01}},
                      VarintCase{127, {0x7F}},
                      VarintCase{128, {0x80, 0x01}},
                      VarintCase{300, {0xAC, 0x02}},
                      VarintCase{std::numeric_limits<std::uint64_t>::max(),
                                 {0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01}}));

struct SvarintCase {
  std::int64_t value;
  std::uint64_t zigzag;
};

class Svarint : public ::testing::TestWithParam<SvarintCase> {};

TEST_P(Svarint, ZigZagsSmallMagnitudesToSmallCodes) {
  ByteWriter writer;
  writer.svarint(GetParam().value);
  ByteWriter expected;
  expected.varint(GetParam().zigzag);
  EXPECT_EQ(writer.out(), expected.out());
  ByteReader reader = reader_of(writer.out());
  EXPECT_EQ(reader.svarint(), GetParam().value);
}

INSTANTIATE_TEST_SUITE_P(Values,
                         Svarint,
                         ::testing::Values(SvarintCase{0, 0},
                                           SvarintCase{-1, 1},
                                           SvarintCase{1, 2},
                                           SvarintCase{-2, 3},
                                           SvarintCase{2147483647, 4294967294ULL},
                                           SvarintCase{-2147483648LL, 4294967295ULL},
                                           SvarintCase{std::numeric_limits<std::int64_t>::min(),
                                                       std::numeric_limits<std::uint64_t>::max()}));

TEST(ByteCodec, FixedWidthIsLittleEndian) {
  ByteWriter writer;
  writer.fixed(0x0102030405060708ULL, 8);
  writer.fixed(0xABCD, 2);
  writer.u8(0x7E);
  EXPECT_EQ(writer.out(),
            (Bytes{0x08, 0x07, 0x06, 0x05, 0x04, 0x03, 0x02, 0x01, 0xCD, 0xAB, 0x7E}));
  ByteReader reader = reader_of(writer.out());
  EXPECT_EQ(reader.fixed(8), 0x0102030405060708ULL);
  EXPECT_EQ(reader.fixed(2), 0xABCDU);
  EXPECT_EQ(reader.u8(), 0x7E);
}

TEST(ByteCodec, TextIsLengthPrefixedAndRoundTrips) {
  const std::vector<std::string> texts = {
      "", "Porto", std::string("a\0b", 3), "Caf\xC3\xA9", std::string(300, 'x')};
  ByteWriter writer;
  for (const std::string& text : texts) writer.text(text);
  ByteReader reader = reader_of(writer.out());
  for (const std::string& text : texts) EXPECT_EQ(reader.text(), text);
  EXPECT_EQ(reader.position(), writer.out().size());
  ByteWriter one;
  one.text("ab");
  EXPECT_EQ(one.out(), (Bytes{0x02, 'a', 'b'}));
}

TEST(ByteCodec, CoordinatesAreDeltasFromThePreviousOne) {
  ByteWriter writer;
  writer.svarint(411496100);
  writer.svarint(-500);
  ByteReader reader = reader_of(writer.out());
  const std::int32_t first = reader.coordinate(0);
  EXPECT_EQ(first, 411496100);
  EXPECT_EQ(reader.coordinate(first), 411495600);
}

struct CorruptCase {
  const char* label;
  Bytes bytes;
  std::function<void(ByteReader&)> read;
  std::string why;

  friend void PrintTo(const CorruptCase& c, std::ostream* os) { *os << c.label; }
};

class CorruptInput : public ::testing::TestWithParam<CorruptCase> {};

TEST_P(CorruptInput, ThrowsNamingTheFileAndTheProblem) {
  ByteReader reader = reader_of(GetParam().bytes);
  try {
    GetParam().read(reader);
    FAIL() << "read";
  } catch (const core::InputError& e) {
    EXPECT_EQ(std::string(e.what()), "test.bin: " + GetParam().why);
    EXPECT_EQ(e.code(), "bad_test_file");
  }
}

INSTANTIATE_TEST_SUITE_P(
    Reads,
    CorruptInput,
    ::testing::Values(
        CorruptCase{"EmptyU8", {}, [](ByteReader& r) { r.u8(); }, "truncated"},
        CorruptCase{"ShortFixed", {1, 2, 3}, [](ByteReader& r) { r.fixed(4); }, "truncated"},
        CorruptCase{
            "UnfinishedVarint", {0x80, 0x80}, [](ByteReader& r) { r.varint(); }, "truncated"},
        CorruptCase{
            "VarintTooLong", Bytes(10, 0x80), [](ByteReader& r) { r.varint(); }, "varint too long"},
        CorruptCase{"TextLongerThanFile",
                    {0x05, 'a', 'b'},
                    [](ByteReader& r) { r.text(); },
                    "count larger than the file"},
        CorruptCase{"CountOfWideItems",
                    {0x02, 0, 0, 0},
                    [](ByteReader& r) { r.count(2); },
                    "count larger than the file"},
        CorruptCase{"CoordinateOverflow",
                    {0x02},
                    [](ByteReader& r) { r.coordinate(std::numeric_limits<std::int32_t>::max()); },
                    "coordinate out of range"},
        CorruptCase{"U32Overflow",
                    {},
                    [](ByteReader& r) { r.u32(1ULL << 32, "node count"); },
                    "node count out of range"}),
    [](const auto& c) { return std::string(c.param.label); });

TEST(ByteCodec, CountWithinTheFileIsAccepted) {
  const Bytes bytes = {0x02, 0, 0, 0, 0};
  ByteReader reader = reader_of(bytes);
  EXPECT_EQ(reader.count(2), 2U);
}

// FNV-1a 64-bit test vectors from the algorithm's reference (offset basis for empty input).
TEST(Fnv1a64, MatchesTheReferenceVectors) {
  const Bytes empty;
  const Bytes a = {'a'};
  const Bytes foobar = {'f', 'o', 'o', 'b', 'a', 'r'};
  EXPECT_EQ(core::formats::fnv1a64(empty), 0xcbf29ce484222325ULL);
  EXPECT_EQ(core::formats::fnv1a64(a), 0xaf63dc4c8601ec8cULL);
  EXPECT_EQ(core::formats::fnv1a64(foobar), 0x85944171f73967e8ULL);
}

}  // namespace
