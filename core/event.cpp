#include "core/event.h"

namespace cf::core {

nlohmann::json to_json(const Event& e) {
    return {
        {"id", e.id},
        {"ticket_id", e.ticket_id},
        {"origin_device", e.origin_device},
        {"device_seq", e.device_seq},
        {"hlc", e.hlc},
        {"hlc_text", format_hlc(e.hlc)},
        {"actor", e.actor},
        {"actor_role", to_string(e.actor_role)},
        {"kind", e.kind},
        {"payload", e.payload},
    };
}

} // namespace cf::core
