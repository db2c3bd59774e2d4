// Pull: the changes for the caller's branch after its cursor. Events come in the center's
// order of arrival (events.seq), minus the caller's own; asset versions by their own sequence.
// The branch filter is in the query itself, so no path leads to another branch's tickets.
#include "center/sqlite_center_storage.h"

#include "sync/json_text.h"

#include <algorithm>

namespace cf::center {
namespace {

using nlohmann::json;

constexpr const char* k_customer_fields[] = {"name", "phone", "email", "customer_no", "order_no"};
constexpr std::string_view k_ticket_prefix = R"({"ticket":)";
constexpr std::string_view k_sealed_key = R"(,"customer_sealed":)";

template <class T> std::unexpected<CenterError> fail_core(const core::Result<T>& r) {
    return std::unexpected(from_core(r.error()));
}

} // namespace

CenterResult<sync::WireEvent> SqliteCenterStorage::to_wire(const core::Event& e) {
    sync::WireEvent w;
    w.id = e.id;
    w.ticket_id = e.ticket_id;
    w.origin_device = e.origin_device;
    w.device_seq = e.device_seq;
    w.hlc = e.hlc;
    w.actor = e.actor;
    w.actor_role = e.actor_role;
    w.kind = e.kind;
    if (e.kind != core::k_create_kind) {
        w.payload = e.payload;
        return w;
    }
    // The receiving terminal seals the customer with its own key.
    json customer = json::object();
    const json& sealed = e.payload.at("customer_sealed");
    for (const char* field : k_customer_fields) {
        auto it = sealed.find(field);
        if (it == sealed.end()) {
            continue;
        }
        auto blob = core::from_base64(it->get<std::string>());
        if (!blob) {
            return fail_core(blob);
        }
        auto plain = m_sealer.open(*blob, e.ticket_id, field);
        if (!plain) {
            return fail_core(plain);
        }
        customer[field] = std::move(*plain);
    }
    w.payload = json{{"ticket", e.payload.at("ticket")}, {"customer", std::move(customer)}};
    return w;
}

CenterResult<void> SqliteCenterStorage::append_wire_payload(std::string& out, const core::Event& e,
                                                            std::string_view stored) {
    if (e.kind != core::k_create_kind) {
        out += stored; // a step's payload is stored as it travels
        return {};
    }
    // A create is stored as {"ticket":BODY,"customer_sealed":{...}} (insert_ticket). The body
    // travels as it is; only the sealed customer is opened, so the terminal can seal it with
    // its own key. The sealed object holds base64 texts only, so the last occurrence of the
    // key is the real one.
    const auto sealed_at = stored.rfind(k_sealed_key);
    if (!stored.starts_with(k_ticket_prefix) || sealed_at == std::string_view::npos ||
        !stored.ends_with('}')) {
        // Not the shape insert_ticket writes: take the long way through the DOM.
        core::Event full = e;
        full.payload = json::parse(stored, nullptr, false);
        if (!full.payload.is_object()) {
            return std::unexpected(CenterError{
                500, "corrupt", "the stored event " + e.id + " does not parse", {}, {}, {}, {}});
        }
        auto w = to_wire(full);
        if (!w) {
            return std::unexpected(w.error());
        }
        out += w->payload.dump();
        return {};
    }
    const std::string_view body =
        stored.substr(k_ticket_prefix.size(), sealed_at - k_ticket_prefix.size());
    const std::string_view sealed_text = stored.substr(
        sealed_at + k_sealed_key.size(), stored.size() - 1 - sealed_at - k_sealed_key.size());
    const json sealed = json::parse(sealed_text, nullptr, false);
    if (!sealed.is_object()) {
        return std::unexpected(
            CenterError{500,
                        "corrupt",
                        "the sealed customer of event " + e.id + " does not parse",
                        {},
                        {},
                        {},
                        {}});
    }
    out += k_ticket_prefix;
    out += body;
    out += R"(,"customer":{)";
    bool first = true;
    for (const char* field : k_customer_fields) {
        auto it = sealed.find(field);
        if (it == sealed.end() || !it->is_string()) {
            continue;
        }
        auto blob = core::from_base64(it->get_ref<const std::string&>());
        if (!blob) {
            return fail_core(blob);
        }
        auto plain = m_sealer.open(*blob, e.ticket_id, field);
        if (!plain) {
            return fail_core(plain);
        }
        sync::append_json_key(out, field, first);
        sync::append_json_string(out, *plain);
        first = false;
    }
    out += "}}";
    return {};
}

CenterResult<std::string> SqliteCenterStorage::pull(const Principal& who,
                                                    const sync::PullRequest& request) {
    if (who.kind != Principal::Kind::device) {
        return center_error(403, "not_a_device", "only an enrolled device can pull");
    }
    if (request.device != who.device) {
        return center_error(403, "wrong_device",
                            "the token belongs to " + who.device + ", not to " + request.device,
                            "device");
    }
    std::lock_guard lock(m_mutex);
    sync::PullCursor from = request.cursor;
    bool reset = false;
    // A cursor from another epoch means nothing here: start again (the terminal skips what it
    // has by event id).
    if (!request.epoch.empty() && request.epoch != m_epoch) {
        reset = true;
        from = {};
    }
    auto q = m_db.query("SELECT seq, id, ticket_id, origin_device, device_seq, hlc, actor, "
                        "actor_role, kind, payload FROM events WHERE branch = ?1 AND seq > ?2 "
                        "AND origin_device != ?3 ORDER BY seq LIMIT ?4");
    if (!q) {
        return fail_core(q);
    }
    q->bind(1, who.branch).bind(2, from.events).bind(3, who.device).bind(4, request.limit + 1);
    sync::PullCursor cursor = from;
    bool more = false;
    // An event stored before pushes were checked (issue 13), dated by a terminal whose clock
    // was far ahead, or one an older center's clock wrapped negative, travels dated within
    // [0, wall time + skew]: the first would drag every terminal's clock up there (and their
    // own pushes would then be refused as clock_ahead), the second no terminal can read.
    const auto hlc_ceiling = static_cast<std::int64_t>(
        core::make_hlc(core::SystemClock().now() + m_max_clock_skew, 0xffff));
    // The answer is written as text: the stored payloads are JSON already, and parsing them
    // only to serialise them again was most of the center's work in a pull.
    std::string events = "[";
    std::int64_t count = 0;
    while (true) {
        auto row = q->step();
        if (!row) {
            return fail_core(row);
        }
        if (!*row) {
            break;
        }
        if (count == request.limit) {
            more = true;
            break;
        }
        core::Event e;
        e.id = q->text(1);
        e.ticket_id = q->text(2);
        e.kind = q->text(8);
        const std::string stored = q->text(9);
        events += count == 0 ? "{" : ",{";
        sync::append_json_key(events, "id", true);
        sync::append_json_string(events, e.id);
        sync::append_json_key(events, "ticket_id");
        sync::append_json_string(events, e.ticket_id);
        sync::append_json_key(events, "origin_device");
        sync::append_json_string(events, q->text(3));
        sync::append_json_key(events, "device_seq");
        sync::append_json_int(events, q->int64(4));
        sync::append_json_key(events, "hlc");
        sync::append_json_int(events, std::clamp<std::int64_t>(q->int64(5), 0, hlc_ceiling));
        sync::append_json_key(events, "actor");
        sync::append_json_string(events, q->text(6));
        sync::append_json_key(events, "actor_role");
        sync::append_json_string(events, q->text(7));
        sync::append_json_key(events, "kind");
        sync::append_json_string(events, e.kind);
        sync::append_json_key(events, "payload");
        if (auto r = append_wire_payload(events, e, stored); !r) {
            return std::unexpected(r.error());
        }
        events += '}';
        ++count;
        cursor.events = q->int64(0);
    }
    events += ']';
    // Only the newest version of each asset matters to a terminal.
    auto a = m_db.query("SELECT a.seq, a.name, a.version, a.content FROM assets a WHERE a.seq > "
                        "?1 AND a.version = (SELECT max(version) FROM assets b WHERE b.name = "
                        "a.name) ORDER BY a.seq");
    if (!a) {
        return fail_core(a);
    }
    a->bind(1, from.assets);
    std::string assets = "[";
    while (true) {
        auto row = a->step();
        if (!row) {
            return fail_core(row);
        }
        if (!*row) {
            break;
        }
        assets += assets.size() == 1 ? "{" : ",{";
        sync::append_json_key(assets, "name", true);
        sync::append_json_string(assets, a->text(1));
        sync::append_json_key(assets, "version");
        sync::append_json_int(assets, a->int64(2));
        sync::append_json_key(assets, "content");
        sync::append_json_string(assets, a->text(3));
        assets += '}';
        cursor.assets = a->int64(0);
    }
    assets += ']';
    std::string out;
    out.reserve(events.size() + assets.size() + 200);
    out += '{';
    sync::append_json_key(out, "protocol", true);
    sync::append_json_int(out, sync::k_protocol_version);
    sync::append_json_key(out, "epoch");
    sync::append_json_string(out, m_epoch);
    sync::append_json_key(out, "reset");
    out += reset ? "true" : "false";
    sync::append_json_key(out, "cursor");
    out += R"({"events":)";
    sync::append_json_int(out, cursor.events);
    out += R"(,"assets":)";
    sync::append_json_int(out, cursor.assets);
    out += '}';
    sync::append_json_key(out, "more");
    out += more ? "true" : "false";
    sync::append_json_key(out, "events");
    out += events;
    sync::append_json_key(out, "assets");
    out += assets;
    out += '}';
    return out;
}

} // namespace cf::center
