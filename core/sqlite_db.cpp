#include "core/sqlite_db.h"

#include <sqlite3.h>

#include <cerrno>
#include <utility>

namespace cf::core {

// ---------------------------------------------------------------------------------- Query

Query::Query(Query&& other) noexcept : m_stmt(other.m_stmt), m_db(other.m_db) {
    other.m_stmt = nullptr;
}

Query::~Query() {
    if (m_stmt != nullptr) {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
    }
}

Query& Query::bind(int index, std::int64_t value) {
    sqlite3_bind_int64(m_stmt, index, value);
    return *this;
}

Query& Query::bind(int index, double value) {
    sqlite3_bind_double(m_stmt, index, value);
    return *this;
}

Query& Query::bind(int index, std::string_view text) {
    sqlite3_bind_text(m_stmt, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    return *this;
}

Query& Query::bind_borrowed(int index, std::string_view text) {
    sqlite3_bind_text(m_stmt, index, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
    return *this;
}

Query& Query::bind_blob(int index, std::span<const std::uint8_t> blob) {
    if (blob.empty()) {
        sqlite3_bind_zeroblob(m_stmt, index, 0);
    } else {
        sqlite3_bind_blob(m_stmt, index, blob.data(), static_cast<int>(blob.size()),
                          SQLITE_TRANSIENT);
    }
    return *this;
}

Query& Query::bind_null(int index) {
    sqlite3_bind_null(m_stmt, index);
    return *this;
}

Query& Query::bind(int index, std::optional<std::int64_t> value) {
    return value ? bind(index, *value) : bind_null(index);
}

Result<bool> Query::step() {
    int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) {
        return true;
    }
    if (rc == SQLITE_DONE) {
        return false;
    }
    const char* sql = sqlite3_sql(m_stmt);
    std::string what = sql != nullptr ? std::string(sql).substr(0, 40) : std::string("a query");
    return std::unexpected(
        Error{classify_sqlite_error(rc, sqlite3_system_errno(m_db)),
              std::string(sqlite3_errmsg(m_db)) + " (while running '" + what + "...')"});
}

Result<void> Query::run() {
    auto r = step();
    if (!r) {
        return std::unexpected(r.error());
    }
    return {};
}

bool Query::is_null(int column) const {
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

std::int64_t Query::int64(int column) const {
    return sqlite3_column_int64(m_stmt, column);
}

double Query::real(int column) const {
    return sqlite3_column_double(m_stmt, column);
}

std::string Query::text(int column) const {
    const auto* p = sqlite3_column_text(m_stmt, column);
    int n = sqlite3_column_bytes(m_stmt, column);
    return p != nullptr ? std::string(reinterpret_cast<const char*>(p), static_cast<size_t>(n))
                        : std::string();
}

std::vector<std::uint8_t> Query::blob(int column) const {
    const auto* p = static_cast<const std::uint8_t*>(sqlite3_column_blob(m_stmt, column));
    int n = sqlite3_column_bytes(m_stmt, column);
    return p != nullptr ? std::vector<std::uint8_t>(p, p + n) : std::vector<std::uint8_t>();
}

std::optional<std::int64_t> Query::optional_int64(int column) const {
    if (is_null(column)) {
        return std::nullopt;
    }
    return int64(column);
}

// ------------------------------------------------------------------------------- Database

ErrorCode classify_sqlite_error(int rc, int system_errno) {
    switch (rc & 0xff) {
    case SQLITE_FULL:
        return ErrorCode::disk_full;
    case SQLITE_READONLY:
        return ErrorCode::read_only;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return ErrorCode::corrupt;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return ErrorCode::busy;
    case SQLITE_IOERR:
        if (system_errno == ENOSPC || system_errno == EDQUOT) {
            return ErrorCode::disk_full;
        }
        if (system_errno == EROFS) {
            return ErrorCode::read_only;
        }
        return ErrorCode::storage;
    case SQLITE_CANTOPEN:
        return system_errno == EROFS ? ErrorCode::read_only : ErrorCode::storage;
    default:
        return ErrorCode::storage;
    }
}

namespace {

std::string advice(ErrorCode code) {
    switch (code) {
    case ErrorCode::disk_full:
        return " (the disk is full: free space, then try again; nothing was saved)";
    case ErrorCode::read_only:
        return " (the database cannot be written: check the disk and file permissions; nothing "
               "was saved)";
    case ErrorCode::corrupt:
        return " (the file is damaged or is not a Counterfoil database: restore it from a "
               "backup)";
    case ErrorCode::busy:
        return " (another program holds the database: try again)";
    default:
        return "";
    }
}

} // namespace

Error Database::error(int rc, std::string_view doing) const {
    int sys = m_db != nullptr ? sqlite3_system_errno(m_db) : 0;
    ErrorCode code = classify_sqlite_error(rc, sys);
    std::string detail = m_db != nullptr ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc);
    return Error{code, std::string(doing) + " " + m_path.string() + ": " + detail + advice(code)};
}

Result<Database> Database::open(const std::filesystem::path& path, const OpenOptions& options) {
    Database db;
    db.m_path = path;
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
    if (options.create) {
        flags |= SQLITE_OPEN_CREATE;
    }
    int rc = sqlite3_open_v2(path.c_str(), &db.m_db, flags,
                             options.vfs.empty() ? nullptr : options.vfs.c_str());
    if (rc != SQLITE_OK) {
        return std::unexpected(db.error(rc, "cannot open database"));
    }
    sqlite3_extended_result_codes(db.m_db, 1);
    sqlite3_busy_timeout(db.m_db, options.busy_timeout_ms);
    // Reading the schema is the first thing that touches the file's content, so a file that
    // is not a database fails here with SQLITE_NOTADB.
    if (auto r = db.exec("SELECT count(*) FROM sqlite_schema"); !r) {
        return std::unexpected(r.error());
    }
    if (sqlite3_db_readonly(db.m_db, "main") == 1) {
        return std::unexpected(Error{ErrorCode::read_only, "the database " + path.string() +
                                                               " is read-only" +
                                                               advice(ErrorCode::read_only)});
    }
    if (options.page_size > 0) {
        // Only takes on an empty file: an existing database keeps its size.
        if (auto r = db.exec("PRAGMA page_size = " + std::to_string(options.page_size)); !r) {
            return std::unexpected(r.error());
        }
    }
    for (const char* pragma :
         {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON"}) {
        if (auto r = db.exec(pragma); !r) {
            return std::unexpected(r.error());
        }
    }
    auto mode = db.query("PRAGMA journal_mode");
    if (!mode) {
        return std::unexpected(mode.error());
    }
    if (auto row = mode->step(); !row || !*row || mode->text(0) != "wal") {
        return std::unexpected(
            Error{ErrorCode::storage, "cannot switch " + path.string() +
                                          " to write-ahead logging; the file system may not "
                                          "support shared memory"});
    }
    return db;
}

Database::Database(Database&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)), m_path(std::move(other.m_path)),
      m_cache(std::move(other.m_cache)) {
    other.m_cache.clear();
}

Database& Database::operator=(Database&& other) noexcept {
    if (this != &other) {
        close();
        m_db = std::exchange(other.m_db, nullptr);
        m_path = std::move(other.m_path);
        m_cache = std::move(other.m_cache);
        other.m_cache.clear();
    }
    return *this;
}

Database::~Database() {
    close();
}

void Database::close() {
    for (auto& [sql, stmt] : m_cache) {
        sqlite3_finalize(stmt);
    }
    m_cache.clear();
    if (m_db != nullptr) {
        sqlite3_close_v2(m_db);
        m_db = nullptr;
    }
}

Result<void> Database::exec(std::string_view sql) {
    std::string text(sql);
    char* message = nullptr;
    int rc = sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        sqlite3_free(message);
        return std::unexpected(error(rc, "database error in"));
    }
    return {};
}

Result<Query> Database::query(std::string_view sql) {
    std::string key(sql);
    auto it = m_cache.find(key);
    if (it == m_cache.end()) {
        sqlite3_stmt* stmt = nullptr;
        int rc = sqlite3_prepare_v3(m_db, key.c_str(), static_cast<int>(key.size()),
                                    SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
        if (rc != SQLITE_OK) {
            return std::unexpected(error(rc, "cannot prepare a query on"));
        }
        it = m_cache.emplace(std::move(key), stmt).first;
    }
    return Query(it->second, m_db);
}

std::int64_t Database::last_insert_rowid() const {
    return sqlite3_last_insert_rowid(m_db);
}

int Database::changes() const {
    return sqlite3_changes(m_db);
}

// ---------------------------------------------------------------------------- Transaction

Result<Transaction> Transaction::begin(Database& db) {
    if (auto r = db.exec("BEGIN IMMEDIATE"); !r) {
        return std::unexpected(r.error());
    }
    return Transaction(&db);
}

Transaction::~Transaction() {
    if (m_db != nullptr) {
        // Rolling back can only fail if there is no transaction left, which is what we want.
        sqlite3_exec(m_db->handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    }
}

Result<void> Transaction::commit() {
    if (auto r = m_db->exec("COMMIT"); !r) {
        return r; // the destructor rolls back what is left
    }
    m_db = nullptr;
    return {};
}

} // namespace cf::core
