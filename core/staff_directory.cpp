#include "core/staff_directory.h"

#include <sodium.h>

#include <algorithm>
#include <cstring>

namespace cf::core {

namespace {

bool valid_staff_id(std::string_view id) {
    return !id.empty() && id.size() <= 16 && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
               c == '-';
    });
}

bool is_branch_staff(Role r) {
    return r == Role::frontdesk || r == Role::supervisor;
}

// Interactive limits: about 0.1 s and 64 MiB per check on the kiosk's hardware, enough to make
// guessing a stolen hash slow while a sign-in still feels instant.
constexpr unsigned long long k_ops = crypto_pwhash_OPSLIMIT_INTERACTIVE;
constexpr std::size_t k_mem = crypto_pwhash_MEMLIMIT_INTERACTIVE;

} // namespace

StaffDirectory::StaffDirectory(Database& db, std::span<const std::uint8_t, 32> pepper) : m_db(&db) {
    std::copy(pepper.begin(), pepper.end(), m_pepper.begin());
}

bool StaffDirectory::valid_pin(std::string_view pin) {
    return pin.size() >= 6 && pin.size() <= 12 &&
           std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The PIN keyed with the pepper (BLAKE2b), hex encoded: what Argon2id actually hashes.
std::string StaffDirectory::peppered(std::string_view pin) const {
    std::array<unsigned char, 32> mac{};
    crypto_generichash(mac.data(), mac.size(), reinterpret_cast<const unsigned char*>(pin.data()),
                       pin.size(), m_pepper.data(), m_pepper.size());
    std::array<char, 65> hex{};
    sodium_bin2hex(hex.data(), hex.size(), mac.data(), mac.size());
    sodium_memzero(mac.data(), mac.size());
    return std::string(hex.data(), 64);
}

Result<std::string> StaffDirectory::hash_pin(std::string_view pin) const {
    std::array<char, crypto_pwhash_STRBYTES> hash{};
    std::string key = peppered(pin);
    const int rc = crypto_pwhash_str(hash.data(), key.data(), key.size(), k_ops, k_mem);
    sodium_memzero(key.data(), key.size());
    if (rc != 0) {
        return fail(ErrorCode::storage, "hashing the PIN ran out of memory");
    }
    return std::string(hash.data());
}

Result<void> StaffDirectory::add(const StaffMember& member, std::string_view pin, Millis now) {
    if (!valid_staff_id(member.id)) {
        return fail(ErrorCode::invalid_input,
                    "staff id '" + member.id + "' must be 1 to 16 letters, digits or dashes");
    }
    if (member.name.empty()) {
        return fail(ErrorCode::invalid_input, "staff " + member.id + " needs a name");
    }
    if (!is_branch_staff(member.role)) {
        return fail(ErrorCode::invalid_input, "role '" + std::string(to_string(member.role)) +
                                                  "' is not a branch role (frontdesk, supervisor)");
    }
    if (!valid_pin(pin)) {
        return fail(ErrorCode::invalid_input, "a PIN must be 6 to 12 digits");
    }
    if (auto existing = get(member.id); existing) {
        return fail(ErrorCode::invalid_input, "staff id " + member.id + " is already taken");
    } else if (existing.error().code != ErrorCode::not_found) {
        return std::unexpected(existing.error());
    }
    auto hash = hash_pin(pin);
    if (!hash) {
        return std::unexpected(hash.error());
    }
    auto q = m_db->query("INSERT INTO staff (id, name, role, pin_hash, disabled, created_at) "
                         "VALUES (?, ?, ?, ?, ?, ?)");
    if (!q) {
        return std::unexpected(q.error());
    }
    q->bind(1, member.id)
        .bind(2, member.name)
        .bind(3, to_string(member.role))
        .bind(4, *hash)
        .bind(5, member.disabled ? 1 : 0)
        .bind(6, now);
    return q->run();
}

Result<void> StaffDirectory::disable(std::string_view id) {
    auto q = m_db->query("UPDATE staff SET disabled = 1 WHERE id = ?");
    if (!q) {
        return std::unexpected(q.error());
    }
    if (auto r = q->bind(1, id).run(); !r) {
        return r;
    }
    if (m_db->changes() == 0) {
        return fail(ErrorCode::not_found, "no staff member with id " + std::string(id));
    }
    return {};
}

Result<void> StaffDirectory::set_pin(std::string_view id, std::string_view pin) {
    if (!valid_pin(pin)) {
        return fail(ErrorCode::invalid_input, "a PIN must be 6 to 12 digits");
    }
    auto hash = hash_pin(pin);
    if (!hash) {
        return std::unexpected(hash.error());
    }
    auto q = m_db->query(
        "UPDATE staff SET pin_hash = ?, failed_attempts = 0, locked_until = 0 WHERE id = ?");
    if (!q) {
        return std::unexpected(q.error());
    }
    if (auto r = q->bind(1, *hash).bind(2, id).run(); !r) {
        return r;
    }
    if (m_db->changes() == 0) {
        return fail(ErrorCode::not_found, "no staff member with id " + std::string(id));
    }
    return {};
}

Result<std::vector<StaffMember>> StaffDirectory::list() {
    auto q = m_db->query("SELECT id, name, role, disabled FROM staff ORDER BY id");
    if (!q) {
        return std::unexpected(q.error());
    }
    std::vector<StaffMember> out;
    while (true) {
        auto row = q->step();
        if (!row) {
            return std::unexpected(row.error());
        }
        if (!*row) {
            return out;
        }
        out.push_back(StaffMember{q->text(0), q->text(1),
                                  parse_role(q->text(2)).value_or(Role::frontdesk),
                                  q->int64(3) != 0});
    }
}

Result<StaffMember> StaffDirectory::get(std::string_view id) {
    auto q = m_db->query("SELECT id, name, role, disabled FROM staff WHERE id = ?");
    if (!q) {
        return std::unexpected(q.error());
    }
    auto row = q->bind(1, id).step();
    if (!row) {
        return std::unexpected(row.error());
    }
    if (!*row) {
        return fail(ErrorCode::not_found, "no staff member with id " + std::string(id));
    }
    return StaffMember{q->text(0), q->text(1), parse_role(q->text(2)).value_or(Role::frontdesk),
                       q->int64(3) != 0};
}

Result<SignInOutcome> StaffDirectory::sign_in(std::string_view id, std::string_view pin,
                                              Millis now) {
    auto q = m_db->query("SELECT id, name, role, disabled, pin_hash, failed_attempts, "
                         "locked_until FROM staff WHERE id = ?");
    if (!q) {
        return std::unexpected(q.error());
    }
    auto row = q->bind(1, id).step();
    if (!row) {
        return std::unexpected(row.error());
    }
    if (!*row) {
        auto any = m_db->query("SELECT 1 FROM staff LIMIT 1");
        if (!any) {
            return std::unexpected(any.error());
        }
        auto has = any->step();
        if (!has) {
            return std::unexpected(has.error());
        }
        return SignInOutcome{*has ? SignInStatus::wrong : SignInStatus::no_staff, {}, 0};
    }
    StaffMember member{q->text(0), q->text(1), parse_role(q->text(2)).value_or(Role::frontdesk),
                       q->int64(3) != 0};
    const std::string hash = q->text(4);
    const std::int64_t failures = q->int64(5);
    const Millis locked_until = q->int64(6);
    if (locked_until > now) {
        return SignInOutcome{SignInStatus::locked, {}, locked_until};
    }

    std::string key = peppered(pin);
    const bool ok =
        valid_pin(pin) && crypto_pwhash_str_verify(hash.c_str(), key.data(), key.size()) == 0;
    sodium_memzero(key.data(), key.size());

    if (ok && !member.disabled) {
        auto reset =
            m_db->query("UPDATE staff SET failed_attempts = 0, locked_until = 0 WHERE id = ?");
        if (!reset) {
            return std::unexpected(reset.error());
        }
        if (auto r = reset->bind(1, id).run(); !r) {
            return std::unexpected(r.error());
        }
        return SignInOutcome{SignInStatus::signed_in, std::move(member), 0};
    }
    // A lock that ran out starts a fresh count.
    const std::int64_t count = (locked_until != 0 ? 0 : failures) + 1;
    const Millis lock = count >= k_max_failures ? now + k_lockout : 0;
    auto update =
        m_db->query("UPDATE staff SET failed_attempts = ?, locked_until = ? WHERE id = ?");
    if (!update) {
        return std::unexpected(update.error());
    }
    if (auto r =
            update->bind(1, lock != 0 ? std::int64_t{0} : count).bind(2, lock).bind(3, id).run();
        !r) {
        return std::unexpected(r.error());
    }
    if (lock != 0) {
        return SignInOutcome{SignInStatus::locked, {}, lock};
    }
    return SignInOutcome{SignInStatus::wrong, {}, 0};
}

} // namespace cf::core
