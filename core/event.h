#pragma once
// One entry of the append-only event log. Every change to a ticket is an event; the ticket row
// is the projection of its events. Events are never edited: corrections are new events.

#include "core/hybrid_clock.h"
#include "core/ticket.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

namespace cf::core {

// The kind of the event that files a ticket; every other kind is a lifecycle step name.
inline constexpr std::string_view k_create_kind = "create";

struct Event {
    std::string id;              // UUIDv7
    std::string ticket_id;       // UUIDv7 of the ticket
    std::string origin_device;   // "BRANCH/TERMINAL" of the device that made it
    std::int64_t device_seq = 0; // 1, 2, 3... per origin device, without gaps
    Hlc hlc = 0;
    std::string actor; // staff id, "kiosk" or a center account
    Role actor_role = Role::frontdesk;
    std::string kind;       // "create" or a Step name
    nlohmann::json payload; // personal data inside is sealed, never plain
};

nlohmann::json to_json(const Event& e);

} // namespace cf::core
