#pragma once
// Branch staff accounts (front desk and supervisors) in the local database: who may sign in at
// the kiosk's staff menu and at the counter. PINs have 6 to 12 digits and are stored only as
// Argon2id hashes (libsodium crypto_pwhash_str) of the PIN keyed with the pepper from the key
// file, so a copied database alone does not allow offline guessing. Five wrong PINs lock the id
// for five minutes; the count survives restarts.

#include "core/clock.h"
#include "core/error.h"
#include "core/sqlite_db.h"
#include "core/ticket.h"

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cf::core {

struct StaffMember {
    std::string id; // e.g. "S001"
    std::string name;
    Role role = Role::frontdesk;
    bool disabled = false;
};

enum class SignInStatus {
    signed_in,
    wrong,    // unknown id, disabled id or wrong PIN: one answer, so ids cannot be probed
    locked,   // too many wrong PINs; locked_until says until when
    no_staff, // the directory is empty: nobody can sign in yet
};

struct SignInOutcome {
    SignInStatus status = SignInStatus::wrong;
    StaffMember member;      // when signed_in
    Millis locked_until = 0; // when locked
};

class StaffDirectory {
public:
    static constexpr int k_max_failures = 5;
    static constexpr Millis k_lockout = 5 * k_minute;

    // Uses `db` (which must outlive it, already migrated) and the pepper from the key file.
    StaffDirectory(Database& db, std::span<const std::uint8_t, 32> pepper);

    // Adds an account. Fails with invalid_input for an id that is not 1-16 letters, digits or
    // dashes, an empty name, a role that is not frontdesk or supervisor, a PIN that is not 6-12
    // digits, or an id already taken; with a storage error otherwise.
    Result<void> add(const StaffMember& member, std::string_view pin, Millis now);
    // Disables an account: it can no longer sign in. Fails with not_found for an unknown id.
    Result<void> disable(std::string_view id);
    // Sets a new PIN and clears the lockout. Fails like add() for a bad PIN, not_found.
    Result<void> set_pin(std::string_view id, std::string_view pin);
    Result<std::vector<StaffMember>> list();
    Result<StaffMember> get(std::string_view id);

    // Checks id and PIN and counts failures. Fails only with storage errors; every refusal is
    // an outcome.
    Result<SignInOutcome> sign_in(std::string_view id, std::string_view pin, Millis now);

    // Whether a PIN has the allowed shape (6 to 12 ASCII digits).
    static bool valid_pin(std::string_view pin);

private:
    std::string peppered(std::string_view pin) const;
    // The Argon2id string of the peppered PIN; fails with storage when memory runs out.
    Result<std::string> hash_pin(std::string_view pin) const;

    Database* m_db;
    std::array<std::uint8_t, 32> m_pepper{};
};

} // namespace cf::core
