#pragma once
// Structured logs: one JSON object per line on a stream (stderr for the server), with a UTC
// timestamp, a level and an event name. Callers pass only fields that hold no personal data:
// paths, statuses, device ids, counts, ticket numbers, never bodies or customer fields.

#include <nlohmann/json.hpp>

#include <mutex>
#include <ostream>
#include <string_view>

namespace cf::center {

class JsonLog {
public:
    explicit JsonLog(std::ostream& out) : m_out(&out) {}

    // Writes {"ts": ..., "level": level, "event": event, ...fields} and flushes; a line over
    // 4 KiB has its long values cut to 256 bytes, then fields left out, and "cut": true.
    // Thread-safe.
    void write(std::string_view level, std::string_view event,
               const nlohmann::json& fields = nlohmann::json::object());

private:
    std::mutex m_mutex;
    std::ostream* m_out;
};

} // namespace cf::center
