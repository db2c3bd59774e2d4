#pragma once
// How often console sign-in may be tried (docs/SECURITY.md, "Sign-in"), in memory:
//
// - Per id, known or not (so the answer tells nothing about which ids exist): one attempt at
//   a time, and after n wrong passwords in a row the next is taken only after
//   min(1 s * 2^(n-1), 1 min). A stranger can slow a manager down by a minute at most, never
//   lock them out for long; a right password clears the count.
// - Per source address: ten wrong passwords are free (an office behind one address makes
//   typing mistakes); from the tenth on each one doubles the wait, from 1 s up to 15 min; and
//   at most four attempts run at once. Checked before any password is, so it costs no Argon2.
//
// admit() checks and reserves under one lock; finish() counts under the same lock. Between
// them the id is taken, so no second attempt at it is checked until the first is counted:
// sixteen at once get one check, and a right password cannot slip in while a wrong one is
// being counted.

#include "core/clock.h"

#include <cstddef>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace cf::center {

inline constexpr core::Millis k_sign_in_first_delay = 1000;
inline constexpr core::Millis k_sign_in_max_delay = core::k_minute;
inline constexpr int k_address_free_failures = 10;
inline constexpr core::Millis k_address_max_delay = 15 * core::k_minute;
inline constexpr int k_address_max_running = 4;
// Counts are forgotten after this long without a wrong password.
inline constexpr core::Millis k_sign_in_forget = core::k_hour;

class SignInThrottle {
public:
    // Why an attempt is not taken now, and from when it would be.
    struct Refusal {
        enum class Why { id, address } why;
        core::Millis until = 0;
    };

    // Takes the attempt, or refuses it: the id has an attempt running or must wait, or the
    // address must wait or has too many running. An empty address is not counted (the CLI,
    // tests).
    std::optional<Refusal> admit(std::string_view id, std::string_view address, core::Millis now);
    // Counts the admitted attempt: right (the password matched) clears the id's count, wrong
    // adds to the id's and the address's. Frees the id.
    void finish(std::string_view id, std::string_view address, bool right, core::Millis now);
    // Frees the id without counting (the attempt failed for another reason than the password).
    void abandon(std::string_view id, std::string_view address);

    // The wait after n wrong passwords in a row at one id, and at one address.
    static core::Millis id_delay(int failures);
    static core::Millis address_delay(int failures);

private:
    struct Count {
        int failures = 0;
        core::Millis last_failure = 0;
        core::Millis until = 0; // no attempt before this
        int running = 0;
    };
    // Drops what is forgotten when a map grows past this, so strangers' ids cannot fill memory.
    static constexpr std::size_t k_max_entries = 100'000;

    static void forget_old(std::map<std::string, Count, std::less<>>& counts, core::Millis now);

    std::mutex m_mutex;
    std::map<std::string, Count, std::less<>> m_ids;
    std::map<std::string, Count, std::less<>> m_addresses;
};

} // namespace cf::center
