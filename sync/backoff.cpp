#include "sync/backoff.h"

#include <algorithm>

namespace cf::sync {

std::chrono::milliseconds Backoff::next_delay() {
    const int shift = std::min(m_failures, 20);
    ++m_failures;
    const std::int64_t ceiling =
        std::min<std::int64_t>(k_cap.count(), k_base.count() * (std::int64_t{1} << shift));
    std::uniform_int_distribution<std::int64_t> jitter(ceiling / 2, ceiling);
    return std::chrono::milliseconds(jitter(m_rng));
}

} // namespace cf::sync
