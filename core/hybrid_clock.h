#pragma once
// Hybrid logical clock: timestamps that follow wall time but never go backwards and order
// causally related events across devices even when their clocks disagree.
// Encoding: the upper 48 bits are milliseconds since the epoch, the lower 16 a counter.

#include "core/clock.h"

#include <cstdint>
#include <string>

namespace cf::core {

using Hlc = std::uint64_t;

constexpr Hlc make_hlc(Millis physical, std::uint16_t counter) {
    return (static_cast<Hlc>(physical) << 16) | counter;
}
constexpr Millis hlc_physical(Hlc h) {
    return static_cast<Millis>(h >> 16);
}
constexpr std::uint16_t hlc_counter(Hlc h) {
    return static_cast<std::uint16_t>(h & 0xffff);
}

class HybridClock {
public:
    explicit HybridClock(Hlc last = 0) : m_last(last) {}

    // A timestamp for a local event, greater than every timestamp issued or observed before.
    // When the counter of a millisecond is used up, the next millisecond is borrowed.
    Hlc tick(Millis physical_now);

    // Merges a timestamp received from another device; returns the new local timestamp.
    Hlc observe(Hlc remote, Millis physical_now);

    Hlc last() const { return m_last; }

private:
    Hlc m_last;
};

// "2026-11-23T01:30:00.123Z#0002" for logs and JSON.
std::string format_hlc(Hlc h);

} // namespace cf::core
