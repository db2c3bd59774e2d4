// [SECTION] init, open, backup and restore
// [SECTION] enrolment and tokens
#include "center/sqlite_center_storage.h"

#include "center/center_schema.h"
#include "center/secret.h"
#include "core/step_schema.h"
#include "core/ticket_number.h"

#include <algorithm>
#include <cctype>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace cf::center {
namespace {

namespace fs = std::filesystem;

CenterError storage_error(const core::Error& e) {
    return from_core(e);
}

template <class T> std::unexpected<CenterError> fail_core(const core::Result<T>& r) {
    return std::unexpected(storage_error(r.error()));
}

core::Result<std::string> read_meta(core::Database& db, std::string_view key) {
    auto q = db.query("SELECT value FROM meta WHERE key = ?1");
    if (!q) {
        return std::unexpected(q.error());
    }
    q->bind(1, key);
    auto row = q->step();
    if (!row) {
        return std::unexpected(row.error());
    }
    if (!*row) {
        return core::fail(core::ErrorCode::corrupt, "the center database " + db.path().string() +
                                                        " has no '" + std::string(key) +
                                                        "' setting");
    }
    return q->text(0);
}

core::Result<void> write_meta(core::Database& db, std::string_view key, std::string_view value) {
    auto q = db.query("INSERT INTO meta(key, value) VALUES (?1, ?2) "
                      "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    if (!q) {
        return std::unexpected(q.error());
    }
    return q->bind(1, key).bind(2, value).run();
}

void fsync_path(const fs::path& p) {
    int fd = ::open(p.c_str(), O_RDONLY);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

} // namespace

// ====================================================== [SECTION] init, open, backup and restore

CenterResult<void> SqliteCenterStorage::init(const fs::path& dir) {
    std::error_code ec;
    if (fs::exists(dir / k_database_file, ec) || fs::exists(dir / k_key_file, ec)) {
        return center_error(400, "invalid_value",
                            "the directory " + dir.string() + " already holds center data");
    }
    fs::create_directories(dir, ec);
    if (ec) {
        return center_error(500, "storage",
                            "cannot create the directory " + dir.string() + ": " + ec.message());
    }
    ::chmod(dir.c_str(), 0700);
    if (auto key = core::PiiSealer::create_key_file(dir / k_key_file); !key) {
        return fail_core(key);
    }
    core::OpenOptions create;
    create.create = true;
    create.page_size = k_page_size;
    auto db = core::Database::open(dir / k_database_file, create);
    if (!db) {
        return fail_core(db);
    }
    ::chmod((dir / k_database_file).c_str(), 0600);
    if (auto r = migrate_center(*db); !r) {
        return fail_core(r);
    }
    auto tx = core::Transaction::begin(*db);
    if (!tx) {
        return fail_core(tx);
    }
    if (auto r = write_meta(*db, "epoch", new_epoch()); !r) {
        return fail_core(r);
    }
    if (auto r = write_meta(*db, "center_seq", "0"); !r) {
        return fail_core(r);
    }
    if (auto r = tx->commit(); !r) {
        return fail_core(r);
    }
    return {};
}

CenterResult<std::unique_ptr<SqliteCenterStorage>>
SqliteCenterStorage::open(const fs::path& dir, core::Millis max_clock_skew) {
    std::error_code ec;
    if (!fs::exists(dir / k_database_file, ec)) {
        return center_error(500, "storage",
                            "no center data in " + dir.string() +
                                ": run 'counterfoil-center --data " + dir.string() +
                                " init' first");
    }
    auto sealer = core::PiiSealer::load_key_file(dir / k_key_file);
    if (!sealer) {
        return fail_core(sealer);
    }
    auto db = core::Database::open(dir / k_database_file, core::OpenOptions{});
    if (!db) {
        return fail_core(db);
    }
    if (auto r = migrate_center(*db); !r) {
        return fail_core(r);
    }
    // A region's events grow into gigabytes; the default 2 MB page cache sends every index
    // insert of a long drain to the operating system for its pages.
    if (auto r = db->exec("PRAGMA cache_size = -65536"); !r) {
        return fail_core(r);
    }
    auto epoch = read_meta(*db, "epoch");
    if (!epoch) {
        return fail_core(epoch);
    }
    auto token_db = core::Database::open(dir / k_database_file, core::OpenOptions{});
    if (!token_db) {
        return fail_core(token_db);
    }
    auto store = std::unique_ptr<SqliteCenterStorage>(
        new SqliteCenterStorage(std::move(*db), std::move(*token_db), std::move(*sealer), *epoch));
    store->m_max_clock_skew = max_clock_skew;
    // The center's clock continues from its newest event, so its steps never go backwards;
    // but not from past wall time plus the skew, where a terminal's wrong clock may have put
    // an event before pushes were checked (issue 13).
    auto q = store->m_db.query("SELECT coalesce(max(hlc), 0) FROM events");
    if (!q) {
        return fail_core(q);
    }
    if (auto row = q->step(); !row) {
        return fail_core(row);
    }
    const auto newest = static_cast<core::Hlc>(std::max<std::int64_t>(q->int64(0), 0));
    const core::Hlc ceiling = core::make_hlc(core::SystemClock().now() + max_clock_skew, 0);
    store->m_hlc = core::HybridClock(std::min(newest, ceiling));
    return store;
}

CenterResult<SqliteCenterStorage::PublishedRules>
SqliteCenterStorage::published_rules_since(core::Database& db, std::int64_t after) {
    auto q = db.query("SELECT seq, name, content FROM assets WHERE seq > ?1 AND "
                      "(name IN ('categories.json', 'sla/policy.json') OR name LIKE 'forms/%' OR "
                      "name LIKE 'calendars/%') "
                      "ORDER BY seq");
    if (!q) {
        return fail_core(q);
    }
    q->bind(1, after);
    PublishedRules out{.last = after, .assets = {}};
    while (true) {
        auto row = q->step();
        if (!row) {
            return fail_core(row);
        }
        if (!*row) {
            return out;
        }
        out.last = q->int64(0);
        out.assets.emplace_back(q->text(1), q->text(2));
    }
}

CenterResult<void> SqliteCenterStorage::load_create_rules(const fs::path& assets_dir) {
    auto rules = center::load_create_rules(assets_dir);
    if (!rules) {
        CenterError e = rules.error();
        e.message += " (in " + assets_dir.string() + "; give serve --assets DIR)";
        return std::unexpected(std::move(e));
    }
    CenterResult<PublishedRules> published;
    {
        std::lock_guard lock(m_mutex);
        published = published_rules_since(m_db, 0);
    }
    if (!published) {
        return std::unexpected(published.error());
    }
    for (const auto& [name, content] : published->assets) {
        // A version that does not read adds nothing (terminals keep it out of use too).
        (void)rules->add_asset(name, content);
    }
    const std::int64_t last = published->last;
    std::lock_guard lock(m_rules_mutex);
    m_rules = std::make_shared<const CreateRules>(std::move(*rules));
    m_rules_asset_seq = last;
    return {};
}

CenterResult<void> SqliteCenterStorage::checkpoint_in_background() {
    std::lock_guard lock(m_mutex);
    auto checkpointer = WalCheckpointer::start(m_db.path());
    if (!checkpointer) {
        return fail_core(checkpointer);
    }
    // SQLite's own checkpoint in the commit stays as a backstop only, for a log past 8,192
    // pages (256 MB at 32 KB pages), which a drain that outruns the checkpoint thread reaches.
    // Once the log starts over, its file is cut back to 64 MB instead of keeping its largest
    // size on disk.
    for (const char* pragma :
         {"PRAGMA wal_autocheckpoint = 8192", "PRAGMA journal_size_limit = 67108864"}) {
        if (auto r = m_db.exec(pragma); !r) {
            return fail_core(r);
        }
    }
    m_checkpointer = std::move(*checkpointer);
    return {};
}

CenterResult<void> SqliteCenterStorage::backup(const fs::path& dir, const fs::path& file) {
    std::error_code ec;
    if (fs::exists(file, ec)) {
        return center_error(400, "invalid_value",
                            "the backup file " + file.string() + " exists already");
    }
    auto db = core::Database::open(dir / k_database_file, core::OpenOptions{});
    if (!db) {
        return fail_core(db);
    }
    // VACUUM INTO reads one snapshot, so a running center keeps serving meanwhile.
    auto q = db->query("VACUUM INTO ?1");
    if (!q) {
        return fail_core(q);
    }
    if (auto r = q->bind(1, file.string()).run(); !r) {
        return fail_core(r);
    }
    ::chmod(file.c_str(), 0600);
    fsync_path(file);
    return {};
}

CenterResult<std::string> SqliteCenterStorage::restore(const fs::path& dir, const fs::path& file) {
    std::error_code ec;
    if (!fs::exists(dir / k_key_file, ec)) {
        return center_error(500, "storage",
                            "no center key in " + dir.string() +
                                ": restore the key file first, then the database");
    }
    const fs::path staged = dir / "center.db.restoring";
    fs::remove(staged, ec);
    fs::copy_file(file, staged, ec);
    if (ec) {
        return center_error(500, "storage",
                            "cannot copy the backup " + file.string() + ": " + ec.message());
    }
    ::chmod(staged.c_str(), 0600);
    const std::string epoch = new_epoch();
    {
        auto db = core::Database::open(staged, core::OpenOptions{});
        if (!db) {
            return fail_core(db);
        }
        if (auto r = migrate_center(*db); !r) {
            return fail_core(r);
        }
        if (auto r = read_meta(*db, "epoch"); !r) {
            return fail_core(r);
        }
        if (auto r = write_meta(*db, "epoch", epoch); !r) {
            return fail_core(r);
        }
        // Fold the WAL into the file so the rename below carries everything.
        if (auto r = db->exec("PRAGMA wal_checkpoint(TRUNCATE)"); !r) {
            return fail_core(r);
        }
    }
    fsync_path(staged);
    // A WAL left by the replaced database must not be replayed onto the restored one.
    for (const char* suffix : {"-wal", "-shm"}) {
        fs::remove(dir / (std::string(k_database_file) + suffix), ec);
        fs::remove(fs::path(staged.string() + suffix), ec);
    }
    fs::rename(staged, dir / k_database_file, ec);
    if (ec) {
        return center_error(500, "storage",
                            "cannot put the restored database in place: " + ec.message());
    }
    fsync_path(dir);
    return epoch;
}

// ============================================================ [SECTION] enrolment and tokens

CenterResult<EnrollCode> SqliteCenterStorage::create_enroll_code(const EnrollCode& what,
                                                                 core::Millis code_ttl,
                                                                 core::Millis token_ttl,
                                                                 core::Millis now) {
    if (!core::valid_branch_code(what.branch)) {
        return center_error(400, "invalid_value",
                            "branch code '" + what.branch + "' is invalid: use 2-6 characters of " +
                                std::string(core::k_number_alphabet),
                            "branch");
    }
    if (!what.terminal.empty() && !core::valid_terminal_id(what.terminal)) {
        return center_error(400, "invalid_value",
                            "terminal id '" + what.terminal +
                                "' is invalid: use the id the terminal was set up with "
                                "(counterfoil-cli init --terminal), e.g. K1",
                            "terminal");
    }
    if (what.replace && what.terminal.empty()) {
        return center_error(400, "invalid_value",
                            "a code that replaces an enrolled terminal must name it (--terminal)",
                            "terminal");
    }
    std::lock_guard lock(m_mutex);
    EnrollCode code{new_enroll_code(), what.branch, what.terminal, what.replace, now + code_ttl};
    auto q = m_db.query("INSERT INTO enroll_codes(code_hash, branch, created_at, expires_at, "
                        "token_ttl, terminal, replace_device) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    if (!q) {
        return fail_core(q);
    }
    q->bind_blob(1, secret_hash(m_sealer.pin_pepper(), normalize_enroll_code(code.code)))
        .bind(2, code.branch)
        .bind(3, now)
        .bind(4, code.expires_at)
        .bind(5, token_ttl)
        .bind(6, code.terminal)
        .bind(7, code.replace ? 1 : 0);
    if (auto r = q->run(); !r) {
        return fail_core(r);
    }
    return code;
}

CenterResult<sync::EnrollResponse> SqliteCenterStorage::enroll(const sync::EnrollRequest& request,
                                                               core::Millis now) {
    std::lock_guard lock(m_mutex);
    auto tx = core::Transaction::begin(m_db);
    if (!tx) {
        return fail_core(tx);
    }
    auto q = m_db.query("SELECT branch, expires_at, token_ttl, used_at, terminal, "
                        "replace_device FROM enroll_codes WHERE code_hash = ?1");
    if (!q) {
        return fail_core(q);
    }
    const auto code_hash = secret_hash(m_sealer.pin_pepper(), normalize_enroll_code(request.code));
    q->bind_blob(1, code_hash);
    auto row = q->step();
    if (!row) {
        return fail_core(row);
    }
    if (!*row) {
        return center_error(401, "bad_code", "the enrolment code is not known to this center",
                            "code");
    }
    const std::string branch = q->text(0);
    const core::Millis expires_at = q->int64(1);
    const core::Millis token_ttl = q->int64(2);
    const bool used = !q->is_null(3);
    const std::string terminal = q->text(4);
    const bool replace = q->int64(5) != 0;
    if (used) {
        return center_error(401, "code_used",
                            "the enrolment code was used already; ask the center for a new one",
                            "code");
    }
    if (expires_at <= now) {
        return center_error(401, "code_expired",
                            "the enrolment code has expired; ask the center for a new one", "code");
    }
    if (branch != request.branch) {
        return center_error(
            403, "wrong_branch",
            "the enrolment code is for branch " + branch + ", not " + request.branch, "branch");
    }
    if (!terminal.empty() && terminal != request.terminal) {
        return center_error(403, "wrong_terminal",
                            "the enrolment code is for terminal " + branch + "/" + terminal +
                                ", not " + request.branch + "/" + request.terminal,
                            "terminal");
    }
    const std::string device = request.branch + "/" + request.terminal;
    // Whether the device is known, revoked, and still has a token that works.
    auto d = m_db.query("SELECT d.revoked_at, (SELECT count(*) FROM tokens t WHERE t.device = "
                        "d.device AND t.kind = 'device' AND t.revoked_at IS NULL AND "
                        "t.expires_at > ?2) FROM devices d WHERE d.device = ?1");
    if (!d) {
        return fail_core(d);
    }
    d->bind(1, device).bind(2, now);
    auto drow = d->step();
    if (!drow) {
        return fail_core(drow);
    }
    if (*drow && !d->is_null(0)) {
        return center_error(409, "device_revoked",
                            "device " + device +
                                " was revoked; enrol the terminal under a new terminal id",
                            "terminal");
    }
    const bool known = *drow;
    const bool active = known && d->int64(1) > 0;
    // Taking over an enrolled id gives a second machine its events' sequence and its branch's
    // data: only a code made for that id may, and only with --replace while it is active.
    const std::string replace_hint = "counterfoil-center enroll-code --branch " + branch +
                                     " --terminal " + request.terminal + " --replace";
    if (known && terminal.empty()) {
        return center_error(
            409, "device_exists",
            "terminal " + device +
                " is enrolled already, and this code is for a new terminal. Set up this machine "
                "with a new terminal id; or, if it replaces " +
                device + ", enrol it with a code from '" + replace_hint +
                "' (the old machine's token then stops working)",
            "terminal");
    }
    if (active && !replace) {
        return center_error(409, "device_active",
                            "terminal " + device +
                                " is enrolled and its token still works; if this machine "
                                "replaces it, enrol it with a code from '" +
                                replace_hint + "' (the old machine's token then stops working)",
                            "terminal");
    }
    if (known && replace) {
        auto revoke = m_db.query("UPDATE tokens SET revoked_at = ?2 WHERE device = ?1 AND kind = "
                                 "'device' AND revoked_at IS NULL");
        if (!revoke) {
            return fail_core(revoke);
        }
        if (auto r = revoke->bind(1, device).bind(2, now).run(); !r) {
            return fail_core(r);
        }
    }
    if (!known) {
        auto ins = m_db.query(
            "INSERT INTO devices(device, branch, acked_seq, enrolled_at) VALUES (?1, ?2, 0, ?3)");
        if (!ins) {
            return fail_core(ins);
        }
        if (auto r = ins->bind(1, device).bind(2, branch).bind(3, now).run(); !r) {
            return fail_core(r);
        }
    }
    auto used_q = m_db.query("UPDATE enroll_codes SET used_at = ?2, used_by = ?3 "
                             "WHERE code_hash = ?1");
    if (!used_q) {
        return fail_core(used_q);
    }
    if (auto r = used_q->bind_blob(1, code_hash).bind(2, now).bind(3, device).run(); !r) {
        return fail_core(r);
    }
    const std::string token = new_token();
    auto t = m_db.query("INSERT INTO tokens(token_hash, kind, device, branch, created_at, "
                        "expires_at) VALUES (?1, 'device', ?2, ?3, ?4, ?5)");
    if (!t) {
        return fail_core(t);
    }
    t->bind_blob(1, secret_hash(m_sealer.pin_pepper(), token))
        .bind(2, device)
        .bind(3, branch)
        .bind(4, now)
        .bind(5, now + token_ttl);
    if (auto r = t->run(); !r) {
        return fail_core(r);
    }
    if (auto r = tx->commit(); !r) {
        return fail_core(r);
    }
    return sync::EnrollResponse{m_epoch, device, branch, token};
}

CenterResult<std::string> SqliteCenterStorage::create_console_token(const ConsoleTokenSpec& spec,
                                                                    core::Millis now) {
    const bool name_ok = !spec.name.empty() && spec.name.size() <= 64 &&
                         std::all_of(spec.name.begin(), spec.name.end(), [](unsigned char c) {
                             return std::isalnum(c) || c == '-' || c == '_' || c == '.';
                         });
    if (!name_ok) {
        return center_error(400, "invalid_value",
                            "--name '" + spec.name +
                                "' is not a usable actor id: 1-64 letters, digits, '-', '_', '.'",
                            "name");
    }
    if (auto role = check_center_role(spec.role); !role) {
        return std::unexpected(role.error());
    }
    if ((spec.role == core::Role::handler) != !spec.department.empty() ||
        (!spec.department.empty() && !core::valid_department_code(spec.department))) {
        return center_error(400, "invalid_value",
                            spec.role == core::Role::handler
                                ? "--department: a handler's token needs its department, 1-32 "
                                  "of a-z, 0-9, '_', '-'"
                                : "--department is only for a handler's token",
                            "department");
    }
    if (spec.ttl <= 0) {
        return center_error(400, "invalid_value", "--ttl-days: a token must last a day or more",
                            "ttl");
    }
    std::lock_guard lock(m_mutex);
    const std::string token = new_token();
    auto t = m_db.query("INSERT INTO tokens(token_hash, kind, device, branch, created_at, "
                        "expires_at, role, department) VALUES (?1, 'console', ?2, '', ?3, ?4, "
                        "?5, ?6)");
    if (!t) {
        return fail_core(t);
    }
    t->bind_blob(1, secret_hash(m_sealer.pin_pepper(), token))
        .bind(2, spec.name)
        .bind(3, now)
        .bind(4, now + spec.ttl)
        .bind(5, core::to_string(spec.role))
        .bind(6, spec.department);
    if (auto r = t->run(); !r) {
        return fail_core(r);
    }
    return token;
}

CenterResult<Principal> SqliteCenterStorage::authenticate(std::string_view token,
                                                          core::Millis now) {
    if (token.empty()) {
        return center_error(401, "missing_token",
                            "this endpoint needs 'Authorization: Bearer TOKEN'");
    }
    if (is_session_token(token)) {
        std::lock_guard lock(m_mutex);
        return authenticate_staff(token, now);
    }
    std::lock_guard lock(m_token_mutex);
    auto q =
        m_token_db.query("SELECT t.kind, t.device, t.branch, t.expires_at, t.revoked_at, "
                         "d.revoked_at, t.role, t.department FROM tokens t LEFT JOIN devices d "
                         "ON d.device = t.device AND t.kind = 'device' WHERE t.token_hash = ?1");
    if (!q) {
        return fail_core(q);
    }
    q->bind_blob(1, secret_hash(m_sealer.pin_pepper(), token));
    auto row = q->step();
    if (!row) {
        return fail_core(row);
    }
    if (!*row) {
        return center_error(401, "bad_token", "the token is not known to this center");
    }
    const bool console = q->text(0) == "console";
    if (!q->is_null(5)) {
        return center_error(401, "token_revoked",
                            "the device " + q->text(1) + " was revoked; it cannot sync");
    }
    if (!q->is_null(4)) {
        return center_error(401, "token_revoked",
                            console ? "the console token was revoked; make a new one with "
                                      "counterfoil-center console-token"
                                    : "this token of " + q->text(1) +
                                          " was replaced: the terminal was enrolled again on "
                                          "another machine. Enrol this one with a new code if "
                                          "it should sync");
    }
    if (q->int64(3) <= now) {
        return center_error(401, "token_expired",
                            console ? "the console token has expired; make a new one with "
                                      "counterfoil-center console-token"
                                    : "the token has expired; enrol the device again with a "
                                      "new code");
    }
    Principal p;
    p.kind = console ? Principal::Kind::console : Principal::Kind::device;
    p.device = q->text(1);
    p.branch = q->text(2);
    if (console) {
        // Tokens made before they had a role could act as any role: they no longer work.
        auto role = core::parse_role(q->text(6));
        if (!role || !core::is_center_role(*role)) {
            return center_error(401, "token_revoked",
                                "this console token has no role (it was made before tokens "
                                "had one); make a new one with counterfoil-center console-token "
                                "--role ROLE");
        }
        p.role = *role;
        p.department = q->text(7);
    }
    return p;
}

CenterResult<void> SqliteCenterStorage::revoke_device(std::string_view device, core::Millis now) {
    std::lock_guard lock(m_mutex);
    auto tx = core::Transaction::begin(m_db);
    if (!tx) {
        return fail_core(tx);
    }
    auto q = m_db.query("UPDATE devices SET revoked_at = coalesce(revoked_at, ?2) "
                        "WHERE device = ?1");
    if (!q) {
        return fail_core(q);
    }
    if (auto r = q->bind(1, device).bind(2, now).run(); !r) {
        return fail_core(r);
    }
    if (m_db.changes() == 0) {
        return center_error(404, "not_found", "no enrolled device '" + std::string(device) + "'",
                            "device");
    }
    auto t = m_db.query("UPDATE tokens SET revoked_at = coalesce(revoked_at, ?2) "
                        "WHERE device = ?1 AND kind = 'device'");
    if (!t) {
        return fail_core(t);
    }
    if (auto r = t->bind(1, device).bind(2, now).run(); !r) {
        return fail_core(r);
    }
    if (auto r = tx->commit(); !r) {
        return fail_core(r);
    }
    return {};
}

CenterResult<sync::DeviceStatus> SqliteCenterStorage::device_status(const Principal& who,
                                                                    core::Millis now) {
    std::lock_guard lock(m_mutex);
    auto q = m_db.query("SELECT acked_seq FROM devices WHERE device = ?1");
    if (!q) {
        return fail_core(q);
    }
    q->bind(1, who.device);
    auto row = q->step();
    if (!row) {
        return fail_core(row);
    }
    if (!*row) {
        return center_error(403, "not_a_device", "this token does not belong to a device");
    }
    return sync::DeviceStatus{m_epoch, who.device, who.branch, q->int64(0), now};
}

} // namespace cf::center
