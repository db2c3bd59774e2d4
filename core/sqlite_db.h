#pragma once
// A thin RAII layer over SQLite for the store: one connection, statements prepared once and
// cached, bound parameters only, and transactions that roll back unless committed. SQLite
// result codes become core::Error with a message that says what happened and to which file.
// Only core/ includes sqlite3.h, and only in the .cpp files of the store.

#include "core/error.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace cf::core {

// A cached statement in use; resets itself when it goes out of scope, so a half-read result
// never holds a read transaction open.
class Query {
public:
    explicit Query(sqlite3_stmt* stmt, sqlite3* db) : m_stmt(stmt), m_db(db) {}
    Query(Query&& other) noexcept;
    Query(const Query&) = delete;
    Query& operator=(const Query&) = delete;
    Query& operator=(Query&&) = delete;
    ~Query();

    // Parameters are 1-based, as in SQLite.
    Query& bind(int index, std::int64_t value);
    Query& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Query& bind(int index, double value);
    Query& bind(int index, std::string_view text);
    Query& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
    Query& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    // Binds text without copying it (for the large bodies of a push): the text must stay
    // alive and unchanged until this Query goes out of scope, which clears the binding.
    Query& bind_borrowed(int index, std::string_view text);
    Query& bind_blob(int index, std::span<const std::uint8_t> blob);
    Query& bind_null(int index);
    Query& bind(int index, std::optional<std::int64_t> value);

    // Advances one row: true when a row is available, false when done.
    Result<bool> step();
    // Runs a statement that returns no rows.
    Result<void> run();

    bool is_null(int column) const;
    std::int64_t int64(int column) const;
    double real(int column) const;
    std::string text(int column) const;
    std::vector<std::uint8_t> blob(int column) const;
    std::optional<std::int64_t> optional_int64(int column) const;

private:
    sqlite3_stmt* m_stmt;
    sqlite3* m_db;
};

struct OpenOptions {
    bool create = false; // create the file if it is missing
    std::string vfs;     // SQLite VFS name; empty for the default (tests inject faults)
    int busy_timeout_ms = 10'000;
    // The page size of a database created by this open (0: SQLite's default); it cannot be
    // changed once the file is in WAL mode.
    int page_size = 0;
};

class Database {
public:
    // Opens (or with create, creates) the database at path with WAL, synchronous=FULL and
    // foreign keys on. Fails with corrupt for a file that is not a database, read_only when it
    // cannot be written, storage when it cannot be opened.
    static Result<Database> open(const std::filesystem::path& path, const OpenOptions& options);

    Database(Database&&) noexcept;
    Database& operator=(Database&&) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database();

    // Runs SQL text with no parameters (schema changes, pragmas).
    Result<void> exec(std::string_view sql);
    // Prepares sql once per connection and returns it ready to bind.
    Result<Query> query(std::string_view sql);
    std::int64_t last_insert_rowid() const;
    int changes() const;

    // The error for the connection's last failure, classified, prefixed with what we were doing.
    Error error(int rc, std::string_view doing) const;

    const std::filesystem::path& path() const { return m_path; }
    sqlite3* handle() const { return m_db; }

private:
    Database() = default;
    void close();

    sqlite3* m_db = nullptr;
    std::filesystem::path m_path;
    std::unordered_map<std::string, sqlite3_stmt*> m_cache;
};

// BEGIN IMMEDIATE ... COMMIT, rolled back on destruction unless commit() succeeded. Writers
// take the lock up front, so two connections never deadlock upgrading a read lock.
class Transaction {
public:
    static Result<Transaction> begin(Database& db);
    Transaction(Transaction&& other) noexcept : m_db(other.m_db) { other.m_db = nullptr; }
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    Transaction& operator=(Transaction&&) = delete;
    ~Transaction();

    Result<void> commit();

private:
    explicit Transaction(Database* db) : m_db(db) {}
    Database* m_db;
};

// Classifies an SQLite result code (with the OS errno where it tells more).
ErrorCode classify_sqlite_error(int rc, int system_errno);

} // namespace cf::core
