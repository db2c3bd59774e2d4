#pragma once
// Strict reading of one JSON object of a message: every field is checked for its type and
// range, unknown fields are refused, and the first problem is reported with the field's path
// ("events[3].device_seq"), so a bad message is answered with an error that names it.

#include "sync/protocol.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace cf::sync {

class JsonFields {
public:
    // path is the object's own path ("" for the body, "events[3]" for an element).
    JsonFields(const nlohmann::json& object, std::string path);

    // False once a problem was found; error() tells which.
    bool ok() const { return !m_error.has_value(); }
    const ProtocolError& error() const { return *m_error; }

    // Each reader returns the value, or nullopt (recording an error) when it is missing,
    // of the wrong type or out of range. Optional readers return the fallback when absent.
    std::optional<std::string> text(const char* key, std::size_t max_bytes = 4096,
                                    bool allow_empty = false);
    std::string optional_text(const char* key, std::size_t max_bytes = 4096);
    std::optional<std::int64_t> integer(const char* key, std::int64_t min, std::int64_t max);
    std::optional<std::int64_t> optional_integer(const char* key, std::int64_t min,
                                                 std::int64_t max, std::int64_t fallback);
    std::optional<bool> boolean(const char* key);
    // The member itself, checked to be an object / array.
    const nlohmann::json* object(const char* key);
    const nlohmann::json* optional_object(const char* key);
    const nlohmann::json* array(const char* key, std::size_t max_items);
    const nlohmann::json* optional_array(const char* key, std::size_t max_items);
    // The "protocol" member: must equal k_protocol_version.
    bool protocol();

    // Records a problem found by the caller (a value that has the right type but is wrong).
    void fail(std::string code, const char* key, std::string message);

    // Refuses members that no reader asked for. Call last.
    Parsed<void> finish();

    std::string path_of(std::string_view key) const;

private:
    const nlohmann::json* find(const char* key, bool required);

    const nlohmann::json& m_object;
    std::string m_path;
    std::set<std::string, std::less<>> m_seen;
    std::optional<ProtocolError> m_error;
};

// The most of a key a client sent that an error or a log line repeats: a longer one is cut
// at a character boundary and marked with "…", so a 4 MiB key cannot make a 4 MiB answer.
inline constexpr std::size_t k_max_name_bytes = 64;
// The key as errors name it: at most k_max_name_bytes of it, cut between UTF-8 characters.
std::string cut_name(std::string_view key);

// Starts reading a value that must be an object; records not_an_object otherwise.
Parsed<void> require_object(const nlohmann::json& value, const std::string& path);

// Parses a request or response body; fails with invalid_utf8 or malformed_json.
Parsed<nlohmann::json> parse_body(std::string_view body);

} // namespace cf::sync
