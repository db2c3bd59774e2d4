#pragma once
// An event as it travels between terminal and center. It is core::Event, except that the
// create event carries the customer's personal data in plain text ("customer") inside the TLS
// connection instead of blobs sealed with the sender's key: each side seals it at rest with its
// own key.

#include "core/event.h"
#include "core/ticket.h"
#include "sync/protocol.h"

#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <string_view>

namespace cf::sync {

// origin_device of the events the center itself makes (review, dispatch, ... feedback).
inline constexpr std::string_view k_center_device = "CENTER";

// A create event read by the push body's fast path (wire_text_reader.h): its ticket read
// straight from the text, the customer in it, and the ticket's JSON text as received, which
// holds only the keys of to_json's omit form and so can be stored as the ticket's body.
struct ReadCreate {
    core::Ticket ticket;
    std::string ticket_text;
};

struct WireEvent {
    std::string id;
    std::string ticket_id;
    std::string origin_device;
    std::int64_t device_seq = 0;
    core::Hlc hlc = 0;
    std::string actor;
    core::Role actor_role = core::Role::frontdesk;
    std::string kind; // "create" or a lifecycle step name
    // create: {"ticket": {...ticket without personal data...}, "customer": {...plain...}};
    // a step: the step's payload object. Null when `create` holds the create's payload.
    nlohmann::json payload;
    std::shared_ptr<const ReadCreate> create;
};

nlohmann::json to_json(const WireEvent& e);
nlohmann::json to_json(WireEvent&& e); // moves the payload

// Strict: refuses unknown fields, wrong types, an id that is not a UUID, an unknown kind or
// role, a device id that is not BRANCH/TERMINAL (or CENTER), a payload that is not an object,
// and a create payload without "ticket" or with unknown customer fields. path names the event
// in errors ("events[3]").
Parsed<WireEvent> parse_wire_event(const nlohmann::json& j, const std::string& path);
// The same, moving the payload out of j instead of copying it (large batches).
Parsed<WireEvent> parse_wire_event(nlohmann::json&& j, const std::string& path);

// A create payload: {"ticket": object, "customer": object of optional texts of at most 256
// bytes (name, phone, email, customer_no, order_no)}, nothing else. path names the payload.
Parsed<void> check_create_payload(const nlohmann::json& payload, const std::string& path);

// "SZ01/K1" -> true; also k_center_device.
bool valid_device_id(std::string_view device);
// The branch part of "SZ01/K1"; empty for the center.
std::string branch_of_device(std::string_view device);

} // namespace cf::sync
