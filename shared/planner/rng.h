#pragma once

#include <cstdint>

namespace core::planner {

/// xoshiro256** seeded through splitmix64: the same stream on every platform and compiler.
class Rng {
 public:
  /// A generator whose whole stream is fixed by `seed`.
  explicit Rng(std::uint64_t seed) {
    for (std::uint64_t& word : m_state) {
      seed += 0x9e3779b97f4a7c15ULL;
      std::uint64_t z = seed;
      z = (z ^ (z >> 30U)) * 0xbf58476d1ce4e5b9ULL;
      z = (z ^ (z >> 27U)) * 0x94d049bb133111ebULL;
      word = z ^ (z >> 31U);
    }
  }

  /// The next 64 random bits.
  std::uint64_t next() {
    const std::uint64_t result = rotl(m_state[1] * 5U, 7) * 9U;
    const std::uint64_t t = m_state[1] << 17U;
    m_state[2] ^= m_state[0];
    m_state[3] ^= m_state[1];
    m_state[1] ^= m_state[2];
    m_state[0] ^= m_state[3];
    m_state[2] ^= t;
    m_state[3] = rotl(m_state[3], 45);
    return result;
  }

  /// Uniform integer in [0, bound). Precondition: bound > 0.
  int below(int bound) {
    // Multiply-shift (Lemire) without rejection: the bias is below 2^-32 for our bounds.
    const std::uint64_t high = next() >> 32U;
    return static_cast<int>((high * static_cast<std::uint64_t>(bound)) >> 32U);
  }

  /// Uniform double in [0, 1).
  double uniform() { return static_cast<double>(next() >> 11U) * 0x1.0p-53; }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) {
    return (x << static_cast<unsigned>(k)) | (x >> static_cast<unsigned>(64 - k));
  }

  std::uint64_t m_state[4] = {};
};

}  // namespace core::planner
