#include "center/json_log.h"

#include "core/clock.h"

namespace cf::center {

void JsonLog::write(std::string_view level, std::string_view event, const nlohmann::json& fields) {
    nlohmann::json line = {{"ts", core::format_iso8601(core::SystemClock().now())},
                           {"level", level},
                           {"event", event}};
    for (const auto& [key, value] : fields.items()) {
        line[key] = value;
    }
    // Replace, never throw, on text that is not UTF-8 (a path a client sent).
    const std::string text = line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    std::lock_guard lock(m_mutex);
    *m_out << text << '\n';
    m_out->flush();
}

} // namespace cf::center
