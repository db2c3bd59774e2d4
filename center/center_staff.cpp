// [SECTION] passwords
// [SECTION] accounts
// [SECTION] sign-in and sessions
#include "center/cpu_slots.h"
#include "center/secret.h"
#include "center/sqlite_center_storage.h"
#include "core/step_schema.h"

#include "sync/protocol.h"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <chrono>

namespace cf::center {
namespace {

// The same cost as the terminals' PINs: about 64 MB and a tenth of a second per check.
constexpr unsigned long long k_ops = crypto_pwhash_OPSLIMIT_INTERACTIVE;
constexpr std::size_t k_mem = crypto_pwhash_MEMLIMIT_INTERACTIVE;
// How long a sign-in waits for a password check slot before it is told to come back.
constexpr std::chrono::milliseconds k_password_slot_wait{2000};
// Session tokens carry their own prefix, so the center knows which table to look in.
constexpr std::string_view k_session_prefix = "cfs1_";

template <class T> std::unexpected<CenterError> fail_core(const core::Result<T>& r) {
    return std::unexpected(from_core(r.error()));
}

bool valid_staff_id(std::string_view id) {
    return !id.empty() && id.size() <= 16 && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
               c == '-';
    });
}

// ================================================================= [SECTION] passwords

// The password keyed with the center's pepper (BLAKE2b), hex encoded: what Argon2id hashes,
// so the database alone does not allow offline guessing.
std::string peppered(std::span<const std::uint8_t, 32> pepper, std::string_view password) {
    std::array<unsigned char, 32> mac{};
    crypto_generichash(mac.data(), mac.size(),
                       reinterpret_cast<const unsigned char*>(password.data()), password.size(),
                       pepper.data(), pepper.size());
    std::array<char, 65> hex{};
    sodium_bin2hex(hex.data(), hex.size(), mac.data(), mac.size());
    return std::string(hex.data(), 64);
}

CenterResult<std::string> hash_password(std::span<const std::uint8_t, 32> pepper,
                                        std::string_view password) {
    std::array<char, crypto_pwhash_STRBYTES> hash{};
    const std::string key = peppered(pepper, password);
    if (crypto_pwhash_str(hash.data(), key.data(), key.size(), k_ops, k_mem) != 0) {
        return center_error(500, "storage", "out of memory while hashing a password");
    }
    return std::string(hash.data());
}

bool verify_password(std::span<const std::uint8_t, 32> pepper, const std::string& hash,
                     std::string_view password) {
    const std::string key = peppered(pepper, password);
    return crypto_pwhash_str_verify(hash.c_str(), key.data(), key.size()) == 0;
}

std::string new_session_token() {
    return std::string(k_session_prefix) + new_token().substr(5);
}

} // namespace

// ================================================================== [SECTION] accounts

CenterResult<void> SqliteCenterStorage::add_staff(const StaffAccount& a, std::string_view password,
                                                  core::Millis now) {
    if (!valid_staff_id(a.id)) {
        return center_error(400, "invalid_value",
                            "--id: '" + a.id + "' is not 1-16 letters, digits or dashes", "id");
    }
    if (a.name.empty() || a.name.size() > 200 || !sync::valid_utf8(a.name)) {
        return center_error(400, "invalid_value", "--name: give the person's name (1-200 bytes)",
                            "name");
    }
    if (auto role = check_center_role(a.role); !role) {
        return std::unexpected(role.error());
    }
    if (a.role == core::Role::handler && !core::valid_department_code(a.department)) {
        return center_error(400, "invalid_value",
                            a.department.empty() ? "--department: a handler needs their department"
                                                 : "--department: '" + a.department +
                                                       "' is not 1-32 of a-z, 0-9, '_' and '-'",
                            "department");
    }
    if (a.role != core::Role::handler && !a.department.empty()) {
        return center_error(400, "invalid_value", "--department: only a handler has a department",
                            "department");
    }
    if (password.size() < k_min_password || password.size() > k_max_password) {
        return center_error(400, "invalid_value",
                            "password: give " + std::to_string(k_min_password) + " to " +
                                std::to_string(k_max_password) + " characters",
                            "password");
    }
    auto hash = hash_password(m_sealer.pin_pepper(), password);
    if (!hash) {
        return std::unexpected(hash.error());
    }
    std::lock_guard lock(m_mutex);
    auto q = m_db.query("INSERT INTO staff(id, name, role, department, hash, created_at) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(id) DO NOTHING");
    if (!q) {
        return fail_core(q);
    }
    q->bind(1, a.id)
        .bind(2, a.name)
        .bind(3, core::to_string(a.role))
        .bind(4, a.department)
        .bind(5, *hash)
        .bind(6, now);
    if (auto r = q->run(); !r) {
        return fail_core(r);
    }
    if (m_db.changes() == 0) {
        return center_error(409, "staff_exists", "--id: the staff id " + a.id + " is taken", "id");
    }
    return {};
}

