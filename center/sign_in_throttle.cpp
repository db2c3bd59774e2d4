#include "center/sign_in_throttle.h"

#include <algorithm>

namespace cf::center {

core::Millis SignInThrottle::id_delay(int failures) {
    if (failures <= 0) {
        return 0;
    }
    const int shift = std::min(failures - 1, 30);
    return std::min(k_sign_in_max_delay, k_sign_in_first_delay << shift);
}

core::Millis SignInThrottle::address_delay(int failures) {
    if (failures < k_address_free_failures) {
        return 0;
    }
    const int shift = std::min(failures - k_address_free_failures, 30);
    return std::min(k_address_max_delay, k_sign_in_first_delay << shift);
}

void SignInThrottle::forget_old(std::map<std::string, Count, std::less<>>& counts,
                                core::Millis now) {
    if (counts.size() < k_max_entries) {
        return;
    }
    std::erase_if(counts, [now](const auto& entry) {
        const Count& c = entry.second;
        return c.running == 0 && c.until <= now;
    });
}

std::optional<SignInThrottle::Refusal>
SignInThrottle::admit(std::string_view id, std::string_view address, core::Millis now) {
    std::lock_guard lock(m_mutex);
    // An id's own wait first: its answer must not depend on the address.
    auto i = m_ids.find(id);
    if (i != m_ids.end()) {
        Count& c = i->second;
        if (now - c.last_failure >= k_sign_in_forget && c.running == 0) {
            c = Count{};
        }
        if (c.running > 0) {
            return Refusal{Refusal::Why::id, std::max(c.until, now + k_sign_in_first_delay)};
        }
        if (c.until > now) {
            return Refusal{Refusal::Why::id, c.until};
        }
    }
    Count* at = nullptr;
    if (!address.empty()) {
        auto a = m_addresses.find(address);
        if (a != m_addresses.end()) {
            Count& c = a->second;
            if (now - c.last_failure >= k_sign_in_forget && c.running == 0) {
                c = Count{};
            }
            if (c.until > now) {
                return Refusal{Refusal::Why::address, c.until};
            }
            if (c.running >= k_address_max_running) {
                return Refusal{Refusal::Why::address, now + k_sign_in_first_delay};
            }
        } else {
            forget_old(m_addresses, now);
            a = m_addresses.emplace(std::string(address), Count{}).first;
        }
        at = &a->second;
    }
    if (i == m_ids.end()) {
        forget_old(m_ids, now);
        i = m_ids.emplace(std::string(id), Count{}).first;
    }
    ++i->second.running;
    if (at != nullptr) {
        ++at->running;
    }
    return std::nullopt;
}

void SignInThrottle::finish(std::string_view id, std::string_view address, bool right,
                            core::Millis now) {
    std::lock_guard lock(m_mutex);
    if (auto i = m_ids.find(id); i != m_ids.end()) {
        Count& c = i->second;
        --c.running;
        if (right) {
            c.failures = 0;
            c.until = 0;
        } else {
            ++c.failures;
            c.last_failure = now;
            c.until = now + id_delay(c.failures);
        }
        if (c.failures == 0 && c.running == 0) {
            m_ids.erase(i);
        }
    }
    if (auto a = m_addresses.find(address); !address.empty() && a != m_addresses.end()) {
        Count& c = a->second;
        --c.running;
        // A right password does not clear the address: one account of one's own must not
        // buy guesses at the others.
        if (!right) {
            ++c.failures;
            c.last_failure = now;
            c.until = now + address_delay(c.failures);
        }
    }
}

void SignInThrottle::abandon(std::string_view id, std::string_view address) {
    std::lock_guard lock(m_mutex);
    if (auto i = m_ids.find(id); i != m_ids.end()) {
        --i->second.running;
        if (i->second.failures == 0 && i->second.running == 0) {
            m_ids.erase(i);
        }
    }
    if (auto a = m_addresses.find(address); !address.empty() && a != m_addresses.end()) {
        --a->second.running;
    }
}

} // namespace cf::center
