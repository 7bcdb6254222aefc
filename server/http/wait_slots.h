#pragma once

#include <atomic>
#include <cstddef>

namespace server::http {

/// How many requests may hold an HTTP thread while they wait for a job (the generate wait
/// window). httplib serves a connection on one pool thread from its first request to its last,
/// so a burst of waiting requests could take every thread and leave new readers queued behind
/// them; past the bound, a request is answered at once with 202 and its job instead.
/// Thread-safe.
class WaitSlots {
 public:
  explicit WaitSlots(std::size_t slots) : m_free(static_cast<long>(slots)) {}

  /// A held slot, released when it goes out of scope; false when none was free.
  class Slot {
   public:
    Slot(Slot&& other) noexcept : m_owner(other.m_owner) { other.m_owner = nullptr; }
    Slot(const Slot&) = delete;
    Slot& operator=(const Slot&) = delete;
    Slot& operator=(Slot&&) = delete;
    ~Slot() {
      if (m_owner != nullptr) m_owner->m_free.fetch_add(1);
    }
    explicit operator bool() const { return m_owner != nullptr; }

   private:
    friend class WaitSlots;
    explicit Slot(WaitSlots* owner) : m_owner(owner) {}
    WaitSlots* m_owner;
  };

  /// Takes a slot if one is free.
  Slot try_take() {
    long free = m_free.load();
    while (free > 0) {
      if (m_free.compare_exchange_weak(free, free - 1)) return Slot(this);
    }
    return Slot(nullptr);
  }

 private:
  std::atomic<long> m_free;
};

}  // namespace server::http
