#pragma once
// Errors of the ime module. Each message says what is wrong with Chinese input and what an
// operator can do about it. The kiosk shows "Chinese input is unavailable" for any of them and
// keeps English letters and digits working; the message itself is for the operator's log.

#include <expected>
#include <string>

namespace cf::ime {

enum class ErrorCode {
    data_missing,   // a schema or dictionary is not installed in the shared data directory
    not_writable,   // the data directory cannot be created or written
    deploy_failed,  // librime could not prepare the schemas in the data directory
    already_open,   // another InputEngine is alive in this process (librime is process-global)
    session_failed, // librime could not start a session or switch its schema
};

struct Error {
    ErrorCode code;
    std::string message;
};

template <class T> using Result = std::expected<T, Error>;

inline std::unexpected<Error> fail(ErrorCode code, std::string message) {
    return std::unexpected<Error>(Error{code, std::move(message)});
}

} // namespace cf::ime
