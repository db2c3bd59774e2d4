#pragma once
// Errors of the core module: every failure a caller can act on, with a message a person can
// read. Domain and I/O functions return Result<T>; bugs assert instead.

#include <expected>
#include <string>

namespace cf::core {

enum class ErrorCode {
    invalid_input, // a value the caller supplied is wrong; the message names it
    not_found,     // no ticket (or other record) with that key
    rejected_step, // a lifecycle step is not allowed now; the message names step, state, reason
    storage,       // SQLite or file-system failure not covered below
    corrupt,       // the database or key file is damaged
    newer_schema,  // the database was written by a newer Counterfoil
    read_only,     // the database or its directory cannot be written
    disk_full,     // the disk or quota is full
    busy,          // another process holds the database for too long
    key,           // the key file is missing, unreadable or wrong
};

struct Error {
    ErrorCode code;
    std::string message;
};

template <class T> using Result = std::expected<T, Error>;

inline std::unexpected<Error> fail(ErrorCode code, std::string message) {
    return std::unexpected<Error>(Error{code, std::move(message)});
}

} // namespace cf::core
