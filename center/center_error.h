#pragma once
// Errors of the center: each carries the HTTP status it is answered with, a code a program
// can act on (the same codes as sync::ProtocolError), the field or event concerned and a
// sentence for a person. The center CLI prints the message and exits with a code per status.

#include "core/error.h"
#include "sync/protocol.h"

#include <cstdint>
#include <expected>
#include <optional>
#include <string>

namespace cf::center {

struct CenterError {
    int status = 400;
    std::string code;
    std::string message;
    std::string field;
    std::optional<std::int64_t> index;
    std::optional<std::string> event_id;
    std::optional<std::int64_t> expected_seq;
    std::optional<std::int64_t> locked_until =
        std::nullopt; // 423 locked: until when (ms since the epoch)
};

template <class T> using CenterResult = std::expected<T, CenterError>;

inline std::unexpected<CenterError> center_error(int status, std::string code, std::string message,
                                                 std::string field = {}) {
    return std::unexpected(
        CenterError{status, std::move(code), std::move(message), std::move(field), {}, {}, {}, {}});
}

// A storage failure: 503 when the database is busy, 507 when the disk is full, else 500.
CenterError from_core(const core::Error& e);
// A message that did not parse: 400 (415 for a wrong protocol version is not used: 400).
CenterError from_protocol(const sync::ProtocolError& e);

} // namespace cf::center
