#include "center/json_log.h"

#include "core/clock.h"

#include <string>

namespace cf::center {
namespace {

// A log line is at most this long, whatever a client sent (a path, a key): a 4 MiB key once
// made a 4 MiB line. Longer lines have their long values cut, then fields left out.
constexpr std::size_t k_max_line_bytes = 4096;
constexpr std::size_t k_max_value_bytes = 256;

std::string dump(const nlohmann::json& line) {
    // Replace, never throw, on text that is not UTF-8 (a path a client sent).
    return line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// text cut to at most max bytes, between UTF-8 characters, marked with "…".
std::string cut(std::string_view text) {
    if (text.size() <= k_max_value_bytes) {
        return std::string(text);
    }
    std::size_t end = k_max_value_bytes;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
        --end;
    }
    return std::string(text.substr(0, end)) + "…";
}

bool is_frame(const std::string& key) {
    return key == "ts" || key == "level" || key == "event" || key == "cut";
}

std::string bounded(nlohmann::json& line) {
    std::string text = dump(line);
    if (text.size() <= k_max_line_bytes) {
        return text;
    }
    for (auto it = line.begin(); it != line.end(); ++it) {
        if (is_frame(it.key())) {
            continue;
        }
        if (it->is_string()) {
            *it = cut(it->get_ref<const std::string&>());
        } else if (it->is_structured()) {
            *it = cut(dump(*it));
        }
    }
    line["cut"] = true;
    text = dump(line);
    // Still too long (many fields full of escapes): leave fields out, the last first.
    while (text.size() > k_max_line_bytes) {
        std::string last;
        for (auto it = line.begin(); it != line.end(); ++it) {
            if (!is_frame(it.key())) {
                last = it.key();
            }
        }
        if (last.empty()) {
            break;
        }
        line.erase(last);
        text = dump(line);
    }
    return text;
}

} // namespace

void JsonLog::write(std::string_view level, std::string_view event, const nlohmann::json& fields) {
    nlohmann::json line = {{"ts", core::format_iso8601(core::SystemClock().now())},
                           {"level", level},
                           {"event", event}};
    for (const auto& [key, value] : fields.items()) {
        line[key] = value;
    }
    const std::string text = bounded(line);
    std::lock_guard lock(m_mutex);
    *m_out << text << '\n';
    m_out->flush();
}

} // namespace cf::center
