#include "sync/wire_event.h"

#include "core/lifecycle.h"
#include "core/ticket_number.h"
#include "core/uuid.h"
#include "sync/json_fields.h"

namespace cf::sync {

using nlohmann::json;

namespace {

constexpr const char* k_customer_fields[] = {"name", "phone", "email", "customer_no", "order_no"};

} // namespace

bool valid_device_id(std::string_view device) {
    if (device == k_center_device) {
        return true;
    }
    const auto slash = device.find('/');
    if (slash == std::string_view::npos) {
        return false;
    }
    return core::valid_branch_code(device.substr(0, slash)) &&
           core::valid_terminal_id(device.substr(slash + 1));
}

std::string branch_of_device(std::string_view device) {
    const auto slash = device.find('/');
    return slash == std::string_view::npos ? std::string() : std::string(device.substr(0, slash));
}

namespace {

// The payload as it travelled: for a create read by the fast path, rebuilt from its ticket
// text and customer (the customer's empty fields left out).
json payload_of(const WireEvent& e) {
    if (!e.create) {
        return e.payload;
    }
    json customer = json::object();
    const core::Customer& c = e.create->ticket.customer;
    const std::pair<const char*, const std::string*> fields[] = {{"name", &c.name},
                                                                 {"phone", &c.phone},
                                                                 {"email", &c.email},
                                                                 {"customer_no", &c.customer_no},
                                                                 {"order_no", &c.order_no}};
    for (const auto& [key, value] : fields) {
        if (!value->empty()) {
            customer[key] = *value;
        }
    }
    return {{"ticket", json::parse(e.create->ticket_text)}, {"customer", std::move(customer)}};
}

} // namespace

json to_json(WireEvent&& e) {
    json j = {
        {"id", std::move(e.id)},
        {"ticket_id", std::move(e.ticket_id)},
        {"origin_device", std::move(e.origin_device)},
        {"device_seq", e.device_seq},
        {"hlc", e.hlc},
        {"actor", std::move(e.actor)},
        {"actor_role", core::to_string(e.actor_role)},
        {"kind", std::move(e.kind)},
    };
    j["payload"] = e.create ? payload_of(e) : std::move(e.payload);
    return j;
}

json to_json(const WireEvent& e) {
    return {
        {"id", e.id},
        {"ticket_id", e.ticket_id},
        {"origin_device", e.origin_device},
        {"device_seq", e.device_seq},
        {"hlc", e.hlc},
        {"actor", e.actor},
        {"actor_role", core::to_string(e.actor_role)},
        {"kind", e.kind},
        {"payload", payload_of(e)},
    };
}

Parsed<void> check_create_payload(const json& payload, const std::string& path) {
    JsonFields p(payload, path);
    p.object("ticket");
    const json* customer = p.object("customer");
    if (auto done = p.finish(); !done) {
        return std::unexpected(done.error());
    }
    JsonFields c(*customer, p.path_of("customer"));
    for (const char* field : k_customer_fields) {
        c.optional_text(field, 256);
    }
    return c.finish();
}

namespace {

Parsed<WireEvent> parse_event(const json& j, const std::string& path, bool copy_payload) {
    JsonFields f(j, path);
    WireEvent e;
    auto id = f.text("id", 36);
    auto ticket_id = f.text("ticket_id", 36);
    auto origin = f.text("origin_device", 16);
    auto seq = f.integer("device_seq", 1, std::numeric_limits<std::int64_t>::max());
    auto hlc = f.integer("hlc", 0, std::numeric_limits<std::int64_t>::max());
    auto actor = f.text("actor", 100);
    auto role = f.text("actor_role", 32);
    auto kind = f.text("kind", 32);
    const json* payload = f.object("payload");
    if (!f.ok()) {
        return std::unexpected(f.error());
    }
    if (!core::valid_uuid(*id)) {
        f.fail("invalid_value", "id", "'" + *id + "' is not a UUID");
    } else if (!core::valid_uuid(*ticket_id)) {
        f.fail("invalid_value", "ticket_id", "'" + *ticket_id + "' is not a UUID");
    } else if (!valid_device_id(*origin)) {
        f.fail("invalid_value", "origin_device",
               "'" + *origin + "' is not a device id like SZ01/K1");
    } else if (!core::parse_role(*role)) {
        f.fail("unknown_role", "actor_role", "'" + *role + "' is not a known role");
    } else if (*kind != core::k_create_kind && !core::parse_step(*kind)) {
        f.fail("unknown_kind", "kind", "'" + *kind + "' is not a known event kind");
    }
    if (auto done = f.finish(); !done) {
        return std::unexpected(done.error());
    }
    if (*kind == core::k_create_kind) {
        if (auto done = check_create_payload(*payload, f.path_of("payload")); !done) {
            return std::unexpected(done.error());
        }
    }
    e.id = *id;
    e.ticket_id = *ticket_id;
    e.origin_device = *origin;
    e.device_seq = *seq;
    e.hlc = static_cast<core::Hlc>(*hlc);
    e.actor = *actor;
    e.actor_role = *core::parse_role(*role);
    e.kind = *kind;
    if (copy_payload) {
        e.payload = *payload;
    }
    return e;
}

} // namespace

Parsed<WireEvent> parse_wire_event(const json& j, const std::string& path) {
    return parse_event(j, path, true);
}

Parsed<WireEvent> parse_wire_event(json&& j, const std::string& path) {
    auto e = parse_event(j, path, false);
    if (e) {
        e->payload = std::move(j.at("payload"));
    }
    return e;
}

} // namespace cf::sync
