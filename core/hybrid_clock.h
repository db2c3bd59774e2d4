#pragma once
// Hybrid logical clock: timestamps that follow wall time but never go backwards and order
// causally related events across devices even when their clocks disagree.
// Encoding: the upper 48 bits are milliseconds since the epoch, the lower 16 a counter.

#include "core/clock.h"

#include <cstdint>
#include <string>

namespace cf::core {

using Hlc = std::uint64_t;

// The largest timestamp: the largest that fits a signed 64-bit integer, as SQLite and the JSON
// of the sync protocol store it. The clock stops here instead of wrapping to a negative number.
inline constexpr Hlc k_max_hlc = 0x7fff'ffff'ffff'ffff;

constexpr Hlc make_hlc(Millis physical, std::uint16_t counter) {
    return (static_cast<Hlc>(physical) << 16) | counter;
}
constexpr Millis hlc_physical(Hlc h) {
    return static_cast<Millis>(h >> 16);
}
constexpr std::uint16_t hlc_counter(Hlc h) {
    return static_cast<std::uint16_t>(h & 0xffff);
}

// Every result is at most k_max_hlc: at the top the clock stays there (timestamps then repeat,
// which the (hlc, seq) order of events tolerates) rather than wrapping around.
class HybridClock {
public:
    // Continues after `last`, cut to k_max_hlc.
    explicit HybridClock(Hlc last = 0) : m_last(last < k_max_hlc ? last : k_max_hlc) {}

    // A timestamp for a local event, greater than every timestamp issued or observed before
    // (equal only at k_max_hlc). When the counter of a millisecond is used up, the next
    // millisecond is borrowed.
    Hlc tick(Millis physical_now);

    // Merges a timestamp received from another device; returns the new local timestamp, at
    // most k_max_hlc whatever `remote` says.
    Hlc observe(Hlc remote, Millis physical_now);

    Hlc last() const { return m_last; }

private:
    Hlc m_last;
};

// "2026-11-23T01:30:00.123Z#0002" for logs and JSON.
std::string format_hlc(Hlc h);

} // namespace cf::core