CenterResult<void> SqliteCenterStorage::disable_staff(std::string_view id, core::Millis now) {
    std::lock_guard lock(m_mutex);
    auto tx = core::Transaction::begin(m_db);
    if (!tx) {
        return fail_core(tx);
    }
    auto q = m_db.query("UPDATE staff SET disabled_at = coalesce(disabled_at, ?2) WHERE id = ?1");
    if (!q) {
        return fail_core(q);
    }
    if (auto r = q->bind(1, id).bind(2, now).run(); !r) {
        return fail_core(r);
    }
    if (m_db.changes() == 0) {
        return center_error(404, "not_found", "--id: no staff account '" + std::string(id) + "'",
                            "id");
    }
    auto s = m_db.query("UPDATE staff_sessions SET revoked_at = coalesce(revoked_at, ?2) "
                        "WHERE staff_id = ?1");
    if (!s) {
        return fail_core(s);
    }
    if (auto r = s->bind(1, id).bind(2, now).run(); !r) {
        return fail_core(r);
    }
    if (auto r = tx->commit(); !r) {
        return fail_core(r);
    }
    return {};
}

CenterResult<std::vector<StaffAccount>> SqliteCenterStorage::list_staff() {
    std::lock_guard lock(m_mutex);
    auto q = m_db.query("SELECT id, name, role, department, disabled_at, locked_until FROM staff "
                        "ORDER BY id");
    if (!q) {
        return fail_core(q);
    }
    std::vector<StaffAccount> out;
    while (true) {
        auto row = q->step();
        if (!row) {
            return fail_core(row);
        }
        if (!*row) {
            return out;
        }
        StaffAccount a;
        a.id = q->text(0);
        a.name = q->text(1);
        a.role = core::parse_role(q->text(2)).value_or(core::Role::reviewer);
        a.department = q->text(3);
        a.disabled_at = q->optional_int64(4);
        a.locked_until = q->int64(5);
        out.push_back(std::move(a));
    }
}

// ====================================================== [SECTION] sign-in and sessions

CenterResult<sync::SignInResponse> SqliteCenterStorage::sign_in(const sync::SignInRequest& request,
                                                                core::Millis ttl, core::Millis now,
                                                                std::string_view source) {
    // Checked and taken before any password is: a throttled attempt costs no Argon2, and the
    // answer for an id that must wait is the same whether the id exists or not.
    if (auto refused = m_throttle.admit(request.staff, source, now)) {
        if (refused->why == SignInThrottle::Refusal::Why::address) {
            auto e = center_error(429, "too_many_attempts",
                                  "too many wrong sign-ins from this address; try again after "
                                  "the time in locked_until");
            e.error().locked_until = refused->until;
            return e;
        }
        auto e = center_error(423, "locked",
                              "too many wrong sign-ins for this id, or another one is being "
                              "checked; try again after the time in locked_until",
                              "staff");
        e.error().locked_until = refused->until;
        return e;
    }
    // From here the id is taken until finish() counts the attempt or abandon() frees it.
    bool counted = false;
    struct Release {
        SignInThrottle& throttle;
        const std::string& id;
        std::string_view source;
        bool& counted;
        ~Release() {
            if (!counted) {
                throttle.abandon(id, source);
            }
        }
    } release{m_throttle, request.staff, source, counted};

    struct Row {
        std::string hash;
        StaffAccount account;
    };
    std::optional<Row> found;
    if (valid_staff_id(request.staff)) {
        std::lock_guard lock(m_mutex);
        auto q =
            m_db.query("SELECT hash, name, role, department, disabled_at FROM staff WHERE id = ?1");
        if (!q) {
            return fail_core(q);
        }
        q->bind(1, request.staff);
        auto row = q->step();
        if (!row) {
            return fail_core(row);
        }
        if (*row) {
            Row r;
            r.hash = q->text(0);
            r.account.id = request.staff;
            r.account.name = q->text(1);
            r.account.role = core::parse_role(q->text(2)).value_or(core::Role::reviewer);
            r.account.department = q->text(3);
            r.account.disabled_at = q->optional_int64(4);
            found = std::move(r);
        }
    }
    // Argon2id takes 64 MiB and a tenth of a second: outside the storage lock, and only as
    // many at once as the machine bears; others wait a little, then are told to come back.
    CpuSlots::TrySlot slot(CpuSlots::for_passwords(), k_password_slot_wait);
    if (!slot.held()) {
        return center_error(503, "busy",
                            "the center is checking other sign-ins; try again in a second");
    }
    // The same work for every refusal: one full check, against the account's hash or one no
    // password matches, whatever the shape of the password.
    const bool matches = check_password(found ? found->hash : dummy_hash(), request.password);
    const bool right = found && matches && password_shape_ok(request.password);
    if (!right) {
        m_throttle.finish(request.staff, source, false, now);
        counted = true;
        return center_error(401, "bad_credentials", "the staff id or the password is wrong",
                            "password");
    }
    if (found->account.disabled_at) {
        m_throttle.finish(request.staff, source, true, now);
        counted = true;
        return center_error(403, "account_disabled",
                            "the account " + request.staff + " is disabled; ask a manager",
                            "staff");
    }
    // Still holding the id: no wrong attempt can be counted between the check and the session.
    auto session = open_session(found->account, ttl, now);
    if (session) {
        m_throttle.finish(request.staff, source, true, now);
        counted = true;
    }
    return session;
}

