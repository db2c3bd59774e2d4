#include "core/hybrid_clock.h"

#include <algorithm>
#include <cstdio>

namespace cf::core {

namespace {

constexpr std::uint32_t k_max_counter = 0xffff;
constexpr Millis k_max_physical = hlc_physical(k_max_hlc);

// The timestamp for `physical` with `counter`, or the next millisecond when the counter is used
// up: borrowing one millisecond from the future keeps timestamps strictly increasing. Past
// k_max_hlc it stays at k_max_hlc: a wrapped timestamp would be negative in SQLite and on the
// wire, and would sort before everything.
Hlc make_bounded(Millis physical, std::uint32_t counter) {
    if (counter > k_max_counter) {
        if (physical >= k_max_physical) {
            return k_max_hlc;
        }
        ++physical;
        counter = 0;
    }
    if (physical > k_max_physical) {
        return k_max_hlc;
    }
    return make_hlc(std::max<Millis>(physical, 0), static_cast<std::uint16_t>(counter));
}

} // namespace

Hlc HybridClock::tick(Millis physical_now) {
    const Millis last_physical = hlc_physical(m_last);
    if (physical_now > last_physical) {
        m_last = make_bounded(physical_now, 0);
    } else {
        m_last = make_bounded(last_physical, std::uint32_t{hlc_counter(m_last)} + 1);
    }
    return m_last;
}

Hlc HybridClock::observe(Hlc remote, Millis physical_now) {
    remote = std::min(remote, k_max_hlc);
    const Millis last_physical = hlc_physical(m_last);
    const Millis remote_physical = hlc_physical(remote);
    const Millis physical = std::max({last_physical, remote_physical, physical_now});

    std::uint32_t counter = 0;
    if (physical == last_physical && physical == remote_physical) {
        counter = std::uint32_t{std::max(hlc_counter(m_last), hlc_counter(remote))} + 1;
    } else if (physical == last_physical) {
        counter = std::uint32_t{hlc_counter(m_last)} + 1;
    } else if (physical == remote_physical) {
        counter = std::uint32_t{hlc_counter(remote)} + 1;
    }
    m_last = make_bounded(physical, counter);
    return m_last;
}

std::string format_hlc(Hlc h) {
    const Millis t = hlc_physical(h);
    const CivilDate date = civil_from_days(t / k_day);
    const Millis in_day = t % k_day;
    char buf[64];
    const int n = std::snprintf(
        buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ#%04u", date.year, date.month,
        date.day, static_cast<int>(in_day / k_hour), static_cast<int>(in_day % k_hour / k_minute),
        static_cast<int>(in_day % k_minute / 1000), static_cast<int>(in_day % 1000),
        static_cast<unsigned>(hlc_counter(h)));
    return std::string(buf, static_cast<std::size_t>(n));
}

} // namespace cf::core
