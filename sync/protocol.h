#pragma once
// The wire protocol between a terminal and the regional center (docs/SYNC_PROTOCOL.md):
// versioned JSON over HTTP(S), gzip on both directions. This part has no HTTP or SQLite in it,
// so the center and the client share it.

#include <cstddef>
#include <cstdint>
#include <expected>
#include <string>

namespace cf::sync {

// The version carried in every message as "protocol". A peer answers a message of another
// version with the error "unsupported_protocol".
inline constexpr int k_protocol_version = 1;

// Endpoint paths. Everything but the health check lives under /v1/.
inline constexpr const char* k_path_health = "/healthz";
inline constexpr const char* k_path_enroll = "/v1/enroll";
inline constexpr const char* k_path_device = "/v1/device";
inline constexpr const char* k_path_push = "/v1/push";
inline constexpr const char* k_path_pull = "/v1/pull";
inline constexpr const char* k_path_center_tickets = "/v1/center/tickets";
inline constexpr const char* k_path_center_overdue = "/v1/center/overdue";
inline constexpr const char* k_path_center_assets = "/v1/center/assets";

// Limits both sides agree on. A push batch holds at most this many events and skips.
inline constexpr std::size_t k_max_batch_events = 1000;
inline constexpr std::size_t k_max_pull_limit = 2000;
// The center's default limit on a request body (after gzip is undone).
inline constexpr std::size_t k_default_max_body_bytes = 8 * 1024 * 1024;

// What a message parser reports: a machine-readable code, the field it concerns (a JSON path
// such as "events[3].kind", empty for the whole body) and a sentence for a person.
struct ProtocolError {
    std::string code;
    std::string field;
    std::string message;
};

template <class T> using Parsed = std::expected<T, ProtocolError>;

inline std::unexpected<ProtocolError> protocol_error(std::string code, std::string field,
                                                     std::string message) {
    return std::unexpected(ProtocolError{std::move(code), std::move(field), std::move(message)});
}

// True when text is well-formed UTF-8 (no overlong forms, surrogates or values past U+10FFFF).
bool valid_utf8(std::string_view text);

} // namespace cf::sync