CenterResult<sync::SignInResponse>
SqliteCenterStorage::open_session(const StaffAccount& account, core::Millis ttl, core::Millis now) {
    std::lock_guard lock(m_mutex);
    const std::string token = new_session_token();
    auto ins = m_db.query("INSERT INTO staff_sessions(token_hash, staff_id, created_at, "
                          "expires_at) VALUES (?1, ?2, ?3, ?4)");
    if (!ins) {
        return fail_core(ins);
    }
    ins->bind_blob(1, secret_hash(m_sealer.pin_pepper(), token))
        .bind(2, account.id)
        .bind(3, now)
        .bind(4, now + ttl);
    if (auto r = ins->run(); !r) {
        return fail_core(r);
    }
    sync::SignInResponse out;
    out.epoch = m_epoch;
    out.token = token;
    out.staff = {account.id, account.name, account.role, account.department};
    out.expires_at = now + ttl;
    return out;
}

bool SqliteCenterStorage::check_password(const std::string& hash, std::string_view password) {
    const int running = ++m_checks_running;
    int most = m_checks_most.load();
    while (running > most && !m_checks_most.compare_exchange_weak(most, running)) {
    }
    const bool ok = verify_password(m_sealer.pin_pepper(), hash, password);
    --m_checks_running;
    ++m_checks_done;
    return ok;
}

SqliteCenterStorage::PasswordChecks SqliteCenterStorage::password_checks() const {
    return PasswordChecks{m_checks_done.load(), m_checks_most.load()};
}

CenterResult<void> SqliteCenterStorage::sign_out(std::string_view token, core::Millis now) {
    std::lock_guard lock(m_mutex);
    auto q = m_db.query("UPDATE staff_sessions SET revoked_at = coalesce(revoked_at, ?2) "
                        "WHERE token_hash = ?1");
    if (!q) {
        return fail_core(q);
    }
    if (auto r = q->bind_blob(1, secret_hash(m_sealer.pin_pepper(), token)).bind(2, now).run();
        !r) {
        return fail_core(r);
    }
    return {};
}

bool SqliteCenterStorage::is_session_token(std::string_view token) {
    return token.starts_with(k_session_prefix);
}

bool SqliteCenterStorage::password_shape_ok(std::string_view password) {
    return password.size() >= k_min_password && password.size() <= k_max_password;
}

const std::string& SqliteCenterStorage::dummy_hash() {
    std::call_once(m_dummy_once, [this] {
        auto h = hash_password(m_sealer.pin_pepper(), "not a password of anyone");
        m_dummy_hash = h ? *h : std::string();
    });
    return m_dummy_hash;
}

CenterResult<Principal> SqliteCenterStorage::authenticate_staff(std::string_view token,
                                                                core::Millis now) {
    // The caller holds m_mutex.
    auto q = m_db.query("SELECT s.staff_id, s.expires_at, s.revoked_at, st.role, st.department, "
                        "st.disabled_at FROM staff_sessions s JOIN staff st ON st.id = "
                        "s.staff_id WHERE s.token_hash = ?1");
    if (!q) {
        return fail_core(q);
    }
    q->bind_blob(1, secret_hash(m_sealer.pin_pepper(), token));
    auto row = q->step();
    if (!row) {
        return fail_core(row);
    }
    if (!*row) {
        return center_error(401, "bad_token", "the session is not known to this center");
    }
    if (!q->is_null(5)) {
        return center_error(401, "token_revoked",
                            "the account " + q->text(0) + " was disabled; its sessions ended");
    }
    if (!q->is_null(2)) {
        return center_error(401, "token_revoked", "the session was signed out; sign in again");
    }
    if (q->int64(1) <= now) {
        return center_error(401, "token_expired", "the session has expired; sign in again");
    }
    Principal p;
    p.kind = Principal::Kind::staff;
    p.device = q->text(0);
    p.staff = q->text(0);
    p.role = core::parse_role(q->text(3)).value_or(core::Role::reviewer);
    p.department = q->text(4);
    return p;
}

} // namespace cf::center
