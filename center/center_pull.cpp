// Pull: the changes for the caller's branch after its cursor. Events come in the center's
// order of arrival (events.seq), minus the caller's own; asset versions by their own sequence.
// The branch filter is in the query itself, so no path leads to another branch's tickets.
#include "center/sqlite_center_storage.h"

namespace cf::center {
namespace {

using nlohmann::json;

constexpr const char* k_customer_fields[] = {"name", "phone", "email", "customer_no", "order_no"};

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

CenterResult<sync::PullResponse> SqliteCenterStorage::pull(const Principal& who,
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
    sync::PullResponse out;
    out.epoch = m_epoch;
    sync::PullCursor from = request.cursor;
    // A cursor from another epoch means nothing here: start again (the terminal skips what it
    // has by event id).
    if (!request.epoch.empty() && request.epoch != m_epoch) {
        out.reset = true;
        from = {};
    }
    auto q = m_db.query("SELECT seq, id, ticket_id, origin_device, device_seq, hlc, actor, "
                        "actor_role, kind, payload FROM events WHERE branch = ?1 AND seq > ?2 "
                        "AND origin_device != ?3 ORDER BY seq LIMIT ?4");
    if (!q) {
        return fail_core(q);
    }
    q->bind(1, who.branch).bind(2, from.events).bind(3, who.device).bind(4, request.limit + 1);
    out.cursor = from;
    while (true) {
        auto row = q->step();
        if (!row) {
            return fail_core(row);
        }
        if (!*row) {
            break;
        }
        if (static_cast<std::int64_t>(out.events.size()) == request.limit) {
            out.more = true;
            break;
        }
        core::Event e;
        e.id = q->text(1);
        e.ticket_id = q->text(2);
        e.origin_device = q->text(3);
        e.device_seq = q->int64(4);
        e.hlc = static_cast<core::Hlc>(q->int64(5));
        e.actor = q->text(6);
        e.actor_role = core::parse_role(q->text(7)).value_or(core::Role::frontdesk);
        e.kind = q->text(8);
        e.payload = json::parse(q->text(9), nullptr, false);
        auto w = to_wire(e);
        if (!w) {
            return std::unexpected(w.error());
        }
        out.events.push_back(std::move(*w));
        out.cursor.events = q->int64(0);
    }
    // Only the newest version of each asset matters to a terminal.
    auto a = m_db.query("SELECT a.seq, a.name, a.version, a.content FROM assets a WHERE a.seq > "
                        "?1 AND a.version = (SELECT max(version) FROM assets b WHERE b.name = "
                        "a.name) ORDER BY a.seq");
    if (!a) {
        return fail_core(a);
    }
    a->bind(1, from.assets);
    while (true) {
        auto row = a->step();
        if (!row) {
            return fail_core(row);
        }
        if (!*row) {
            break;
        }
        out.assets.push_back(sync::AssetVersion{a->text(1), a->int64(2), a->text(3)});
        out.cursor.assets = a->int64(0);
    }
    return out;
}

} // namespace cf::center
