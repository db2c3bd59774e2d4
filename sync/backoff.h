#pragma once
// When to try again after failed sync attempts: exponential backoff with jitter, capped at
// five minutes, so a branch whose link is down does not hammer the center when it returns
// and many terminals do not retry in step.

#include <chrono>
#include <cstdint>
#include <random>

namespace cf::sync {

class Backoff {
public:
    static constexpr std::chrono::milliseconds k_base{1000};
    static constexpr std::chrono::milliseconds k_cap{5 * 60 * 1000};

    explicit Backoff(std::uint64_t seed = std::random_device{}()) : m_rng(seed) {}

    // The wait before the next attempt after one more failure: a random time between half and
    // all of min(cap, base * 2^failures).
    std::chrono::milliseconds next_delay();
    void reset() { m_failures = 0; }
    int failures() const { return m_failures; }

private:
    int m_failures = 0;
    std::mt19937_64 m_rng;
};

} // namespace cf::sync
