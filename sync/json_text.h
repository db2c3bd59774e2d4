#pragma once
// Writing JSON as text without building a DOM first: for the large answers (a pull page of
// 2,000 events, a push batch of 1,000) whose parts are already JSON text in the database.

#include <cstdint>
#include <string>
#include <string_view>

namespace cf::sync {

// Appends s as a quoted JSON string, escaping '"', '\\' and control characters as
// nlohmann::json does; invalid UTF-8 becomes U+FFFD, as in json::dump with
// error_handler_t::replace.
void append_json_string(std::string& out, std::string_view s);

// Appends "key": (with the leading comma unless first) for hand-written objects.
void append_json_key(std::string& out, std::string_view key, bool first = false);

// Appends n in decimal.
void append_json_int(std::string& out, std::int64_t n);

} // namespace cf::sync
