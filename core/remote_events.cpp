// Applying events pulled from the regional center (TicketStore::apply_remote). The center is
// the authority for its own steps; the branch owns the rest, so in practice the local state
// machine accepts what arrives. When it does not (a terminal acted with a center role before
// sync existed, or two terminals of the branch raced), the event still goes into the log, so
// the timeline shows it, but the projection keeps what the local rules allow.
#include "core/hybrid_clock.h"
#include "core/phone.h"
#include "core/ticket_json.h"
#include "core/ticket_store.h"
#include "core/ticket_text.h"

#include <charconv>

namespace cf::core {
namespace {

using nlohmann::json;

struct SealedField {
    const char* name;
    std::string Customer::*member;
};
// The same fields, in the same order, as the sealed columns (ticket_store.cpp).
constexpr SealedField k_sealed_fields[] = {
    {"name", &Customer::name},         {"phone", &Customer::phone},
    {"email", &Customer::email},       {"customer_no", &Customer::customer_no},
    {"order_no", &Customer::order_no},
};

bool step_changes_text(Step s) {
    return s == Step::note || s == Step::contact || s == Step::resolve || s == Step::handle ||
           s == Step::audit_reject || s == Step::audit_part || s == Step::feedback;
}

} // namespace

Result<RemoteApplyResult> TicketStore::apply_remote(std::span<const RemoteEvent> events,
                                                    std::span<const ReceivedAsset> assets,
                                                    const PullCheckpoint& checkpoint) {
    auto tx = Transaction::begin(m_db);
    if (!tx) {
        return std::unexpected(tx.error());
    }
    RemoteApplyResult result;
    Hlc newest = 0;
    for (const auto& remote : events) {
        if (auto r = apply_remote_event(remote, result); !r) {
            return std::unexpected(r.error());
        }
        newest = std::max(newest, remote.event.hlc);
    }
    // Local events after these must order after them: keep the newest timestamp seen.
    auto observed_text = meta("observed_hlc");
    if (!observed_text) {
        return std::unexpected(observed_text.error());
    }
    Hlc observed = 0;
    std::from_chars(observed_text->data(), observed_text->data() + observed_text->size(), observed);
    if (newest > observed) {
        if (auto r = set_meta("observed_hlc", std::to_string(newest)); !r) {
            return std::unexpected(r.error());
        }
    }
    for (const auto& a : assets) {
        auto q = m_db.query("INSERT INTO sync_assets(name, version, content, received_at) "
                            "VALUES (?1, ?2, ?3, ?4) ON CONFLICT(name) DO UPDATE SET "
                            "version = excluded.version, content = excluded.content, "
                            "received_at = excluded.received_at WHERE excluded.version > version");
        if (!q) {
            return std::unexpected(q.error());
        }
        if (auto r = q->bind(1, a.name)
                         .bind(2, a.version)
                         .bind(3, a.content)
                         .bind(4, m_clock->now())
                         .run();
            !r) {
            return std::unexpected(r.error());
        }
    }
    const std::pair<const char*, std::string> cursor[] = {
        {"sync_epoch", checkpoint.epoch},
        {"pull_cursor_events", std::to_string(checkpoint.events_cursor)},
        {"pull_cursor_assets", std::to_string(checkpoint.assets_cursor)},
    };
    for (const auto& [key, value] : cursor) {
        if (auto r = set_meta(key, value); !r) {
            return std::unexpected(r.error());
        }
    }
    if (auto r = tx->commit(); !r) {
        return std::unexpected(r.error());
    }
    return result;
}

Result<void> TicketStore::apply_remote_event(const RemoteEvent& remote, RemoteApplyResult& result) {
    const Event& e = remote.event;
    {
        auto seen = m_db.query("SELECT 1 FROM events WHERE id = ?1");
        if (!seen) {
            return std::unexpected(seen.error());
        }
        seen->bind(1, e.id);
        auto row = seen->step();
        if (!row) {
            return std::unexpected(row.error());
        }
        if (*row || e.origin_device == m_identity.device_id()) {
            ++result.duplicates;
            return {};
        }
    }
    std::string stored_payload;
    if (e.kind == k_create_kind) {
        // The ticket's text, when it came with the event and holds only ticket keys, is read
        // without the DOM and kept as the row's body.
        Ticket t;
        JsonScan scan(remote.ticket_text);
        const bool as_text =
            !remote.ticket_text.empty() && read_ticket_text(scan, t) && scan.at_end();
        auto body = e.payload.find("ticket");
        if ((!as_text && body == e.payload.end()) || !remote.customer) {
            return fail(ErrorCode::invalid_input,
                        "event " + e.id + ": a create event needs its ticket and customer");
        }
        if (!as_text) {
            auto parsed = ticket_from_json(*body);
            if (!parsed) {
                return fail(ErrorCode::invalid_input,
                            "event " + e.id +
                                ": the ticket does not parse: " + parsed.error().message);
            }
            t = std::move(*parsed);
        }
        if (t.id != e.ticket_id) {
            return fail(ErrorCode::invalid_input,
                        "event " + e.id + ": the ticket id does not match the event's");
        }
        t.customer = *remote.customer;
        if (std::string phone = normalize_phone(t.customer.phone); !phone.empty()) {
            t.customer.phone = std::move(phone);
        }
        SealedCustomer sealed;
        json sealed_json = json::object();
        for (std::size_t i = 0; i < std::size(k_sealed_fields); ++i) {
            const std::string& value = t.customer.*(k_sealed_fields[i].member);
            if (!value.empty()) {
                sealed[i] = m_sealer.seal(value, t.id, k_sealed_fields[i].name);
                sealed_json[k_sealed_fields[i].name] = to_base64(sealed[i]);
            }
        }
        const std::string body_text =
            as_text ? remote.ticket_text : to_json(t, PiiMode::omit).dump();
        if (auto r = insert_ticket(t, body_text, sealed); !r) {
            return r;
        }
        // The same text as the row body, as filing does: serialised once.
        stored_payload =
            R"({"ticket":)" + body_text + R"(,"customer_sealed":)" + sealed_json.dump() + "}";
        result.changed_tickets.push_back(t.number);
    } else {
        auto step = parse_step(e.kind);
        if (!step) {
            return fail(ErrorCode::invalid_input,
                        "event " + e.id + ": unknown event kind '" + e.kind + "'");
        }
        auto loaded = load_one("t.id = ?1", e.ticket_id);
        if (!loaded) {
            if (loaded.error().code == ErrorCode::not_found) {
                return fail(ErrorCode::invalid_input, "event " + e.id + " (" + e.kind +
                                                          ") is for ticket " + e.ticket_id +
                                                          ", which this terminal does not have");
            }
            return std::unexpected(loaded.error());
        }
        Ticket t = std::move(*loaded);
        // A handler acts for the department named in the payload.
        Actor actor{e.actor, e.actor_role,
                    e.payload.is_object() ? e.payload.value("department", std::string()) : ""};
        // The center's own steps as the center took them: it is their authority.
        const StepOrigin origin =
            step_side(*step) == Owner::center ? StepOrigin::from_center : StepOrigin::local;
        if (auto ok = check_step(t, *step, actor, e.payload, origin); !ok) {
            result.refused.push_back(t.number + ": " + ok.error().message);
        } else {
            apply_step(t, *step, actor, e.payload, hlc_physical(e.hlc));
            if (auto r = update_ticket(t); !r) {
                return r;
            }
            if (step_changes_text(*step)) {
                if (auto r = reindex_if_indexed(t); !r) {
                    return r;
                }
            }
            result.changed_tickets.push_back(t.number);
        }
    }
    auto q = m_db.query("INSERT INTO events(id, ticket_id, origin_device, device_seq, hlc, "
                        "actor, actor_role, kind, payload) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    if (!q) {
        return std::unexpected(q.error());
    }
    q->bind(1, e.id)
        .bind(2, e.ticket_id)
        .bind(3, e.origin_device)
        .bind(4, e.device_seq)
        .bind(5, static_cast<std::int64_t>(e.hlc))
        .bind(6, e.actor)
        .bind(7, to_string(e.actor_role))
        .bind(8, e.kind)
        .bind(9, stored_payload.empty() ? e.payload.dump() : stored_payload);
    if (auto r = q->run(); !r) {
        return r;
    }
    ++result.applied;
    return {};
}

} // namespace cf::core
